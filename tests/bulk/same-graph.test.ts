// The same files give the same graph whichever path loads them: the transactional loader (one transaction per file,
// resolution against Neo4j) and the bulk import (Neo4j's offline importer into an empty database of its own). The set
// mixes the seed, a second report of it, the three-source fixture, a generated set and two small files that exercise
// what resolution and claims do across files (sameAs, the same statement id, an earlier source taking over ids, a time
// without seconds, extraction confidences, links marked as outside knowledge). Statements respond to others of their
// file, of an earlier file (the follow-up to the seed, generated files to the file before, the two small files to
// each other, by an id that becomes an alias id), with and without spans.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../bench/generate";
import { loadConfig, projectRoot } from "../../src/config";
import { importBulk, type BulkImportResult } from "../../src/bulk/importBulk";
import { changesPage } from "../../src/graph/writes/changes/changeReads";
import { Database } from "../../src/graph/runtime/database";
import { loadDatasetFile } from "../../src/load/loader";
import { startEmbeddedNeo4j, type RunningNeo4j } from "../../src/neo4j/embedded";
import { connectTestDatabase, emptyGraph } from "../support/database";

jest.setTimeout(600_000);

const TEXT_ONE =
  'GENEVA: Jane Doe opened the Lakeside Summit on Sunday. "We will sign on Friday," Doe said at 1pm. ' +
  "Doe said the talks had gone well. The summit ends on Monday.";
const TEXT_TWO =
  'GENEVA (March 8): "We will sign on Friday!" Jane Doe told delegates this month. Doe called the talks a success. ' +
  "The summit ends on Monday.";
const span = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

/** A later source (published 10 March) of a small summit. */
const laterReport = {
  source: {
    id: "source:x-later",
    title: "Summit opens",
    publishedOn: "2025-03-10",
    dateline: "GENEVA",
    text: TEXT_ONE,
  },
  people: [{ id: "person:jane-doe", name: "Jane Doe", extraction: { confidence: 1, cue: "named in the text" } }],
  venues: [{ id: "venue:lakeside-hall", name: "Lakeside Hall", kind: "building" }],
  events: [
    {
      id: "event:lakeside-summit",
      name: "Lakeside Summit",
      date: "2025-03-09",
      datePrecision: "DAY",
      startsAt: "2025-03-09T09:30:00Z",
      venue: { id: "venue:lakeside-hall", fromSource: false, note: "the hall is not named in the text" },
      participants: [{ id: "person:jane-doe", role: "host" }],
    },
  ],
  statements: [
    {
      id: "statement:doe-sign-friday",
      speaker: "person:jane-doe",
      text: "We will sign on Friday",
      kind: "DIRECT_QUOTE",
      saidOn: "2025-03-09",
      datePrecision: "DAY",
      time: "13:00+01:00",
      venue: "venue:lakeside-hall",
      event: "event:lakeside-summit",
      evidence: [span(TEXT_ONE, '"We will sign on Friday," Doe said at 1pm.')],
      extraction: { confidence: 0.85, cue: "said" },
    },
    {
      id: "statement:doe-talks-went-well",
      speaker: "person:jane-doe",
      text: "The talks had gone well.",
      kind: "REPORTED",
      saidOn: "2025-03-09",
      datePrecision: "DAY",
      mentions: ["event:lakeside-summit"],
      evidence: [span(TEXT_ONE, "Doe said the talks had gone well.")],
      respondsTo: [
        {
          statement: "statement:doe-sign-friday",
          relation: "CONFIRMS",
          evidence: [span(TEXT_ONE, "Doe said the talks had gone well.")],
        },
      ],
    },
    {
      id: "statement:summit-ends-monday",
      speaker: "person:jane-doe",
      text: "The summit ends on Monday.",
      kind: "REPORTED",
      evidence: [span(TEXT_ONE, "The summit ends on Monday.")],
    },
  ],
};

/** An earlier source (published 8 March) of the same summit, loaded after it: its ids become the nodes' ids. */
const earlierReport = {
  source: { id: "source:x-earlier", title: "Doe hopeful", publishedOn: "2025-03-08", text: TEXT_TWO },
  people: [{ id: "person:j-doe", name: "Jane Doe", aliases: ["Doe"], description: "Summit host." }],
  statements: [
    {
      id: "statement:doe-sign-friday-early",
      speaker: "person:j-doe",
      text: "We will sign on Friday!",
      kind: "DIRECT_QUOTE",
      saidOn: "2025-03-01",
      datePrecision: "MONTH",
      evidence: [span(TEXT_TWO, '"We will sign on Friday!"')],
    },
    {
      id: "statement:doe-talks-a-success",
      sameAs: "statement:doe-talks-went-well",
      speaker: "person:j-doe",
      text: "The talks were a success.",
      kind: "REPORTED",
      evidence: [span(TEXT_TWO, "Doe called the talks a success.")],
      // To a statement of the later report (loaded before), whose id becomes an alias id in this file; no span.
      respondsTo: [{ statement: "statement:doe-sign-friday", relation: "CONFIRMS" }],
    },
    {
      id: "statement:summit-ends-monday",
      speaker: "person:j-doe",
      text: "The summit ends on Monday.",
      kind: "REPORTED",
      saidOn: "2025-03-08",
      datePrecision: "DAY",
      evidence: [span(TEXT_TWO, "The summit ends on Monday.")],
      respondsTo: [
        {
          statement: "statement:doe-sign-friday-early",
          relation: "QUOTES",
          evidence: [span(TEXT_TWO, "The summit ends on Monday.")],
        },
      ],
    },
  ],
};

interface Dump {
  nodes: string[];
  relationships: string[];
}

/** Every node and relationship with every property, its value and its Cypher type, sorted. */
async function dumpWithTypes(db: Database): Promise<Dump> {
  const typed = "[k IN keys(x) | [k, valueType(x[k]), x[k]]]";
  const nodes = await db.read<{ labels: string[]; props: unknown[][] }>(
    // The change log is history, not state: the loader logs each node, the bulk import its run (checked below).
    `MATCH (x) WHERE NOT x:GraphFormat AND NOT x:Change AND NOT x:ChangeLog
     RETURN labels(x) AS labels, ${typed} AS props`,
  );
  const relationships = await db.read<{ type: string; from: string; to: string; props: unknown[][] }>(
    `MATCH (a)-[x]->(b) RETURN type(x) AS type, coalesce(a.id, a.key) AS from, coalesce(b.id, b.key) AS to,
            ${typed} AS props`,
  );
  const props = (list: unknown[][]) =>
    JSON.stringify([...list].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  return {
    nodes: nodes.map((n) => `${[...n.labels].sort().join(":")} ${props(n.props)}`).sort(),
    relationships: relationships.map((r) => `${r.from} -${r.type}-> ${r.to} ${props(r.props)}`).sort(),
  };
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bulk-same-"));
const dataDir = path.join(folder, "neo4j");
const files: string[] = [];
const loaderDb = connectTestDatabase();
let bulk: BulkImportResult;
let running: RunningNeo4j | undefined;
let bulkDb: Database | undefined;

beforeAll(async () => {
  const write = (name: string, dataset: unknown) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, JSON.stringify(dataset));
    return file;
  };
  const generated = generateSyntheticDataset({
    statements: 300,
    perFile: 100,
    out: path.join(folder, "generated"),
    responses: true,
  });
  files.push(
    path.join(projectRoot, "seed/2025-06-02-istanbul-talks.json"),
    path.join(projectRoot, "examples/second-source/2025-06-03-istanbul-follow-up.json"),
    ...["a.json", "b.json", "c.json"].map((f) => path.join(projectRoot, "tests/fixtures/multi-source", f)),
    ...generated.files,
    write("later.json", laterReport),
    write("earlier.json", earlierReport),
  );

  await emptyGraph(loaderDb);
  for (const file of files) await loadDatasetFile(loaderDb, file);

  const config = loadConfig({});
  bulk = await importBulk({
    files,
    neo4j: { ...config.embedded, dataDir, heapMb: 512, pageCacheMb: 64, txMemoryMb: 256, txMaxMb: 128 },
    launcherDir: path.join(projectRoot, "neo4j"),
    log: () => {},
  });
  running = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    heapMb: 512,
    pageCacheMb: 64,
    txMemoryMb: 256,
    launcherDir: path.join(projectRoot, "neo4j"),
    log: () => {},
  });
  bulkDb = Database.connect({ uri: running.uri, user: running.user, password: running.password, txTimeoutMs: 60_000 });
});

afterAll(async () => {
  await bulkDb?.close();
  await running?.stop();
  await loaderDb.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("bulk import and the transactional loader", () => {
  it("give the same graph: every node, relationship, property and type", async () => {
    const [loaded, imported] = [await dumpWithTypes(loaderDb), await dumpWithTypes(bulkDb!)];
    expect(imported.nodes.length).toBeGreaterThan(1000);
    // Compared line by line first, so that a difference shows as the lines that differ.
    expect(imported.nodes.filter((n) => !loaded.nodes.includes(n))).toEqual([]);
    expect(loaded.nodes.filter((n) => !imported.nodes.includes(n))).toEqual([]);
    expect(imported.relationships.filter((r) => !loaded.relationships.includes(r))).toEqual([]);
    expect(loaded.relationships.filter((r) => !imported.relationships.includes(r))).toEqual([]);
    expect(imported).toEqual(loaded);
  });

  it("joins across files as the loader does: merged entities, one statement for several reports", () => {
    expect(bulk.conversion.files).toBe(files.length);
    expect(bulk.conversion.entitiesMerged).toBeGreaterThan(20);
    // The seed's quotation in the follow-up, the fixture's quotation twice more, and the three summit statements.
    expect(bulk.conversion.statementsJoined).toBeGreaterThanOrEqual(6);
  });

  it("keeps each source's report of the summit: claims, evidence, the earliest source's ids", async () => {
    const [quote] = await bulkDb!.read<{ sources: string[]; claims: string[]; aliases: string[] }>(
      `MATCH (s:Statement {id: 'statement:doe-sign-friday-early'})
       RETURN [(s)-[:REPORTED_IN]->(src) | src.id] AS sources,
              [(s)-[c:CLAIMED_IN]->(src) | src.id + ' ' + c.id + ' ' + coalesce(c.time, '-')] AS claims,
              [(a:IdAlias)-[:ALIAS_OF]->(s) | a.id] AS aliases`,
    );
    expect(quote!.sources.sort()).toEqual(["source:x-earlier", "source:x-later"]);
    expect(quote!.claims.sort()).toEqual([
      "source:x-earlier statement:doe-sign-friday-early -",
      "source:x-later statement:doe-sign-friday 13:00:00+01:00",
    ]);
    expect(quote!.aliases).toEqual(["statement:doe-sign-friday"]);
    const [doe] = await bulkDb!.read<{ id: string; aliases: string[] }>(
      "MATCH (:IdAlias {id: 'person:jane-doe'})-[:ALIAS_OF]->(p:Person) RETURN p.id AS id, p.aliases AS aliases",
    );
    expect(doe).toEqual({ id: "person:j-doe", aliases: ["Doe"] });
  });

  it("keeps each source's responses between joined statements, with their spans or empty lists", async () => {
    const query = `MATCH (a:Statement)-[r:RESPONDS_TO]->(b:Statement)
       RETURN a.id AS from, b.id AS to, r.source AS source, r.relation AS relation, r.starts AS starts,
              r.ends AS ends, r.excerpts AS excerpts
       ORDER BY from, to, source, relation`;
    const [loaded, imported] = [await loaderDb.read(query), await bulkDb!.read(query)];
    expect(imported).toEqual(loaded);
    const talks = imported.filter((r) => String(r.source).startsWith("source:x-"));
    const spanned = (text: string, words: string) => {
      const { start, end } = span(text, words);
      return { starts: [start], ends: [end], excerpts: [words] };
    };
    expect(talks).toEqual([
      {
        from: "statement:doe-talks-a-success",
        to: "statement:doe-sign-friday-early",
        source: "source:x-earlier",
        relation: "CONFIRMS",
        starts: [],
        ends: [],
        excerpts: [],
      },
      {
        from: "statement:doe-talks-a-success",
        to: "statement:doe-sign-friday-early",
        source: "source:x-later",
        relation: "CONFIRMS",
        ...spanned(TEXT_ONE, "Doe said the talks had gone well."),
      },
      {
        from: "statement:summit-ends-monday",
        to: "statement:doe-sign-friday-early",
        source: "source:x-earlier",
        relation: "QUOTES",
        ...spanned(TEXT_TWO, "The summit ends on Monday."),
      },
    ]);
    // The seed's two, the follow-up's one to the seed, two per generated statement file (one to the file before).
    expect(imported.filter((r) => String(r.source).startsWith("source:synthetic-"))).toHaveLength(5);
    expect(bulk.counts.relationships.RESPONDS_TO).toBe(loaded.length);
    expect(loaded.length).toBe(3 + 3 + 5);
  });

  it("answers with every constraint and index online, and knows the graph's format", async () => {
    const indexes = await bulkDb!.read<{ name: string; state: string }>(
      "SHOW INDEXES YIELD name, state WHERE name IN ['statement_text', 'entity_names', 'entity_id'] RETURN name, state",
    );
    expect(indexes.map((i) => `${i.name} ${i.state}`).sort()).toEqual([
      "entity_id ONLINE",
      "entity_names ONLINE",
      "statement_text ONLINE",
    ]);
    const [format] = await bulkDb!.read<{ version: number }>("MATCH (f:GraphFormat) RETURN f.version AS version");
    expect(format).toEqual({ version: 2 });
  });

  it("notes the run in the change log as one entry: the files, and the nodes it imported", async () => {
    const log = await changesPage(bulkDb!, { size: 10 });
    expect(log.items).toHaveLength(1);
    const [entry] = log.items.map((item) => item.node);
    expect(entry).toMatchObject({ kind: "CREATED", nodeId: null, ids: [], actor: null });
    expect(entry!.fields[0]).toMatchObject({
      field: "bulkImport",
      before: null,
      after: { files: files.map((f) => path.basename(f)), nodes: bulk.counts.nodes },
    });
  });
});
