// Facets on statement lists: every facet counts exactly the statements totalCount counts, under every filter and at
// every depth, and matches counts computed by hand from the graph; fetched in the page's own round trip.
import { post, seededServer } from "../support/server";

const server = seededServer();

async function data(query: string, variables: Record<string, unknown> = {}) {
  const { json } = await post(server.url, { query, variables });
  expect(json.errors).toBeUndefined();
  return json.data;
}

const FACETS = `totalCount facets {
  bySpeaker(first: 100) { node { id name } count }
  byMentioned(first: 100) { node { id } count }
  byKind { kind count }
  byPeriod(unit: DAY) { period count }
  months: byPeriod(unit: MONTH) { period count }
  years: byPeriod(unit: YEAR) { period count }
  byVenue(first: 100) { node { id } count }
  undated
}`;

interface Facets {
  bySpeaker: { node: { id: string }; count: number }[];
  byMentioned: { node: { id: string }; count: number }[];
  byKind: { kind: string; count: number }[];
  byPeriod: { period: string; count: number }[];
  months: { period: string; count: number }[];
  years: { period: string; count: number }[];
  byVenue: { node: { id: string }; count: number }[];
  undated: number;
}

const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);

/** What totalCount and every facet must agree on: each statement has one speaker and one kind, a date or none. */
function expectConsistent(total: number, facets: Facets) {
  expect(sum(facets.bySpeaker)).toBe(total);
  expect(sum(facets.byKind)).toBe(total);
  for (const periods of [facets.byPeriod, facets.months, facets.years]) {
    expect(sum(periods) + facets.undated).toBe(total);
    expect(periods.map((p) => p.period)).toEqual([...periods.map((p) => p.period)].sort());
  }
}

beforeAll(async () => {
  // An undated statement and a month-precision one, so undated and coarse periods count something.
  await server.db.write(`
    MATCH (s:Statement) WITH s ORDER BY s.id LIMIT 2
    WITH collect(s) AS two
    FOREACH (s IN two[0..1] | SET s.saidOn = null, s.datePrecision = null)
    FOREACH (s IN two[1..2] | SET s.saidOn = date('2025-05-01'), s.datePrecision = 'MONTH')`);
});

describe("facets of the root list", () => {
  let root: { totalCount: number; facets: Facets };
  beforeAll(async () => {
    root = (await data(`{ statements(first: 1) { ${FACETS} } }`)).statements;
  });

  it("agree with totalCount, whatever the page size", () => {
    expect(root.totalCount).toBeGreaterThan(5);
    expectConsistent(root.totalCount, root.facets);
  });

  it("match counts made by hand in Cypher", async () => {
    const bySpeaker = await server.db.read<{ id: string; n: number }>(
      "MATCH (x)-[:SAID]->(s:Statement) RETURN x.id AS id, count(s) AS n ORDER BY n DESC, id",
    );
    expect(root.facets.bySpeaker.map((c) => ({ id: c.node.id, n: c.count }))).toEqual(bySpeaker);
    const byMentioned = await server.db.read<{ id: string; n: number }>(
      "MATCH (s:Statement)-[:MENTIONS]->(x) RETURN x.id AS id, count(s) AS n ORDER BY n DESC, id",
    );
    expect(root.facets.byMentioned.map((c) => ({ id: c.node.id, n: c.count }))).toEqual(byMentioned);
    const byVenue = await server.db.read<{ id: string; n: number }>(
      "MATCH (s:Statement)-[:SAID_AT]->(x:Venue) RETURN x.id AS id, count(s) AS n ORDER BY n DESC, id",
    );
    expect(root.facets.byVenue.map((c) => ({ id: c.node.id, n: c.count }))).toEqual(byVenue);
    const [undated] = await server.db.read<{ n: number }>(
      "MATCH (s:Statement) WHERE s.saidOn IS NULL RETURN count(s) AS n",
    );
    expect(root.facets.undated).toBe(undated!.n);
    expect(root.facets.undated).toBeGreaterThanOrEqual(1);
  });

  it("count a month-precision date in its month under DAY, and days under MONTH in their month", () => {
    expect(root.facets.byPeriod.map((p) => p.period)).toContain("2025-05");
    expect(root.facets.byPeriod.every((p) => /^\d{4}-\d{2}(-\d{2})?$/.test(p.period))).toBe(true);
    expect(root.facets.months.every((p) => /^\d{4}-\d{2}$/.test(p.period))).toBe(true);
    expect(root.facets.years).toEqual([{ period: "2025", count: root.totalCount - root.facets.undated }]);
  });

  it("keep the top ones only, most first", async () => {
    const top = (await data(`{ statements { facets { bySpeaker(first: 1) { node { id name } count } } } }`)).statements;
    expect(top.facets.bySpeaker).toEqual([root.facets.bySpeaker[0]]);
  });
});

describe("facets under filters and nested lists", () => {
  it.each([
    ["a kind", "statements(filter: {kind: REPORTED})"],
    ["a speaker", 'statements(filter: {speaker: "person:volodymyr-zelenskyy"})'],
    ["a state and its office holders", 'statements(filter: {state: "state:ua"})'],
    ["full text", 'statements(filter: {text: "zelenskyy"})'],
    ["a date range", 'statements(filter: {from: "2025-06-01", to: "2025-06-02"})'],
  ])("agree with totalCount under %s", async (_name, field) => {
    const list = (await data(`{ list: ${field.replace(")", ", first: 2)")} { ${FACETS} } }`)).list;
    expectConsistent(list.totalCount, list.facets);
  });

  it("agree with totalCount on a person's statements (fetched with the person) and below a list", async () => {
    const result = await data(`{
      person(id: "person:volodymyr-zelenskyy") { statements(first: 1) { ${FACETS} } }
      states(first: 5) { nodes { id mentionedIn(first: 1) { ${FACETS} } } }
    }`);
    expectConsistent(result.person.statements.totalCount, result.person.statements.facets);
    expect(result.person.statements.facets.bySpeaker).toEqual([
      {
        node: { id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
        count: result.person.statements.totalCount,
      },
    ]);
    for (const state of result.states.nodes) expectConsistent(state.mentionedIn.totalCount, state.mentionedIn.facets);
  });

  it("refuses a facet's first over 100 as that field's BAD_USER_INPUT", async () => {
    const { json } = await post(server.url, {
      query: "{ statements { totalCount facets { bySpeaker(first: 101) { count } byKind { count } } } }",
    });
    expect(json.errors).toEqual([
      expect.objectContaining({
        message: "first must be between 0 and 100, got 101",
        path: ["statements", "facets", "bySpeaker"],
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "first" }),
      }),
    ]);
  });
});

describe("who talks about whom", () => {
  it("gives what each speaker's statements mention most, as counted by hand, batched below a list", async () => {
    const result = await data(`{
      people(first: 100) { nodes { id mentionsMost(first: 100) { node { id } count } } }
    }`);
    const expected = await server.db.read<{ speaker: string; counts: { id: string; n: number }[] }>(`
      MATCH (x:Person)
      OPTIONAL MATCH (x)-[:SAID]->(s:Statement)-[:MENTIONS]->(y)
      WITH x, y, count(DISTINCT s) AS n ORDER BY n DESC, y.id
      RETURN x.id AS speaker, [c IN collect({id: y.id, n: n}) WHERE c.id IS NOT NULL] AS counts`);
    const byId = new Map(expected.map((row) => [row.speaker, row.counts]));
    for (const person of result.people.nodes) {
      const counts = person.mentionsMost.map((c: { node: { id: string }; count: number }) => ({
        id: c.node.id,
        n: c.count,
      }));
      expect(counts).toEqual(byId.get(person.id));
    }
    expect(result.people.nodes.some((p: { mentionsMost: unknown[] }) => p.mentionsMost.length > 0)).toBe(true);
  });

  it("gives the speakers who mention a node most, on any node, with their counts", async () => {
    const result = await data(`{
      node(id: "state:ru") { mentionedMostBy(first: 2) { node { id name } count } }
      statement: statements(first: 1) { nodes { mentionedMostBy { count } } }
    }`);
    const [top] = await server.db.read<{ id: string; n: number }>(`
      MATCH (:State {id: 'state:ru'})<-[:MENTIONS]-(s:Statement)<-[:SAID]-(y)
      RETURN y.id AS id, count(DISTINCT s) AS n ORDER BY n DESC, id LIMIT 1`);
    expect(result.node.mentionedMostBy[0]).toMatchObject({ node: { id: top!.id }, count: top!.n });
    expect(result.node.mentionedMostBy.length).toBeLessThanOrEqual(2);
    expect(result.statement.nodes[0].mentionedMostBy).toEqual([]);
  });
});
