// npm run curators -- add NAME [--role curator|admin] [--replace] | remove NAME | list   [--file PATH]
// Keeps the tokens file (CURATORS_FILE; --file, or data/curators.json when neither is given): `add` makes a new random
// token for NAME, stores only its scrypt hash and prints the token once; `remove` takes a curator out; `list` shows
// names and roles. The server reads the file at start-up: restart it to apply a change.
// Exit codes: 0 done, 1 refused (the message says why), 2 usage error.
import path from "node:path";
import { parseArgs } from "node:util";
import { curatorsFilePath, projectRoot } from "../config";
import { newToken } from "../settings/tokenHash";
import {
  API_TOKEN_HOLDER,
  CURATOR_NAME,
  CuratorsFileError,
  readCuratorsOrNone,
  roleOf,
  writeCurators,
} from "../settings/tokensFile";

const USAGE =
  "Usage: npm run curators -- add NAME [--role curator|admin] [--replace] | remove NAME | list   [--file PATH]";

export interface Io {
  /** The token goes here, alone on its line, so that a script can capture it. */
  out(line: string): void;
  /** Everything else. */
  err(line: string): void;
}

class Refusal extends Error {}

function addCurator(file: string, name: string | undefined, role: string, replace: boolean) {
  if (!name) throw new Refusal(`add needs the curator's name. ${USAGE}`);
  if (!CURATOR_NAME.test(name)) {
    throw new Refusal(`"${name}" is not a curator's name: letters, digits and . _ @ - (at most 64)`);
  }
  if (name === API_TOKEN_HOLDER) throw new Refusal(`"${name}" is the API_TOKEN's holder; choose another name`);
  const checkedRole = roleOf(role);
  if (!checkedRole) throw new Refusal(`--role must be curator or admin, not "${role}"`);
  const curators = readCuratorsOrNone(file);
  if (curators[name] && !replace) {
    throw new Refusal(`${name} is already a curator in ${file}: add --replace to give them a new token`);
  }
  return { curators, name, role: checkedRole };
}

/** @param env the environment for CURATORS_FILE (default: the process's, as src/config.ts reads it) */
export async function runCuratorsCommand(
  argv: string[],
  io: Io,
  env?: Record<string, string | undefined>,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { role: { type: "string", default: "curator" }, replace: { type: "boolean" }, file: { type: "string" } },
    });
  } catch (e) {
    io.err(`${(e as Error).message}. ${USAGE}`);
    return 2;
  }
  const [command, name, ...extra] = parsed.positionals;
  const { values } = parsed;
  const file = values.file
    ? path.resolve(values.file)
    : (curatorsFilePath(env) ?? path.join(projectRoot, "data/curators.json"));
  if (extra.length || !command || !["add", "remove", "list"].includes(command)) {
    io.err(USAGE);
    return 2;
  }
  try {
    if (command === "list") {
      const curators = readCuratorsOrNone(file);
      const names = Object.keys(curators);
      if (!names.length) io.err(`No curator in ${file}.`);
      for (const each of names) io.out(`${each}\t${curators[each]!.role}`);
    } else if (command === "remove") {
      const curators = readCuratorsOrNone(file);
      if (!name || !curators[name]) throw new Refusal(`${name ?? "(no name)"} is not a curator in ${file}`);
      delete curators[name];
      writeCurators(file, curators);
      io.err(`Removed ${name} from ${file}. Restart the server to apply it.`);
    } else {
      const added = addCurator(file, name, values.role ?? "curator", values.replace ?? false);
      const { token, tokenId, tokenHash } = await newToken();
      writeCurators(file, { ...added.curators, [added.name]: { role: added.role, tokenId, tokenHash } });
      io.err(`${added.name} is a ${added.role} in ${file}. Their token, shown once (the file keeps only its hash):`);
      io.out(token);
      io.err(`The server reads CURATORS_FILE=${file} at start-up: restart it to apply this.`);
    }
    return 0;
  } catch (e) {
    if (e instanceof Refusal || e instanceof CuratorsFileError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  runCuratorsCommand(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) })
    .then((code) => process.exit(code))
    .catch((e: unknown) => {
      console.error("npm run curators failed:", e);
      process.exit(1);
    });
}
