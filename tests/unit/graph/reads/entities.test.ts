// The Cypher and parameters of the lists of people, states, organizations, venues, events and sources
// (buildEntityListQuery), pinned as text. Index use is checked against Neo4j in
// tests/graphql/performance-by-construction.test.ts.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { encodeCursor } from "../../../../src/graph/cursor";
import {
  buildEntityListQuery,
  entityCursorScope,
  type EntityListQuery,
  type ListLabel,
} from "../../../../src/graph/reads/entities";

const list = (label: ListLabel, change: Partial<EntityListQuery> = {}): EntityListQuery => ({
  label,
  filter: {},
  size: 20,
  withTotal: false,
  ...change,
});

describe("each list, unfiltered", () => {
  it("people by name", () => {
    expect(buildEntityListQuery(list("Person"))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       MATCH (n:Person)
       WITH DISTINCT n
       WITH n, n.name AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Person', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "limit": 21,
       },
     }
    `);
  });

  it("states, organizations and venues by name, like people", () => {
    const person = buildEntityListQuery(list("Person"));
    for (const label of ["State", "Organization", "Venue"] as const) {
      expect(buildEntityListQuery(list(label))).toEqual({
        cypher: person.cypher.replace("MATCH (n:Person)", `MATCH (n:${label})`).replace("'Person'", `'${label}'`),
        params: person.params,
      });
    }
  });

  it("events by date, undated last", () => {
    expect(buildEntityListQuery(list("Event"))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       MATCH (n:Event)
       WITH DISTINCT n
       WITH n, coalesce(n.date, date('9999-12-31')) AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Event', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "limit": 21,
       },
     }
    `);
  });

  it("sources newest first", () => {
    expect(buildEntityListQuery(list("Source"))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       MATCH (n:Source)
       WITH DISTINCT n
       WITH n, n.publishedOn AS sortKey
       WITH n, sortKey ORDER BY sortKey DESC, n.id DESC LIMIT $limit
       RETURN collect({row: n {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "limit": 21,
       },
     }
    `);
  });
});

describe("filters", () => {
  it("starts from the name index, folded word prefixes, and keeps the list's label", () => {
    expect(buildEntityListQuery(list("Venue", { filter: { name: "Çırağan pal" } }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       CALL db.index.fulltext.queryNodes('entity_names', $nameQuery) YIELD node AS n WHERE n:Venue
       WITH DISTINCT n
       WITH n, n.name AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Venue', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "limit": 21,
         "nameQuery": "name:(ciragan* AND pal*) OR aliasText:(ciragan* AND pal*)",
       },
     }
    `);
  });

  it("starts at the state for venues in a state, and tests the kind", () => {
    expect(buildEntityListQuery(list("Venue", { filter: { state: "state:tr", kind: "building" } })))
      .toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       CALL () { OPTIONAL MATCH (named:State {id: $state}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $state})-[:ALIAS_OF]->(canonical:State) RETURN canonical })) AS state WHERE state IS NOT NULL RETURN state }
       MATCH (state)<-[:IN_STATE]-(:Venue)<-[:LOCATED_IN*0..5]-(n:Venue) WHERE n.kind = $kind
       WITH DISTINCT n
       WITH n, n.name AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Venue', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "kind": "building",
         "limit": 21,
         "state": "state:tr",
       },
     }
    `);
  });

  it("starts at the venue for events held there, and tests dates and participants on each event", () => {
    const built = buildEntityListQuery(
      list("Event", {
        filter: { venue: "venue:istanbul", participant: "state:ua", from: "2025-05-01", to: "2025-05-31" },
      }),
    );
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       CALL () { OPTIONAL MATCH (named:Venue {id: $venue}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $venue})-[:ALIAS_OF]->(canonical:Venue) RETURN canonical })) AS venue WHERE venue IS NOT NULL RETURN venue }
       CALL () { OPTIONAL MATCH (named:Entity {id: $participant}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $participant})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS participant WHERE participant IS NOT NULL RETURN participant }
       MATCH (venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:HELD_AT]-(n:Event) WHERE EXISTS { (participant)-[:PARTICIPATED_IN]->(n) } AND n.date >= date($from) AND n.date <= date($to)
       WITH DISTINCT n
       WITH n, coalesce(n.date, date('9999-12-31')) AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Event', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "from": "2025-05-01",
         "limit": 21,
         "participant": "state:ua",
         "to": "2025-05-31",
         "venue": "venue:istanbul",
       },
     }
    `);
  });

  it("starts at the participant for the events of one", () => {
    expect(buildEntityListQuery(list("Event", { filter: { participant: "person:a" } }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       CALL () { OPTIONAL MATCH (named:Entity {id: $participant}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $participant})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS participant WHERE participant IS NOT NULL RETURN participant }
       MATCH (participant)-[:PARTICIPATED_IN]->(n:Event)
       WITH DISTINCT n
       WITH n, coalesce(n.date, date('9999-12-31')) AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Event', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "limit": 21,
         "participant": "person:a",
       },
     }
    `);
  });

  it("tests every named node when a name filter starts the query", () => {
    const built = buildEntityListQuery(
      list("Event", { filter: { name: "talks", venue: "venue:v", participant: "state:ua" } }),
    );
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       CALL () { OPTIONAL MATCH (named:Venue {id: $venue}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $venue})-[:ALIAS_OF]->(canonical:Venue) RETURN canonical })) AS venue WHERE venue IS NOT NULL RETURN venue }
       CALL () { OPTIONAL MATCH (named:Entity {id: $participant}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $participant})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS participant WHERE participant IS NOT NULL RETURN participant }
       CALL db.index.fulltext.queryNodes('entity_names', $nameQuery) YIELD node AS n WHERE n:Event AND EXISTS { (n)-[:HELD_AT]->(:Venue)-[:LOCATED_IN*0..5]->(venue) } AND EXISTS { (participant)-[:PARTICIPATED_IN]->(n) }
       WITH DISTINCT n
       WITH n, coalesce(n.date, date('9999-12-31')) AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Event', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "limit": 21,
         "nameQuery": "name:(talks*) OR aliasText:(talks*) OR spellings:(tlks)",
         "participant": "state:ua",
         "venue": "venue:v",
       },
     }
    `);
  });
});

describe("pages", () => {
  it("continue after a name and an id", () => {
    const after = encodeCursor(entityCursorScope(list("Person")), ["Jane Doe", "person:jane-doe"]);
    expect(buildEntityListQuery(list("Person", { after }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       MATCH (n:Person)
       WITH DISTINCT n
       WITH n, n.name AS sortKey WHERE (sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId))
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Person', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     RETURN page, null AS total",
       "params": {
         "afterId": "person:jane-doe",
         "afterKey": "Jane Doe",
         "limit": 21,
       },
     }
    `);
  });

  it("continue after a date and an id, newest first for sources", () => {
    const after = encodeCursor(entityCursorScope(list("Source")), ["2025-05-16", "source:a"]);
    expect(buildEntityListQuery(list("Source", { after, size: 5, withTotal: true }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       MATCH (n:Source)
       WITH DISTINCT n
       WITH n, n.publishedOn AS sortKey WHERE (sortKey < date($afterKey) OR (sortKey = date($afterKey) AND n.id < $afterId))
       WITH n, sortKey ORDER BY sortKey DESC, n.id DESC LIMIT $limit
       RETURN collect({row: n {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, sortKey: toString(sortKey)}) AS page
     }
     CALL () { MATCH (n:Source) RETURN count(DISTINCT n) AS total }
     RETURN page, total",
       "params": {
         "afterId": "source:a",
         "afterKey": "2025-05-16",
         "limit": 6,
       },
     }
    `);
  });

  it("count the total with the same start and filters", () => {
    expect(buildEntityListQuery(list("Event", { filter: { from: "2025-01-01" }, withTotal: true })))
      .toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
       MATCH (n:Event) WHERE n.date >= date($from)
       WITH DISTINCT n
       WITH n, coalesce(n.date, date('9999-12-31')) AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       RETURN collect({row: n {.*, label: 'Event', aliasText: null, spellings: null}, sortKey: toString(sortKey)}) AS page
     }
     CALL () { MATCH (n:Event) WHERE n.date >= date($from) RETURN count(DISTINCT n) AS total }
     RETURN page, total",
       "params": {
         "from": "2025-01-01",
         "limit": 21,
       },
     }
    `);
  });

  it("refuse a cursor of another shape", () => {
    expect(() => buildEntityListQuery(list("Person", { after: "not-a-cursor" }))).toThrow(
      'after: "not-a-cursor" is not a cursor of this list',
    );
  });

  it("refuse a cursor of another list, or of this list with another filter", () => {
    const key = ["Jane Doe", "person:jane-doe"];
    const people = encodeCursor(entityCursorScope(list("Person")), key);
    expect(() => buildEntityListQuery(list("Organization", { after: people }))).toThrow(
      "after: this cursor belongs to another list (people); use a cursor from this list's edges or pageInfo (startCursor, endCursor)",
    );
    expect(() => buildEntityListQuery(list("Person", { filter: { name: "jane" }, after: people }))).toThrow(
      "after: this cursor belongs to this list with another filter; use a cursor from this list's edges or pageInfo (startCursor, endCursor)",
    );
    const named = encodeCursor(entityCursorScope(list("Person", { filter: { name: "jane" } })), key);
    expect(buildEntityListQuery(list("Person", { filter: { name: "jane" }, after: named })).params).toMatchObject({
      afterKey: "Jane Doe",
      afterId: "person:jane-doe",
    });
  });
});

describe("a list with the neighbours of each of its nodes", () => {
  it("reads each kept node's neighbours, and theirs, after the page is cut", () => {
    const built = buildEntityListQuery(
      list("Venue", {
        size: 10,
        filter: { kind: "building" },
        neighbours: [{ kind: "locatedIn" }, { kind: "venueState", neighbours: [{ kind: "officeHolders" }] }],
      }),
    );
    expect(built.cypher).toMatchInlineSnapshot(`
     "CALL () {
       MATCH (n:Venue) WHERE n.kind = $kind
       WITH DISTINCT n
       WITH n, n.name AS sortKey
       WITH n, sortKey ORDER BY sortKey ASC, n.id ASC LIMIT $limit
       CALL (n) {
         WITH n AS a
         CALL (a) {
            MATCH p = (a)-[r:LOCATED_IN]->(b:Venue)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Venue', aliasText: null, spellings: null}, rel: {}}) AS links
          }
         RETURN links AS links0
       }
       CALL (n) {
         WITH n AS a
         CALL (a) {
            MATCH p = (a)-[:LOCATED_IN*0..5]->(:Venue)-[r:IN_STATE]->(b:State)
            CALL (b) {
              WITH b AS a
              CALL (a) {
            MATCH p = (a)<-[r:HOLDS_OFFICE]-(b:Person)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Person', aliasText: null, spellings: null}, rel: r {.title, .since, .fromSource}}) AS links
          }
              RETURN links AS sub0
            }
            WITH b, r, p, sub0 ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'State', aliasText: null, spellings: null}, rel: {}, sub0: sub0}) AS links
          }
         RETURN links AS links1
       }
       RETURN collect({row: n {.*, label: 'Venue', aliasText: null, spellings: null}, sortKey: toString(sortKey), links0: links0, links1: links1}) AS page
     }
     RETURN page, null AS total"
    `);
    expect(built.params).toEqual({ limit: 11, kind: "building" });
  });

  it("counts every statement once when a neighbour's page of statements is asked", () => {
    const built = buildEntityListQuery(
      list("State", {
        size: 5,
        neighbours: [
          {
            kind: "officeHolders",
            statements: { filter: {}, order: "SAID_ON_DESC", size: 2, parts: {}, withTotal: false, anchor: "said" },
          },
        ],
      }),
    );
    expect(
      built.cypher.startsWith("CALL () { MATCH (x:Statement) RETURN count(x) AS statements }\nCALL (statements) {"),
    ).toBe(true);
    expect(built.params).toMatchObject({ limit: 6, n0_limit: 3 });
  });
});

describe("the listed nodes' properties", () => {
  it("reads only the properties the selection names, with the id and label", () => {
    const { cypher } = buildEntityListQuery(list("Person", { properties: ["name"] }));
    expect(cypher).toContain("RETURN collect({row: n {.id, .name, label: 'Person'}, sortKey: toString(sortKey)})");
    expect(cypher).not.toContain(".*");
  });

  it("reads every property (a source without its text) when no selection is given", () => {
    expect(buildEntityListQuery(list("Person")).cypher).toContain("n {.*, label:");
  });
});
