// Relay's connection spec, whole, on every connection: pages forward (first/after) and backward (last/before) walk
// the same list in the same order without gaps or repeats, pageInfo says what lies beyond, both cursors may bound one
// page, and search and timelines are connections like the rest. Some statements are made undated, so the lists that
// sort them last are walked across the dated/undated boundary both ways.
import { post, seededServer } from "../support/server";

const server = seededServer();

beforeAll(async () => {
  await server.db.write(
    "MATCH (s:Statement) WITH s ORDER BY s.id LIMIT 3 SET s.saidOn = null, s.datePrecision = null, s.time = null",
  );
  // The seed has one source and few organizations: more to page through (more than a default page of organizations),
  // and two sources on one day (ordered by id).
  await server.db.write(`
    UNWIND ['2025-05-16', '2025-06-01', '2025-06-01'] AS day
    CREATE (:Source {id: 'source:paging-' + toString(rand()), title: 'Paging', publishedOn: date(day),
                     text: 'Paging.'})`);
  await server.db.write(`
    UNWIND range(1, 24) AS i
    CREATE (:Entity:Organization {id: 'organization:paging-' + toString(i), name: 'Paging ' + toString(i % 5)})`);
});

interface Edge {
  cursor: string;
  id: string;
}
interface Connection {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** A connection field as a query: ARGS is where the paging arguments go, NODE selects an item's id as `id`. */
interface ListCase {
  name: string;
  query: string;
  node: string;
  path: string[];
}

const statementNode = "node { id }";
const CASES: ListCase[] = [
  { name: "people", query: "people(ARGS)", node: "node { id }", path: ["people"] },
  { name: "states", query: "states(ARGS)", node: "node { id }", path: ["states"] },
  { name: "organizations", query: "organizations(ARGS)", node: "node { id }", path: ["organizations"] },
  { name: "venues", query: "venues(ARGS)", node: "node { id }", path: ["venues"] },
  { name: "events", query: "events(ARGS)", node: "node { id }", path: ["events"] },
  { name: "sources", query: "sources(ARGS)", node: "node { id }", path: ["sources"] },
  { name: "statements, latest first", query: "statements(ARGS)", node: statementNode, path: ["statements"] },
  {
    name: "statements, oldest first",
    query: "statements(orderBy: SAID_ON_ASC, ARGS)",
    node: statementNode,
    path: ["statements"],
  },
  {
    name: "statements with a full-text filter",
    query: 'statements(filter: {text: "zelenskyy"}, ARGS)',
    node: statementNode,
    path: ["statements"],
  },
  {
    name: "statements of a kind",
    query: "statements(filter: {kind: REPORTED}, orderBy: SAID_ON_ASC, ARGS)",
    node: statementNode,
    path: ["statements"],
  },
  {
    name: "a person's statements (fetched with the person)",
    query: 'person(id: "person:volodymyr-zelenskyy") { statements(ARGS)',
    node: statementNode,
    path: ["person", "statements"],
  },
  {
    name: "a state's statements and its office holders'",
    query: 'state(id: "state:ua") { allStatements(orderBy: SAID_ON_ASC, ARGS)',
    node: statementNode,
    path: ["state", "allStatements"],
  },
  {
    name: "statements mentioning a state, below a list",
    query: 'states(filter: {name: "Russia"}, first: 1) { nodes { mentionedIn(ARGS)',
    node: statementNode,
    path: ["states", "nodes", "0", "mentionedIn"],
  },
  {
    name: "search hits, best first",
    query: 'search(query: "Ukraine Russia talks Istanbul delegation", ARGS)',
    node: "node { node { id } }",
    path: ["search"],
  },
  {
    // 24 organizations named "Paging 0" to "Paging 4": ties in score that Lucene's own cut-off splits.
    name: "search hits with tied scores",
    query: 'search(query: "paging", ARGS)',
    node: "node { node { id } }",
    path: ["search"],
  },
  {
    name: "a timeline",
    query: 'timeline(entity: "state:ua", ARGS)',
    node: "node { ... on Statement { id } ... on Event { id } }",
    path: ["timeline"],
  },
];

async function page(list: ListCase, args: Record<string, unknown>): Promise<Connection> {
  const text = Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
    .join(", ");
  const closing = "}".repeat((list.query.match(/\{/g) ?? []).length - (list.query.match(/\}/g) ?? []).length);
  const query = `{ ${list.query.replace("ARGS", text)} {
    edges { cursor ${list.node} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount
  } ${closing} }`;
  const { json } = await post(server.url, { query });
  expect(json.errors).toBeUndefined();
  let connection = json.data;
  for (const step of list.path) connection = connection[step];
  return {
    ...connection,
    edges: connection.edges.map((e: { cursor: string; node: { id?: string; node?: { id: string } } }) => ({
      cursor: e.cursor,
      id: e.node.id ?? e.node.node!.id,
    })),
  };
}

describe.each(CASES)("$name", (list) => {
  let all: Edge[];

  beforeAll(async () => {
    const whole = await page(list, { first: 100 });
    all = whole.edges;
    expect(whole.totalCount).toBe(all.length);
    expect(whole.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it("has enough items to page through", () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
  });

  it("walks forward two at a time through every item once, in order", async () => {
    const seen: Edge[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page(list, { first: 2, after });
      seen.push(...p.edges);
      expect(p.pageInfo.hasPreviousPage).toBe(after !== undefined);
      expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor!;
    }
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it("walks backward from the end two at a time through every item once, each page in the list's order", async () => {
    const pages: Edge[][] = [];
    let before: string | undefined;
    for (;;) {
      const p = await page(list, { last: 2, before });
      pages.unshift(p.edges);
      expect(p.edges.length).toBeLessThanOrEqual(2);
      expect(p.pageInfo.hasNextPage).toBe(before !== undefined);
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor!;
    }
    expect(pages.flat().map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it("gives the items between two cursors, and the last ones before a cursor", async () => {
    const ids = all.map((e) => e.id);
    const between = await page(list, { first: 100, after: all[0]!.cursor, before: all.at(-1)!.cursor });
    expect(between.edges.map((e) => e.id)).toEqual(ids.slice(1, -1));
    const lastTwo = await page(list, { last: 2, before: all.at(-1)!.cursor });
    expect(lastTwo.edges.map((e) => e.id)).toEqual(ids.slice(-3, -1));
    expect(lastTwo.pageInfo).toMatchObject({ hasPreviousPage: all.length > 3, hasNextPage: true });
    const end = await page(list, { last: 1 });
    expect(end.edges.map((e) => e.id)).toEqual([all.at(-1)!.id]);
    expect(end.totalCount).toBe(all.length);
  });
});

describe("the paging arguments", () => {
  async function errors(query: string) {
    const { status, json } = await post(server.url, { query });
    expect(status).toBe(200);
    return json.errors as { message: string; path: (string | number)[]; extensions: Record<string, unknown> }[];
  }

  it("refuses first and last together, naming last", async () => {
    expect(await errors("{ people(first: 2, last: 2) { totalCount } }")).toEqual([
      expect.objectContaining({
        message: "give first or last, not both",
        path: ["people"],
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "last" }),
      }),
    ]);
  });

  it.each(['timeline(entity: "state:ua", last: 101)', 'search(query: "Ukraine", last: 101)', "people(last: 101)"])(
    "holds last to 100 like first: %s",
    async (field) => {
      const [error] = await errors(`{ ${field} { totalCount } }`);
      expect(error).toMatchObject({
        message: "last must be between 0 and 100, got 101",
        extensions: { code: "BAD_USER_INPUT", field: "last" },
      });
    },
  );

  it("holds the timeline to 100 items too, where it once took 500", async () => {
    const [error] = await errors('{ timeline(entity: "state:ua", first: 101) { totalCount } }');
    expect(error).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "first" } });
  });

  it("names before when the cursor in it belongs to another list", async () => {
    const { json } = await post(server.url, { query: "{ people(first: 1) { pageInfo { endCursor } } }" });
    const cursor = json.data.people.pageInfo.endCursor as string;
    const [error] = await errors(`{ states(last: 2, before: ${JSON.stringify(cursor)}) { totalCount } }`);
    expect(error).toMatchObject({
      message: expect.stringMatching(/^before: this cursor belongs to another list \(people\)/),
      extensions: { code: "BAD_USER_INPUT", field: "before" },
    });
  });

  it("refuses a search cursor for other words, and a timeline cursor for another entity", async () => {
    const hits = await post(server.url, { query: '{ search(query: "Ukraine", first: 1) { pageInfo { endCursor } } }' });
    const hit = JSON.stringify(hits.json.data.search.pageInfo.endCursor);
    const [searchError] = await errors(`{ search(query: "Russia", after: ${hit}) { totalCount } }`);
    expect(searchError).toMatchObject({
      message: expect.stringMatching(/^after: this cursor belongs to this list with another filter/),
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
    const items = await post(server.url, {
      query: '{ timeline(entity: "state:ua", first: 1) { pageInfo { endCursor } } }',
    });
    const item = JSON.stringify(items.json.data.timeline.pageInfo.endCursor);
    const [timelineError] = await errors(`{ timeline(entity: "state:ru", after: ${item}) { totalCount } }`);
    expect(timelineError).toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "after" } });
  });

  it("gives 20 items when neither first nor last is given, on search and timelines too", async () => {
    const { json } = await post(server.url, {
      query: `{ organizations { edges { cursor } totalCount }
                search(query: "paging") { edges { cursor } totalCount }
                timeline(entity: "state:ua") { nodes { __typename } totalCount } }`,
    });
    expect(json.data.organizations.totalCount).toBeGreaterThan(20);
    expect(json.data.organizations.edges).toHaveLength(20);
    expect(json.data.search.totalCount).toBeGreaterThan(20);
    expect(json.data.search.edges).toHaveLength(20);
    expect(json.data.timeline.nodes).toHaveLength(Math.min(20, json.data.timeline.totalCount));
  });
});
