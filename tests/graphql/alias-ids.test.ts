// Reads by an alias id: the id a node had before entity resolution merged it into another still finds it, and the
// answer carries the node's own id. Every root field that takes an id, and every filter that names a node.
import { buildNodesByIdsQuery } from "../../src/graph/reads/nodes";
import { loadDataset } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { TINY_TEXT, tinyDataset } from "../support/datasets";
import { TestApi } from "../support/graphql";

const db = connectTestDatabase();
const api = new TestApi(db);

/** The tiny article, with a state Jane Doe is envoy of, the city's state, and the briefing she spoke at. */
const dataset = tinyDataset({
  states: [{ id: "state:ch", name: "Switzerland", isoCode: "CH" }],
  venues: [{ id: "venue:geneva", name: "Geneva", kind: "city", state: "state:ch" }],
  events: [
    {
      id: "event:press-briefing",
      name: "Press briefing",
      date: "2025-03-03",
      datePrecision: "DAY",
      venue: "venue:geneva",
      participants: [{ id: "person:jane-doe", role: "speaker" }],
    },
  ],
  offices: [{ person: "person:jane-doe", state: "state:ch", title: "Envoy" }],
  statements: [
    {
      ...tinyDataset().statements[0]!,
      event: "event:press-briefing",
      mentions: ["state:ch"],
    },
  ],
});

/** Alias id → the node's own id, as entity resolution leaves them after a merge. */
const ALIASES: Record<string, string> = {
  "person:j-doe": "person:jane-doe",
  "state:swiss-confederation": "state:ch",
  "venue:genf": "venue:geneva",
  "event:briefing": "event:press-briefing",
  "statement:doe-signs-friday": "statement:doe-will-sign",
  "source:tiny-reprint": "source:tiny",
};

beforeAll(async () => {
  await emptyGraph(db);
  await loadDataset(db, dataset, { file: "tiny.json" });
  await db.write(
    `UNWIND keys($aliases) AS alias
     MATCH (n:Entity {id: $aliases[alias]})
     CREATE (:IdAlias {id: alias})-[:ALIAS_OF]->(n)`,
    { aliases: ALIASES },
  );
  await api.start();
});
afterAll(async () => {
  await emptyGraph(db);
  await api.stop();
  await db.close();
});

const STATEMENT = "statement:doe-will-sign";

describe("look-ups by an alias id answer with the node under its own id", () => {
  it("node(id:) finds any kind of node by an alias id, and by its own id as before", async () => {
    const data = await api.data(`{
      person: node(id: "person:j-doe") { id ... on Person { name aliases } }
      own: node(id: "person:jane-doe") { id }
      state: node(id: "state:swiss-confederation") { id ... on State { isoCode } }
      venue: node(id: "venue:genf") { id ... on Venue { name } }
      event: node(id: "event:briefing") { id ... on Event { date } }
      statement: node(id: "statement:doe-signs-friday") { id ... on Statement { text speaker { id } } }
      source: node(id: "source:tiny-reprint") { id ... on Source { title } }
    }`);
    expect(data).toEqual({
      person: { id: "person:jane-doe", name: "Jane Doe", aliases: ["Doe"] },
      own: { id: "person:jane-doe" },
      state: { id: "state:ch", isoCode: "CH" },
      venue: { id: "venue:geneva", name: "Geneva" },
      event: { id: "event:press-briefing", date: "2025-03-03" },
      statement: { id: STATEMENT, text: "We will sign on Friday", speaker: { id: "person:jane-doe" } },
      source: { id: "source:tiny", title: "Tiny" },
    });
  });

  it("asks Neo4j once for many look-ups, alias ids and own ids of the same node among them", async () => {
    const result = await api.run(`{
      a: node(id: "person:j-doe") { id }
      b: node(id: "person:jane-doe") { id }
      c: node(id: "venue:genf") { id }
      d: node(id: "person:nobody") { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { id: "person:jane-doe" },
      b: { id: "person:jane-doe" },
      c: { id: "venue:geneva" },
      d: null,
    });
    expect(result.queries).toBe(1);
  });

  it("person(id:) fetches the lists below the person in as few queries by an alias id as by its own id", async () => {
    const query = `query ($id: ID!) {
      person(id: $id) {
        id name
        offices { title state { id } }
        events { role event { id } }
        statements { totalCount nodes { id } }
        mentionedIn { totalCount }
      }
    }`;
    const byAlias = await api.run(query, { id: "person:j-doe" });
    const byOwnId = await api.run(query, { id: "person:jane-doe" });
    expect(byAlias.errors).toBeUndefined();
    expect(byAlias.data).toEqual({
      person: {
        id: "person:jane-doe",
        name: "Jane Doe",
        offices: [{ title: "Envoy", state: { id: "state:ch" } }],
        events: [{ role: "speaker", event: { id: "event:press-briefing" } }],
        statements: { totalCount: 1, nodes: [{ id: STATEMENT }] },
        mentionedIn: { totalCount: 0 },
      },
    });
    expect(byAlias.data).toEqual(byOwnId.data);
    // What the early fetch brought is found by the fields below, which ask by the node's own id.
    expect(byAlias.queries).toBe(byOwnId.queries);
  });

  it("state, venue, event, source and statement take alias ids too", async () => {
    const data = await api.data(`{
      state(id: "state:swiss-confederation") { id name mentionedIn { nodes { id } } officeHolders { person { id } } }
      venue(id: "venue:genf") { id state { id } statements { nodes { id } } events { id } }
      event(id: "event:briefing") { id venue { id } participants { participant { id } } statements { nodes { id } } }
      source(id: "source:tiny-reprint") { id textLength statements { nodes { id } } }
      statement(id: "statement:doe-signs-friday") { id speaker { id } venue { id } event { id } mentions { id } }
    }`);
    expect(data).toEqual({
      state: {
        id: "state:ch",
        name: "Switzerland",
        mentionedIn: { nodes: [{ id: STATEMENT }] },
        officeHolders: [{ person: { id: "person:jane-doe" } }],
      },
      venue: {
        id: "venue:geneva",
        state: { id: "state:ch" },
        statements: { nodes: [{ id: STATEMENT }] },
        events: [{ id: "event:press-briefing" }],
      },
      event: {
        id: "event:press-briefing",
        venue: { id: "venue:geneva" },
        participants: [{ participant: { id: "person:jane-doe" } }],
        statements: { nodes: [{ id: STATEMENT }] },
      },
      source: { id: "source:tiny", textLength: TINY_TEXT.length, statements: { nodes: [{ id: STATEMENT }] } },
      statement: {
        id: STATEMENT,
        speaker: { id: "person:jane-doe" },
        venue: { id: "venue:geneva" },
        event: { id: "event:press-briefing" },
        mentions: [{ id: "state:ch" }],
      },
    });
  });

  it("answers a look-up by a type the alias's node is not with null, as for an own id", async () => {
    const data = await api.data(`{ person(id: "venue:genf") { id } venue(id: "venue:genf") { id } }`);
    expect(data).toEqual({ person: null, venue: { id: "venue:geneva" } });
  });
});

describe("filters that name a node take alias ids", () => {
  it.each([
    ["speaker", "person:j-doe"],
    ["mentions", "state:swiss-confederation"],
    ["venue", "venue:genf"],
    ["event", "event:briefing"],
    ["state", "state:swiss-confederation"],
  ])("statements(filter: {%s}) by an alias id finds the node's statements", async (field, id) => {
    const data = await api.data(
      `query ($filter: StatementFilter) { statements(filter: $filter) { totalCount nodes { id speaker { id } } } }`,
      { filter: { [field]: id } },
    );
    expect(data.statements).toEqual({ totalCount: 1, nodes: [{ id: STATEMENT, speaker: { id: "person:jane-doe" } }] });
  });

  it("combines named nodes, alias ids and own ids, at the root and under a node", async () => {
    const data = await api.data(`{
      statements(filter: { speaker: "person:j-doe", mentions: "state:ch", venue: "venue:genf", text: "sign" }) {
        totalCount nodes { id }
      }
      person(id: "person:jane-doe") {
        statements(filter: { mentions: "state:swiss-confederation", event: "event:briefing" }) {
          totalCount nodes { id }
        }
        none: statements(filter: { mentions: "venue:genf" }) { totalCount nodes { id } }
      }
    }`);
    expect(data).toEqual({
      statements: { totalCount: 1, nodes: [{ id: STATEMENT }] },
      person: {
        statements: { totalCount: 1, nodes: [{ id: STATEMENT }] },
        none: { totalCount: 0, nodes: [] },
      },
    });
  });

  it("events(filter:) and venues(filter:) take alias ids for the participant, venue and state", async () => {
    const data = await api.data(`{
      events(filter: { participant: "person:j-doe", venue: "venue:genf" }) { totalCount nodes { id } }
      venues(filter: { state: "state:swiss-confederation" }) { totalCount nodes { id } }
    }`);
    expect(data).toEqual({
      events: { totalCount: 1, nodes: [{ id: "event:press-briefing" }] },
      venues: { totalCount: 1, nodes: [{ id: "venue:geneva" }] },
    });
  });
});

describe("paths and timelines from alias ids", () => {
  it("path(from:, to:) joins the nodes the ids name", async () => {
    const data = await api.data(`{
      path(from: "person:j-doe", to: "state:swiss-confederation") {
        length nodes { id } relationships { type from to }
      }
    }`);
    expect(data.path).toEqual({
      length: 1,
      nodes: [{ id: "person:jane-doe" }, { id: "state:ch" }],
      relationships: [{ type: "HOLDS_OFFICE", from: "person:jane-doe", to: "state:ch" }],
    });
  });

  it("path between an alias id and its node's own id is the node alone", async () => {
    const data = await api.data(`{
      path(from: "person:j-doe", to: "person:jane-doe") { length nodes { id } relationships { type } }
    }`);
    expect(data.path).toEqual({ length: 0, nodes: [{ id: "person:jane-doe" }], relationships: [] });
  });

  it("timeline(entity:) by an alias id is the node's timeline", async () => {
    const data = await api.data(`{
      timeline(entity: "person:j-doe") { nodes { __typename ... on Statement { id } ... on Event { id } } }
    }`);
    expect(data.timeline.nodes).toEqual([
      { __typename: "Event", id: "event:press-briefing" },
      { __typename: "Statement", id: STATEMENT },
    ]);
  });
});

describe("unknown ids answer as before", () => {
  it("null for a look-up, an empty page for a filter", async () => {
    const data = await api.data(`{
      node(id: "person:nobody") { id }
      person(id: "person:nobody") { id }
      statement(id: "statement:nothing") { id }
      statements(filter: { speaker: "person:nobody" }) { totalCount nodes { id } }
      filtered: statements(filter: { speaker: "person:j-doe", mentions: "person:nobody" }) { totalCount nodes { id } }
      events(filter: { participant: "person:nobody" }) { totalCount }
    }`);
    expect(data).toEqual({
      node: null,
      person: null,
      statement: null,
      statements: { totalCount: 0, nodes: [] },
      filtered: { totalCount: 0, nodes: [] },
      events: { totalCount: 0 },
    });
  });

  it.each([
    ["path", `{ path(from: "person:j-doe", to: "person:nobody") { length } }`],
    ["timeline", `{ timeline(entity: "person:nobody") { nodes { __typename } } }`],
  ])("NOT_FOUND for a %s from an unknown id", async (field, query) => {
    const result = await api.run(query);
    expect(result.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.id])).toEqual([
      [[field], "NOT_FOUND", "person:nobody"],
    ]);
  });
});

describe("a look-up by a node's own id costs what it did before aliases", () => {
  /** Neo4j's count of database accesses for one run of the query. */
  async function dbHits(cypher: string, params: Record<string, unknown>): Promise<number> {
    const session = db.driver.session();
    try {
      const result = await session.run(`PROFILE ${cypher}`, params);
      let hits = 0;
      const walk = (plan: { dbHits: number; children: unknown[] }) => {
        hits += plan.dbHits;
        for (const child of plan.children) walk(child as typeof plan);
      };
      walk(result.summary.profile as unknown as { dbHits: number; children: unknown[] });
      return hits;
    } finally {
      await session.close();
    }
  }

  it("reads as much for an own id as a plain index seek, and seeks an alias only when no node has the id", async () => {
    const { cypher, params } = buildNodesByIdsQuery([STATEMENT]);
    // The same query as before aliases: the look-up a plain seek on the node's id.
    const plain = cypher.replace(/CALL \(id\) \{.*\}\n/, "MATCH (n:Entity {id: id})\n");
    expect(plain).not.toBe(cypher);
    expect(await dbHits(cypher, params)).toBe(await dbHits(plain, params));
    // An unknown id costs one more seek (on the alias ids), not a scan.
    const unknown = { ids: ["statement:nothing"] };
    expect(await dbHits(cypher, unknown)).toBe((await dbHits(plain, unknown)) + 1);
  });
});
