// Facets on generated data (bench/generate.ts: Zipf-like speakers, venues in cities in states, mentions, dates over a
// year, undated and month-precision statements): every facet agrees with totalCount and with counts made by hand in
// Cypher, on the root list, a prolific speaker's statements and a state's, as the benchmark asks them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../bench/generate";
import type { HttpServer } from "../../src/http/server";
import { loadDatasetFile } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { post, startTestServer } from "../support/server";

const db = connectTestDatabase();
let server: HttpServer;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kg-facets-generated-"));

beforeAll(async () => {
  await emptyGraph(db);
  const { files } = generateSyntheticDataset({ statements: 1500, perFile: 500, out: folder });
  for (const file of files) await loadDatasetFile(db, file);
  // Undated and month-precision statements, so that undated and coarse periods count something.
  await db.write(`
    MATCH (s:Statement) WITH s ORDER BY s.id LIMIT 40
    WITH collect(s) AS some
    FOREACH (s IN some[0..20] | SET s.saidOn = null, s.datePrecision = null)
    FOREACH (s IN some[20..40] | SET s.saidOn = date({year: s.saidOn.year, month: s.saidOn.month}),
                                     s.datePrecision = 'MONTH')`);
  server = await startTestServer(db);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await db.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const FACETS = `totalCount facets {
  bySpeaker(first: 100) { node { id } count }
  byMentioned(first: 100) { node { id } count }
  byKind { kind count }
  byPeriod(unit: MONTH) { period count }
  byVenue(first: 100) { node { id } count }
  undated
}`;

interface Count {
  node: { id: string };
  count: number;
}
interface Facets {
  bySpeaker: Count[];
  byMentioned: Count[];
  byKind: { kind: string; count: number }[];
  byPeriod: { period: string; count: number }[];
  byVenue: Count[];
  undated: number;
}

async function list(field: string): Promise<{ totalCount: number; facets: Facets }> {
  const { json } = await post(server.url, { query: `{ list: ${field} { ${FACETS} } }` });
  expect(json.errors).toBeUndefined();
  return json.data.list;
}

const ids = (counts: Count[]) => counts.map((c) => ({ id: c.node.id, n: c.count }));
const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);

/** The counts by hand: the statements `match` binds as s, counted by what each facet groups on. */
async function byHand(match: string, params: Record<string, unknown> = {}) {
  const top = (group: string) =>
    db.read<{ id: string; n: number }>(
      `${match} MATCH ${group} RETURN x.id AS id, count(DISTINCT s) AS n ORDER BY n DESC, id LIMIT 100`,
      params,
    );
  const [totals] = await db.read<{ total: number; undated: number }>(
    `${match} RETURN count(s) AS total, count(CASE WHEN s.saidOn IS NULL THEN 1 END) AS undated`,
    params,
  );
  const months = await db.read<{ period: string; count: number }>(
    `${match} WITH s WHERE s.saidOn IS NOT NULL
     WITH CASE WHEN s.datePrecision = 'YEAR' THEN toString(s.saidOn.year)
               ELSE substring(toString(s.saidOn), 0, 7) END AS period
     RETURN period, count(*) AS count ORDER BY period`,
    params,
  );
  const kinds = await db.read<{ kind: string; count: number }>(
    `${match} RETURN s.kind AS kind, count(*) AS count ORDER BY kind`,
    params,
  );
  return {
    total: totals!.total,
    undated: totals!.undated,
    bySpeaker: await top("(x)-[:SAID]->(s)"),
    byMentioned: await top("(s)-[:MENTIONS]->(x)"),
    byVenue: await top("(s)-[:SAID_AT]->(x:Venue)"),
    months,
    kinds,
  };
}

async function expectByHand(field: string, match: string, params: Record<string, unknown> = {}) {
  const { totalCount, facets } = await list(field);
  const hand = await byHand(match, params);
  expect(totalCount).toBe(hand.total);
  expect(facets.undated).toBe(hand.undated);
  expect(ids(facets.bySpeaker)).toEqual(hand.bySpeaker);
  expect(ids(facets.byMentioned)).toEqual(hand.byMentioned);
  expect(ids(facets.byVenue)).toEqual(hand.byVenue);
  expect(facets.byPeriod).toEqual(hand.months);
  expect([...facets.byKind].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual(hand.kinds);
  expect(sum(facets.byPeriod) + facets.undated).toBe(totalCount);
  expect(sum(facets.byKind)).toBe(totalCount);
  return { totalCount, facets };
}

describe("facets on generated data", () => {
  it("count the whole graph's statements as Cypher counts them by hand", async () => {
    const { totalCount, facets } = await expectByHand("statements(first: 1)", "MATCH (s:Statement)");
    expect(totalCount).toBe(1500);
    expect(facets.undated).toBeGreaterThan(0);
    expect(facets.byVenue.length).toBeGreaterThan(1);
  });

  it("count a prolific speaker's statements (the benchmark's question), root and nested, as Cypher does", async () => {
    const [prolific] = await db.read<{ id: string }>(
      "MATCH (p:Person)-[:SAID]->(s:Statement) WITH p.id AS id, count(s) AS n RETURN id ORDER BY n DESC, id LIMIT 1",
    );
    const id = prolific!.id;
    const match = "MATCH (:Person {id: $id})-[:SAID]->(s:Statement)";
    const root = await expectByHand(`statements(filter: {speaker: "${id}"}, first: 1)`, match, { id });
    expect(root.totalCount).toBeGreaterThan(100);
    expect(root.facets.bySpeaker).toEqual([{ node: { id }, count: root.totalCount }]);
    const { json } = await post(server.url, {
      query: `{ person(id: "${id}") { statements(first: 1) { ${FACETS} } } }`,
    });
    expect(json.errors).toBeUndefined();
    expect(json.data.person.statements).toEqual(root);
  });

  it("count the statements mentioning a state as Cypher does", async () => {
    const [mentioned] = await db.read<{ id: string }>(
      "MATCH (s:Statement)-[:MENTIONS]->(x:State) WITH x.id AS id, count(s) AS n RETURN id ORDER BY n DESC, id LIMIT 1",
    );
    const id = mentioned!.id;
    await expectByHand(
      `statements(filter: {mentions: "${id}"}, first: 1)`,
      "MATCH (s:Statement)-[:MENTIONS]->(:State {id: $id})",
      {
        id,
      },
    );
  });
});
