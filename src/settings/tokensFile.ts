// The tokens file (CURATORS_FILE): each named curator with their role and their token's hash. Read once at start-up
// and written by `npm run curators` (src/cli/curators.ts), so nobody writes a hash by hand.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ROLES, type Role } from "../domain/roles";
import { isTokenHash } from "./tokenHash";

/** The change log's name for the static API_TOKEN's holder: no curator may take it. */
export const API_TOKEN_HOLDER = "api-token";

/** A name the change log shows: letters, digits and . _ @ - (an e-mail address or a handle), up to 64. */
export const CURATOR_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

const entrySchema = z
  .object({
    role: z.enum(ROLES),
    tokenId: z.string().regex(/^[0-9a-f]{12}$/, "must be 12 hexadecimal digits (the id inside the token)"),
    tokenHash: z.string().refine(isTokenHash, "must be a scrypt hash made by npm run curators"),
  })
  .strict();

const fileSchema = z
  .object({
    curators: z.record(
      z.string().regex(CURATOR_NAME, "a curator's name is letters, digits and . _ @ - (at most 64)"),
      entrySchema,
    ),
  })
  .strict();

export type CuratorEntry = z.infer<typeof entrySchema>;
/** Every curator by name. */
export type Curators = Record<string, CuratorEntry>;

export class CuratorsFileError extends Error {}

/** The scrypt cost a hash may ask for: enough for any real setting, too little to exhaust memory. */
function checkCost(name: string, entry: CuratorEntry, file: string): void {
  const [ln, r, p] = /ln=(\d+),r=(\d+),p=(\d+)/.exec(entry.tokenHash)!.slice(1).map(Number) as [number, number, number];
  if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) {
    const where = `${file}: curators.${name}.tokenHash`;
    throw new CuratorsFileError(`${where}: scrypt cost ln=${ln},r=${r},p=${p} is out of range`);
  }
}

/** The curators of a tokens file's text; a clear error naming the file and the entry otherwise. */
export function parseCurators(text: string, file: string): Curators {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CuratorsFileError(`${file} is not JSON: ${(e as Error).message}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "the file";
    throw new CuratorsFileError(`${file}: ${where}: ${issue.message}`);
  }
  const curators = parsed.data.curators;
  const ids = new Map<string, string>();
  for (const [name, entry] of Object.entries(curators)) {
    if (name === API_TOKEN_HOLDER) {
      throw new CuratorsFileError(`${file}: curators.${name}: the name is the API_TOKEN's holder; choose another`);
    }
    checkCost(name, entry, file);
    const other = ids.get(entry.tokenId);
    if (other) throw new CuratorsFileError(`${file}: curators ${other} and ${name} have the same tokenId`);
    ids.set(entry.tokenId, name);
  }
  return curators;
}

export function readCurators(file: string): Curators {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CuratorsFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseCurators(text, file);
}

/** A missing file counts as no curator yet (the first `npm run curators -- add`). */
export function readCuratorsOrNone(file: string): Curators {
  return fs.existsSync(file) ? readCurators(file) : {};
}

/** Writes the file whole (through a temporary file and a rename), readable by its owner only. */
export function writeCurators(file: string, curators: Curators): void {
  const sorted = Object.fromEntries(Object.entries(curators).sort(([a], [b]) => a.localeCompare(b)));
  const text = `${JSON.stringify({ curators: sorted }, null, 2)}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

export function roleOf(text: string): Role | undefined {
  return (ROLES as readonly string[]).includes(text) ? (text as Role) : undefined;
}
