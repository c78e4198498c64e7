// `npm run seed -- [--dry-run] FILE…` as a user runs it, against the test database (NEO4J_URI): a dry run prints the
// resolution report and writes nothing; the load then writes what it reported.
import path from "node:path";
import { projectRoot } from "../../src/config";
import { runCommand } from "../support/commands";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { dumpGraph } from "../support/graphDump";
import { loadIstanbulSeed } from "../support/seed";

const db = connectTestDatabase();
const example = path.join(projectRoot, "examples/second-source/2025-06-03-istanbul-follow-up.json");

function seed(...args: string[]) {
  return runCommand("seed.ts", args);
}

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
});
afterAll(() => db.close());

it("previews a second source with --dry-run, writing nothing, then loads it", async () => {
  const before = await dumpGraph(db);
  const preview = seed("--dry-run", example);
  expect(preview.err).toBe("");
  expect(preview.code).toBe(0);
  expect(preview.out).toContain("(dry run: nothing written)");
  expect(preview.out).toMatch(/resolution: \d+ merged, \d+ ambiguous, \d+ new/);
  expect(preview.out).toContain("MERGED person:volodymyr-zelensky into person:volodymyr-zelenskyy");
  expect(await dumpGraph(db)).toEqual(before);

  const load = seed(example);
  expect(load.code).toBe(0);
  expect(load.out).toContain("MERGED venue:chiragan-palace into venue:ciragan-palace");
  const [row] = await db.read<{ n: number }>(
    "MATCH (s:Source {id: 'source:example-wire-2025-06-03'}) RETURN count(s) AS n",
  );
  expect(row!.n).toBe(1);
}, 240_000);

it("refuses an unknown option with the usage and exit code 2", () => {
  const result = seed("--dryrun", example);
  expect(result.code).toBe(2);
  expect(result.err).toContain("Usage: npm run seed -- [--dry-run] [FILE.json …]");
});
