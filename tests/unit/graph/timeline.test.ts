// The Cypher of an entity's timeline (buildTimelineQuery), pinned as text.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildTimelineQuery } from "../../../src/graph/timeline";

describe("the timeline query", () => {
  it("gathers statements and events around the entity in date order, undated last", () => {
    expect(buildTimelineQuery({ entity: "state:ua", first: 100, parts: {} })).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $entity}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $entity})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS x WHERE x IS NOT NULL RETURN x }
          CALL (x) {
            MATCH (x)<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement) WHERE x:State OR x:Person OR x:Organization
            RETURN s AS item
            UNION
            MATCH (x)<-[:MENTIONS]-(s:Statement) RETURN s AS item
            UNION
            MATCH (x)-[:PARTICIPATED_IN]->(e:Event) RETURN e AS item
            UNION
            MATCH (x)<-[:DURING]-(s:Statement) RETURN s AS item
            UNION
            MATCH (x:Event) RETURN x AS item
            UNION
            MATCH (x:Venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement) RETURN s AS item
            UNION
            MATCH (x:Venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:HELD_AT]-(e:Event) RETURN e AS item
          }
          WITH item, CASE WHEN item:Statement THEN item.saidOn ELSE item.date END AS when
          
          WITH item, when ORDER BY coalesce(when, date('9999-12-31')), item.id LIMIT $first
          RETURN CASE WHEN item:Statement THEN item {.*, label: 'Statement'} ELSE CASE WHEN item:Source THEN item {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE item {.*, label: head([l IN labels(item) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS item",
       "params": {
         "entity": "state:ua",
         "first": 100,
         "from": null,
         "to": null,
       },
     }
    `);
  });

  it("keeps the items between two dates, with the statement parts selected", () => {
    const built = buildTimelineQuery({
      entity: "state:ua",
      from: "2025-05-01",
      to: "2025-05-31",
      first: 10,
      parts: { venue: true },
    });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $entity}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $entity})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS x WHERE x IS NOT NULL RETURN x }
          CALL (x) {
            MATCH (x)<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement) WHERE x:State OR x:Person OR x:Organization
            RETURN s AS item
            UNION
            MATCH (x)<-[:MENTIONS]-(s:Statement) RETURN s AS item
            UNION
            MATCH (x)-[:PARTICIPATED_IN]->(e:Event) RETURN e AS item
            UNION
            MATCH (x)<-[:DURING]-(s:Statement) RETURN s AS item
            UNION
            MATCH (x:Event) RETURN x AS item
            UNION
            MATCH (x:Venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement) RETURN s AS item
            UNION
            MATCH (x:Venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:HELD_AT]-(e:Event) RETURN e AS item
          }
          WITH item, CASE WHEN item:Statement THEN item.saidOn ELSE item.date END AS when
          WHERE when >= date($from) AND when <= date($to)
          WITH item, when ORDER BY coalesce(when, date('9999-12-31')), item.id LIMIT $first
          RETURN CASE WHEN item:Statement THEN item {.*, label: 'Statement', venue: head([(item)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END])} ELSE CASE WHEN item:Source THEN item {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE item {.*, label: head([l IN labels(item) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS item",
       "params": {
         "entity": "state:ua",
         "first": 10,
         "from": "2025-05-01",
         "to": "2025-05-31",
       },
     }
    `);
  });

  it("tests only the bound given, and passes the other as null", () => {
    const since = buildTimelineQuery({ entity: "x", from: "2025-05-01", first: 5, parts: {} });
    expect(since.cypher).toContain("\n     WHERE when >= date($from)\n");
    expect(since.cypher).not.toContain("$to");
    expect(since.params).toEqual({ entity: "x", from: "2025-05-01", to: null, first: 5 });
    const until = buildTimelineQuery({ entity: "x", to: "2025-05-31", first: 5, parts: {} });
    expect(until.cypher).toContain("\n     WHERE when <= date($to)\n");
    expect(until.params).toEqual({ entity: "x", from: null, to: "2025-05-31", first: 5 });
  });
});
