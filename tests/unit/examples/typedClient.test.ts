// examples/typed-client works as a frontend project would use it: graphql-codegen with its codegen.yml, then tsc over
// its operations and src/typeChecks.ts (Date and DateTime are strings, JSON is unknown, never any; possible types).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../../..");
const example = path.join(root, "examples", "typed-client");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
let dir: string;

beforeAll(() => {
  // Two levels below the root like the example itself, so its schema path (../../schema) holds; inside the repository
  // so that node_modules is found. A copy: the test never writes into examples/.
  fs.mkdirSync(path.join(root, "test-artifacts"), { recursive: true });
  dir = fs.mkdtempSync(path.join(root, "test-artifacts", "typed-client-"));
  fs.cpSync(example, dir, { recursive: true, filter: (from) => !from.includes(`${path.sep}generated`) });
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// codegen and tsc over a whole project: under a loaded CI machine this takes more than a minute.
describe("the typed-client example", () => {
  it("generates typed documents and possible types that type-check, with the scalars mapped", async () => {
    await run(bin("graphql-codegen"), ["--config", "codegen.yml", "--silent"], { cwd: dir });
    const generated = path.join(dir, "src", "generated");
    expect(fs.readdirSync(generated).sort()).toEqual(["gql.ts", "graphql.ts", "index.ts", "possibleTypes.ts"]);
    expect(fs.readFileSync(path.join(generated, "possibleTypes.ts"), "utf8")).toMatch(
      /"Speaker": \[\s*"Organization",\s*"Person",\s*"State"\s*\]/,
    );

    const tsc = await run(bin("tsc"), ["-p", "."], { cwd: dir }).catch((e: { stdout: string }) => e);
    expect(tsc.stdout).toBe("");
  }, 150_000);
});
