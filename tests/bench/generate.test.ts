// The benchmark generator writes datasets that the project's own loader accepts (the same ones for the same seed:
// tests/unit/bench/generate.test.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../bench/generate";
import { loadDatasetFile } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";

const db = connectTestDatabase();
const folders: string[] = [];

function generateInto(options: { statements: number; perFile: number; seed?: number }) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kg-synthetic-"));
  folders.push(out);
  return { out, ...generateSyntheticDataset({ ...options, out }) };
}

let loaded: string[] = [];

beforeAll(async () => {
  await emptyGraph(db);
  loaded = generateInto({ statements: 300, perFile: 100 }).files;
  for (const file of loaded) await loadDatasetFile(db, file);
});
afterAll(async () => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  await db.close();
});

describe("the synthetic benchmark dataset", () => {
  it("loads 300 statements from an entity file and three statement files, in sorted order", async () => {
    expect(loaded.map((f) => path.basename(f))).toEqual([
      "00000-entities.json",
      "00001-statements.json",
      "00002-statements.json",
      "00003-statements.json",
    ]);
    const [counts] = await db.read<{
      statements: number;
      said: number;
      evidence: number;
      sources: number;
      people: number;
      states: number;
    }>(
      `MATCH (s:Statement) WITH count(s) AS statements
       MATCH ()-[r:SAID]->(:Statement) WITH statements, count(r) AS said
       MATCH (:Statement)-[e:REPORTED_IN]->(:Source) WITH statements, said, count(e) AS evidence
       MATCH (src:Source) WITH statements, said, evidence, count(src) AS sources
       MATCH (p:Person) WITH statements, said, evidence, sources, count(p) AS people
       MATCH (st:State)
       RETURN statements, said, evidence, sources, people, count(st) AS states`,
    );
    expect(counts).toEqual({ statements: 300, said: 300, evidence: 300, sources: 4, people: 50, states: 50 });
  });

  it("finds the statements by the vocabulary words of real news", async () => {
    const rows = await db.read<{ hits: number }>(
      "CALL db.index.fulltext.queryNodes('statement_text', 'ceasefire OR sanctions OR prisoners OR talks') " +
        "YIELD node RETURN count(node) AS hits",
    );
    expect(rows[0]!.hits).toBeGreaterThan(100);
  });
});
