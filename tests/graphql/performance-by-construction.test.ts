// Performance by construction, checked against Neo4j: queries per request, cursor walks, index use of every filter.
// The Cypher text the builders produce is pinned without a database in tests/unit/graph.
import { buildEntityListQuery, type EntityListQuery } from "../../src/graph/reads/entities";
import { buildStatementQuery, type StatementQuery } from "../../src/graph/reads/statements";
import { loadDataset } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { manyStatements } from "../support/datasets";
import { TestApi } from "../support/graphql";

const db = connectTestDatabase();
const api = new TestApi(db);
const N = 260;

beforeAll(async () => {
  await emptyGraph(db);
  await loadDataset(db, manyStatements(N), { file: "many.json" });
  await api.start();
});
afterAll(async () => {
  await api.stop();
  await db.close();
});

const sumOf = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);

async function walk(query: string, pick: (data: any) => any, pageSize: number) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const data: any = await api.data(query, { first: pageSize, after });
    const connection = pick(data);
    ids.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(connection.totalCount).toBe(N);
    if (!connection.pageInfo.hasNextPage) return ids;
    after = connection.pageInfo.endCursor;
  }
  throw new Error("pagination did not end");
}

describe("no N+1: queries grow with the depth of the request, not with the number of results", () => {
  it("fetches 100 statements with speaker, venue, mentions and evidence in one Neo4j query", async () => {
    const result = await api.run(`{
      statements(first: 100) {
        totalCount
        nodes {
          id speaker { name } venue { name } event { name } mentions { id } evidence { excerpt source { title } }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.statements.nodes).toHaveLength(100);
    expect(result.data.statements.nodes[0].evidence[0].excerpt).toMatch(
      /^Speaker \d said thing number \d+ about the ceasefire\.$/,
    );
    expect(result.queries).toBe(1);
  });

  it("counts a list's facets in the page's own query, at the root and below a look-up", async () => {
    const root = await api.run(`{
      statements(first: 5) {
        totalCount nodes { id } facets { bySpeaker { count } byPeriod(unit: MONTH) { period count } undated }
      }
    }`);
    expect(root.errors).toBeUndefined();
    expect(root.data.statements.facets.undated + sumOf(root.data.statements.facets.byPeriod)).toBe(N);
    expect(root.queries).toBe(1);
    const nested = await api.run(`{
      person(id: "person:speaker-1") { statements(first: 5) { totalCount facets { byKind { kind count } } } }
    }`);
    expect(nested.errors).toBeUndefined();
    expect(sumOf(nested.data.person.statements.facets.byKind)).toBe(nested.data.person.statements.totalCount);
    expect(nested.queries).toBe(1);
  });

  it("costs the same number of queries for 5 or 100 results two levels deep", async () => {
    const nested = (first: number) => `{
      statements(first: ${first}) {
        nodes {
          speaker {
            name ... on Person { offices { title } statements(first: 3) { nodes { id venue { state { id } } } } }
          }
          venue { locatedIn { id } events { id } }
        }
      }
    }`;
    const few = await api.run(nested(5));
    const many = await api.run(nested(100));
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.data.statements.nodes).toHaveLength(100);
    expect(many.queries).toBe(few.queries);
    expect(many.queries).toBeLessThanOrEqual(6);
  });
});

describe("cursor pagination", () => {
  const rootQuery = `query ($first: Int, $after: String) {
    statements(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
    }
  }`;

  it(`walks all ${N} statements without gaps or duplicates, newest first`, async () => {
    const ids = await walk(rootQuery, (d) => d.statements, 37);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
    const all = await db.read<{ id: string }>(
      "MATCH (s:Statement) RETURN s.id AS id ORDER BY coalesce(s.saidOn, date('0001-01-01')) DESC, s.id DESC",
    );
    expect(all.slice(-10).every((r) => Number(r.id.slice(-4)) % 25 === 7)).toBe(true);
    expect(ids).toEqual(all.map((r) => r.id));
  });

  it("walks a nested connection oldest first", async () => {
    const query = `query ($first: Int, $after: String) {
      venue(id: "venue:hall-a") {
        statements(first: $first, after: $after, orderBy: SAID_ON_ASC) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
        }
      }
    }`;
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await api.data(query, { first: 40, after });
      const c = data.venue.statements;
      expect(c.totalCount).toBe(N / 2);
      ids.push(...c.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(N / 2);
  });

  it("walks a speaker's statements oldest first, undated last, whichever plan the speaker's size picks", async () => {
    const query = `query ($first: Int, $after: String) {
      person(id: "person:speaker-1") {
        statements(first: $first, after: $after, orderBy: SAID_ON_ASC) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id saidOn } }
        }
      }
    }`;
    const seen: { id: string; saidOn: string | null }[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await api.data(query, { first: 9, after });
      const c = data.person.statements;
      seen.push(...c.edges.map((e: { node: { id: string; saidOn: string | null } }) => e.node));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const expected = await db.read<{ id: string; saidOn: string | null }>(
      "MATCH (:Person {id: 'person:speaker-1'})-[:SAID]->(s) RETURN s.id AS id, s.saidOn AS saidOn " +
        "ORDER BY coalesce(s.saidOn, date('9999-12-31')), s.id",
    );
    expect(seen).toEqual(expected);
    expect(seen.at(-1)!.saidOn).toBeNull();
  });

  it.each([
    ["the root list, newest first", "statements(last: $last, before: $before)", (d: any) => d.statements],
    [
      "a speaker's statements, oldest first",
      'person(id: "person:speaker-1") { statements(last: $last, before: $before, orderBy: SAID_ON_ASC)',
      (d: any) => d.person.statements,
    ],
    [
      "a venue's statements",
      'venue(id: "venue:hall-a") { statements(last: $last, before: $before)',
      (d: any) => d.venue.statements,
    ],
  ])("walks %s backward (last/before) in the same order as forward, across undated ones", async (_n, field, pick) => {
    const closing = field.includes("{") ? "}" : "";
    const selection = "totalCount pageInfo { hasPreviousPage startCursor } edges { node { id } }";
    const forward = field.replace("last: $last, before: $before", "first: 100, after: $after");
    const backward = `query ($last: Int, $before: String) { ${field} { ${selection} } ${closing} }`;
    const expected: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: any = await api.data(
        `query ($after: String) { ${forward} { pageInfo { hasNextPage endCursor } edges { node { id } } } ${closing} }`,
        { after },
      );
      const c = pick(data);
      expected.push(...c.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const pages: string[][] = [];
    let before: string | null = null;
    for (;;) {
      const c = pick(await api.data(backward, { last: 7, before }));
      pages.unshift(c.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    expect(pages.flat()).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
  });

  it("keeps cursors stable when statements are inserted before them", async () => {
    const first = await api.data(rootQuery, { first: 10, after: null });
    const cursor = first.statements.pageInfo.endCursor;
    const before = await api.data(rootQuery, { first: 10, after: cursor });
    // A newer statement sorts first; the page after the cursor must not shift.
    await db.write(
      `MATCH (p:Person {id: 'person:speaker-0'})
       CREATE (p)-[:SAID]->(:Statement:Entity {
         id: 'statement:late-addition', text: 'Late', kind: 'REPORTED', saidOn: date('2024-12-31')
       })`,
    );
    const after = await api.data(rootQuery, { first: 10, after: cursor });
    expect(after.statements.edges).toEqual(before.statements.edges);
    await db.write("MATCH (s:Statement {id: 'statement:late-addition'}) DETACH DELETE s");
  });
});

describe("every filter is served by an index", () => {
  const scans = (operators: string[]) => operators.filter((o) => /AllNodesScan|NodeByLabelScan/.test(o));
  const statementQuery = (filter: StatementQuery["filter"], anchor?: StatementQuery["anchor"]): StatementQuery => ({
    filter,
    anchor,
    order: "SAID_ON_DESC",
    size: 20,
    parts: { speaker: true, venue: true, event: true, mentions: true, evidence: true },
    withTotal: true,
  });

  it.each<[string, StatementQuery]>([
    ["speaker", statementQuery({ speaker: "person:speaker-0" })],
    ["state", statementQuery({ state: "state:xa" })],
    ["venue", statementQuery({ venue: "venue:hall-a" })],
    ["event", statementQuery({ event: "event:x" })],
    ["mentions", statementQuery({ mentions: "state:xa" })],
    ["text", statementQuery({ text: "ceasefire" })],
    ["date range", statementQuery({ from: "2024-01-01", to: "2024-02-01" })],
    ["kind", statementQuery({ kind: "DIRECT_QUOTE" })],
    [
      "a person's statements with more filters",
      statementQuery({ from: "2024-01-01", kind: "REPORTED", mentions: "state:xa" }, "said"),
    ],
    ["a speaker, read backward (last)", { ...statementQuery({ speaker: "person:speaker-0" }), backward: true }],
    ["a venue's statements, read backward", { ...statementQuery({}, "saidAt"), backward: true }],
  ])("statements by %s", async (_name, query) => {
    const { cypher, params } = buildStatementQuery(query);
    expect(scans(await db.planOperators(cypher, { ...params, parents: ["person:speaker-0"] }))).toEqual([]);
  });

  it.each<[string, EntityListQuery]>([
    ["people by name", { label: "Person", filter: { name: "speaker" }, size: 20, withTotal: true }],
    ["venues by kind", { label: "Venue", filter: { kind: "building" }, size: 20, withTotal: true }],
    ["venues by state", { label: "Venue", filter: { state: "state:xa" }, size: 20, withTotal: true }],
    ["events by date", { label: "Event", filter: { from: "2024-01-01" }, size: 20, withTotal: true }],
    ["events by venue", { label: "Event", filter: { venue: "venue:hall-a" }, size: 20, withTotal: true }],
    ["events by participant", { label: "Event", filter: { participant: "state:xa" }, size: 20, withTotal: true }],
  ])("%s", async (_name, query) => {
    const { cypher, params } = buildEntityListQuery(query);
    expect(scans(await db.planOperators(cypher, params))).toEqual([]);
  });
});
