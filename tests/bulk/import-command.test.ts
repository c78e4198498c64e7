// npm run import:bulk as a user runs it: it fills an empty data dir and says what it imported (exit 0); it refuses,
// with nothing written, a dataset the loader would refuse (a quotation its evidence does not hold, a response to a
// statement no file defines), a data dir that holds a database, and one a Neo4j runs on (exit 1); when the importer
// itself fails, the data dir is left as it was (exit 2).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { runCommand } from "../support/commands";

jest.setTimeout(300_000);

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bulk-command-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The seed with its text inline and one change to its first statement. */
function seedWith(change: Record<string, unknown>): string {
  const seed = JSON.parse(fs.readFileSync(path.join(projectRoot, "seed/2025-06-02-istanbul-talks.json"), "utf8"));
  seed.source.text = fs.readFileSync(path.join(projectRoot, "seed/2025-06-02-istanbul-talks.txt"), "utf8");
  delete seed.source.textFile;
  seed.statements[0] = { ...seed.statements[0], ...change };
  const dir = fs.mkdtempSync(path.join(folder, "datasets-"));
  fs.writeFileSync(path.join(dir, "seed.json"), JSON.stringify(seed));
  return dir;
}

/** Every path under a folder, to show it is as it was. */
function contents(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("npm run import:bulk", () => {
  it("imports the seed into an empty data dir, then refuses to import into it again", () => {
    const dataDir = path.join(folder, "seeded");
    const first = runCommand("importBulk.ts", ["seed", "--data-dir", dataDir]);
    expect([first.code, first.err]).toEqual([0, expect.any(String)]);
    expect(first.out).toMatch(/Imported 1 files into .* in [\d.]+ s/);
    expect(first.out).toMatch(/nodes: .*Statement 11/);
    expect(first.out).toMatch(/relationships: .*REPORTED_IN 11/);

    const before = contents(dataDir);
    const again = runCommand("importBulk.ts", ["seed", "--data-dir", dataDir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("already holds a database (data/databases/neo4j)");
    expect(contents(dataDir)).toEqual(before);
  });

  it("refuses a dataset whose evidence does not hold the quotation, naming the file and the statement", () => {
    const dataDir = path.join(folder, "never");
    const datasets = seedWith({ kind: "DIRECT_QUOTE", text: "Words that the article never prints" });
    const run = runCommand("importBulk.ts", [datasets, "--data-dir", dataDir]);
    expect(run.code).toBe(1);
    expect(run.err).toContain("Bulk import refused, nothing was imported");
    expect(run.err).toContain(`${path.join(datasets, "seed.json")}: dataset refused`);
    expect(run.err).toMatch(/statements\[0\] \(statement:[a-z-]+\)\.evidence\[0\]: the quoted words/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("refuses a response to a statement that no file of the import defines, naming the file and the response", () => {
    const dataDir = path.join(folder, "unanswered");
    const datasets = seedWith({ respondsTo: [{ statement: "statement:never-said", relation: "ANSWERS" }] });
    const run = runCommand("importBulk.ts", [datasets, "--data-dir", dataDir]);
    expect(run.code).toBe(1);
    expect(run.err).toContain("Bulk import refused, nothing was imported");
    expect(run.err).toContain(`${path.join(datasets, "seed.json")}: dataset refused`);
    expect(run.err).toMatch(
      new RegExp(
        String.raw`statements\[0\] \(statement:[a-z-]+\)\.respondsTo\[0\]\.statement: ` +
          "statement:never-said is neither defined in this dataset nor in the graph",
      ),
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("refuses a data dir a Neo4j is running on", () => {
    const dataDir = path.join(folder, "running");
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, "launcher.json"), JSON.stringify({ pid: process.pid, port: 7687 }));
    const run = runCommand("importBulk.ts", ["seed", "--data-dir", dataDir]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`a Neo4j (pid ${process.pid}) is running on ${dataDir}`);
    expect(contents(dataDir)).toEqual(["launcher.json"]);
  });

  it("leaves the data dir as it was when the importer fails, and says which value it could not read", () => {
    const dataDir = path.join(folder, "kept");
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, "password"), "kept\n");
    const run = runCommand("importBulk.ts", [seedWith({ time: "25:99+03:00" }), "--data-dir", dataDir]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("the data dir is as it was before");
    expect(run.err).toContain("raw field value: 25:99+03:00");
    expect(contents(dataDir)).toEqual(["password"]);
    expect(fs.readFileSync(path.join(dataDir, "password"), "utf8")).toBe("kept\n");
  });
});
