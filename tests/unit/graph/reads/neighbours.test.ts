// The Cypher of neighbour look-ups (neighbourLinks, buildNeighboursQuery), pinned as text, and how links from two
// sources are merged.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import {
  buildNeighboursQuery,
  dedupe,
  neighbourLinks,
  NEIGHBOUR_PATTERNS,
} from "../../../../src/graph/reads/neighbours";
import type { LinkedRow } from "../../../../src/graph/rows";

describe("the neighbours query", () => {
  it("finds the neighbours of one kind for every id once, ordered by date then name", () => {
    expect(buildNeighboursQuery("offices", ["person:a", "person:b", "person:a"])).toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND $ids AS id
          CALL (id) { OPTIONAL MATCH (named:Entity {id: id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL (a) {
            MATCH p = (a)-[r:HOLDS_OFFICE]->(b:State)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'State', aliasText: null, spellings: null}, rel: r {.title, .since, .fromSource}}) AS links
          }
          RETURN id, links",
       "params": {
         "ids": [
           "person:a",
           "person:b",
         ],
       },
     }
    `);
  });

  it("finds a venue's state through the venues it is located in", () => {
    expect(neighbourLinks("venueState")).toMatchInlineSnapshot(`
     "CALL (a) {
            MATCH p = (a)-[:LOCATED_IN*0..5]->(:Venue)-[r:IN_STATE]->(b:State)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'State', aliasText: null, spellings: null}, rel: {}}) AS links
          }"
    `);
  });

  it("fetches more for every neighbour in a subquery, kept in each link", () => {
    const more = { imports: ["statements"], call: "CALL (b) { RETURN 1 AS extra }", returns: ["extra"] };
    expect(neighbourLinks("participants", "links3", more)).toMatchInlineSnapshot(`
     "CALL (a, statements) {
            MATCH p = (a)<-[r:PARTICIPATED_IN]-(b)
            CALL (b) { RETURN 1 AS extra }
            WITH b, r, p, extra ORDER BY length(p), b.name, b.id
            RETURN collect({node: CASE WHEN b:Source THEN b {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE b {.*, label: head([l IN labels(b) WHERE l <> 'Entity']), aliasText: null, spellings: null} END, rel: r {.role}, extra: extra}) AS links3
          }"
    `);
  });

  it("takes a pattern from the fixed table only", () => {
    expect(Object.keys(NEIGHBOUR_PATTERNS)).toEqual([
      "offices",
      "officeHolders",
      "memberOf",
      "members",
      "participations",
      "participants",
      "stateOrganizations",
      "partOf",
      "stateVenues",
      "locatedIn",
      "contains",
      "venueState",
      "heldAt",
      "eventsHeld",
      "follows",
      "followedBy",
    ]);
    for (const [kind, pattern] of Object.entries(NEIGHBOUR_PATTERNS)) {
      expect(neighbourLinks(kind as keyof typeof NEIGHBOUR_PATTERNS)).toContain(`MATCH p = ${pattern}\n`);
    }
  });
});

describe("links that two sources state", () => {
  const link = (id: string, rel: LinkedRow["rel"]): LinkedRow => ({
    node: { label: "State", id, name: id, isoCode: "XA", aliases: [], fromSource: true } as LinkedRow["node"],
    rel,
  });

  it("are one link, from the source if either says so, in the order first seen", () => {
    const links = [
      link("state:ua", { title: "President", fromSource: false }),
      link("state:tr", { title: "President", fromSource: false }),
      link("state:ua", { title: "President", fromSource: true }),
      link("state:ua", { title: "Minister", fromSource: false }),
    ];
    expect(dedupe(links).map((l) => [l.node.id, l.rel.title, l.rel.fromSource])).toEqual([
      ["state:ua", "President", true],
      ["state:tr", "President", false],
      ["state:ua", "Minister", false],
    ]);
  });
});

describe("neighbours with only some properties", () => {
  it("projects each neighbour's id, label and the named properties, and orders them as before", () => {
    expect(neighbourLinks("officeHolders", "links", undefined, ["name", "aliases"])).toMatchInlineSnapshot(`
     "CALL (a) {
            MATCH p = (a)<-[r:HOLDS_OFFICE]-(b:Person)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.id, .name, .aliases, label: 'Person'}, rel: r {.title, .since, .fromSource}}) AS links
          }"
    `);
  });
});
