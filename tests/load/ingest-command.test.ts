// `npm run ingest` as a user runs it, against the test database (NEO4J_URI): the seed article drafted with its
// direct quotations as the hand-made seed has them, refusals with their exit codes and nothing written, a dry run
// that writes nothing, and an import whose quotations join the seed's and show how they were extracted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { parseDataset } from "../../src/load/dataset";
import { connectTestDatabase } from "../support/database";
import { runCommand, runCommandAsync } from "../support/commands";
import { seededApi } from "../support/graphql";
import { dumpGraph } from "../support/graphDump";
import { startTestServer } from "../support/server";

const db = connectTestDatabase();
const api = seededApi(db);
const article = path.join(projectRoot, "seed/2025-06-02-istanbul-talks.txt");
const seedDataset = JSON.parse(fs.readFileSync(path.join(projectRoot, "seed/2025-06-02-istanbul-talks.json"), "utf8"));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-"));

/** No server answers here: the CLI drafts on its own unless a test gives it one. */
const NO_SERVER = "http://127.0.0.1:9/graphql";

function ingest(args: string[], graphqlUrl = NO_SERVER) {
  return runCommand("ingest.ts", args, { GRAPHQL_URL: graphqlUrl });
}

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

it("drafts the seed article with every direct quotation as the hand-made seed has it", () => {
  const out = path.join(work, "draft.json");
  const result = ingest([article, "--published", "2025-06-02", "--out", out]);
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  const draft = parseDataset(out, JSON.parse(fs.readFileSync(out, "utf8")));
  const text = fs.readFileSync(article, "utf8");
  expect(draft.source.text).toBe(text);
  const nameOf = (ds: typeof draft, id: string) =>
    [...ds.people, ...ds.states, ...ds.organizations].find((e) => e.id === id)?.name;
  const quotes = (ds: typeof draft) =>
    ds.statements
      .filter((s) => s.kind === "DIRECT_QUOTE")
      .map((s) => ({ speaker: nameOf(ds, s.speaker), text: s.text, saidOn: s.saidOn, datePrecision: s.datePrecision }));
  expect(quotes(draft)).toEqual(quotes(parseDataset("seed", seedDataset)));
  for (const s of draft.statements) {
    for (const e of s.evidence)
      expect(text.slice(e.start, e.end)).toContain(s.kind === "DIRECT_QUOTE" ? s.text : s.text.slice(0, 20));
    expect(s.extraction!.confidence).toBeGreaterThan(0);
  }
});

it("refuses bad input with exit code 1 and a usage error with 2, writing nothing", () => {
  const out = path.join(work, "refused.json");
  const empty = path.join(work, "empty.txt");
  fs.writeFileSync(empty, "  \n\n ");
  const binary = path.join(work, "binary.txt");
  fs.writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
  const cases: [string[], number, string][] = [
    [[empty, "--published", "2025-06-02", "--out", out], 1, "the text is empty"],
    [[binary, "--published", "2025-06-02", "--out", out], 1, "binary data"],
    [[article, "--published", "2025-02-30", "--out", out], 1, "not a real calendar date"],
    [[article, "--out", out], 2, "--published is required"],
    [[article, "--published", "2025-06-02", "--import", "--dry-run"], 2, "exclude each other"],
    [[article, "--published", "2025-06-02", "--bogus"], 2, "Unknown option --bogus"],
  ];
  for (const [args, code, message] of cases) {
    const result = ingest(args);
    expect({ code: result.code, message: result.err.includes(message) }).toEqual({ code, message: true });
    expect(fs.existsSync(out)).toBe(false);
  }
});

it("previews with --dry-run, then imports: the quotations join the seed's and show their extraction", async () => {
  const copy = path.join(work, "2025-06-02-istanbul-wire.txt");
  fs.copyFileSync(article, copy);
  const before = await dumpGraph(db);
  const preview = ingest([copy, "--published", "2025-06-02", "--title", "Istanbul talks (wire copy)", "--dry-run"]);
  expect(preview.code).toBe(0);
  expect(preview.out).toContain("(dry run: nothing written)");
  expect(preview.out).toContain("MERGED organization:the-kremlin into organization:kremlin");
  expect(fs.existsSync(copy.replace(/\.txt$/, ".draft.json"))).toBe(true);
  expect(await dumpGraph(db)).toEqual(before);

  const load = ingest([copy, "--published", "2025-06-02", "--title", "Istanbul talks (wire copy)", "--import"]);
  expect(load.code).toBe(0);
  const result = await api.run<any>(
    `{ statement(id: "statement:zelenskyy-leaders-resolve-key-issues") {
         sourceCount extraction { source { id } confidence cue } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data.statement).toEqual({
    sourceCount: 2,
    extraction: [
      { source: { id: "source:2025-06-02-istanbul-wire" }, confidence: expect.any(Number), cue: "name: said" },
    ],
  });
  // A calibrated confidence (src/ingest/models): sure, its last digit moving with each training.
  expect(result.data.statement.extraction[0].confidence).toBeGreaterThanOrEqual(0.9);
  expect(result.data.statement.extraction[0].confidence).toBeLessThan(1);
  // An entity's extraction is stored with what this source claims about it.
  const [claim] = await db.read<{ confidence: number; cue: string }>(
    `MATCH (:Person {id: 'person:volodymyr-zelenskyy'})-[c:CLAIMED_IN]->(src:Source)
     WHERE src.id = 'source:2025-06-02-istanbul-wire'
     RETURN c.extractionConfidence AS confidence, c.extractionCue AS cue`,
  );
  expect(claim).toEqual({ confidence: 0.9, cue: "full name" });
}, 240_000);

it("drafts through the server at GRAPHQL_URL: the graph's office holders speak and its ids are used", async () => {
  const server = await startTestServer(db);
  try {
    const file = path.join(work, "2025-06-04-kyiv-answer.txt");
    fs.writeFileSync(file, `KYIV: "Our answer is no," Ukraine's president told reporters on Wednesday.\n`);
    const out = path.join(work, "kyiv-answer.draft.json");
    const result = await runCommandAsync("ingest.ts", [file, "--published", "2025-06-04", "--out", out], {
      GRAPHQL_URL: server.url,
    });
    // Nothing but the progress line a slow (loaded) machine prints after 5 s.
    expect(result.err.split("\n").filter((line) => line && !line.includes("still extracting"))).toEqual([]);
    expect(result.out).toContain(`resolved against ${server.url}`);
    const draft = parseDataset(out, JSON.parse(fs.readFileSync(out, "utf8")));
    expect(draft.statements.map((s) => [s.speaker, s.text, s.saidOn])).toEqual([
      ["person:volodymyr-zelenskyy", "Our answer is no", "2025-06-04"],
    ]);
    expect(draft.people.map((p) => p.id)).toEqual(["person:volodymyr-zelenskyy"]);

    const alone = ingest([file, "--published", "2025-06-04", "--out", out]);
    expect(alone.out).toContain("drafted without the graph");
    expect(JSON.parse(fs.readFileSync(out, "utf8")).statements).toEqual([]);
  } finally {
    await server.stop();
  }
}, 240_000);

it("ingests a folder: metadata from sidecars or file names, an article without a date refused by name", () => {
  const dir = path.join(work, "folder");
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "2025-06-05-prefix.txt"), `"We are ready," Marta Sokol said on Thursday.\n`);
  fs.writeFileSync(path.join(dir, "wire-42.txt"), `"Nothing has changed," Tomasz Brenner said.\n`);
  fs.writeFileSync(
    path.join(dir, "wire-42.json"),
    JSON.stringify({ publishedOn: "2025-06-06", title: "Brenner: nothing has changed", url: "https://example.org/42" }),
  );
  fs.writeFileSync(path.join(dir, "undated.txt"), `"A quote," Anna Kovacs said.\n`);
  const result = ingest([dir]);
  expect(result.code).toBe(1);
  expect(result.err).toContain("undated.txt: no publication date");
  expect(result.out).toContain("2 of 3 articles drafted: 2 statements, 0 quotations left unattributed, 1 refused");
  const sidecar = JSON.parse(fs.readFileSync(path.join(dir, "wire-42.draft.json"), "utf8"));
  expect(sidecar.source).toMatchObject({
    title: "Brenner: nothing has changed",
    publishedOn: "2025-06-06",
    url: "https://example.org/42",
  });
  const prefixed = JSON.parse(fs.readFileSync(path.join(dir, "2025-06-05-prefix.draft.json"), "utf8"));
  expect(prefixed.statements.map((s: { saidOn: string }) => s.saidOn)).toEqual(["2025-06-05"]);
  expect(fs.existsSync(path.join(dir, "undated.draft.json"))).toBe(false);
});
