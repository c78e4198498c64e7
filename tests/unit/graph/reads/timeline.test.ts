// The Cypher of an entity's timeline (buildTimelineQuery), pinned as text.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { encodeCursor } from "../../../../src/graph/cursor";
import { buildTimelineQuery, timelineCursorScope } from "../../../../src/graph/reads/timeline";

describe("the timeline query", () => {
  it("gathers statements and events around the entity in date order (a month before its days), undated last", () => {
    expect(buildTimelineQuery({ entity: "state:ua", size: 100, parts: {}, withTotal: false })).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $entity}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $entity})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS x WHERE x IS NOT NULL RETURN x }
          CALL (x) {
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
            WITH item, CASE WHEN when IS NULL THEN '~'
              ELSE left(toString(when), CASE item.datePrecision WHEN 'YEAR' THEN 4 WHEN 'MONTH' THEN 7 ELSE 10 END)
            END AS sortKey
            WITH item, sortKey ORDER BY sortKey ASC, item.id ASC LIMIT $limit
            RETURN collect({row: CASE WHEN item:Statement THEN item {.*, label: 'Statement'} ELSE CASE WHEN item:Source THEN item {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE item {.*, label: head([l IN labels(item) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END, sortKey: sortKey}) AS page
          }
          RETURN page, null AS total",
       "params": {
         "entity": "state:ua",
         "limit": 101,
       },
     }
    `);
  });

  it("keeps the items between two dates, with the statement parts selected", () => {
    const built = buildTimelineQuery({
      entity: "state:ua",
      from: "2025-05-01",
      to: "2025-05-31",
      size: 10,
      parts: { venue: true },
      withTotal: true,
    });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $entity}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $entity})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS x WHERE x IS NOT NULL RETURN x }
          CALL (x) {
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
            WITH item, CASE WHEN when IS NULL THEN '~'
              ELSE left(toString(when), CASE item.datePrecision WHEN 'YEAR' THEN 4 WHEN 'MONTH' THEN 7 ELSE 10 END)
            END AS sortKey
            WITH item, sortKey ORDER BY sortKey ASC, item.id ASC LIMIT $limit
            RETURN collect({row: CASE WHEN item:Statement THEN item {.*, label: 'Statement', venue: head([(item)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END])} ELSE CASE WHEN item:Source THEN item {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE item {.*, label: head([l IN labels(item) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END, sortKey: sortKey}) AS page
          }
          CALL (x) {
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
            RETURN count(item) AS total
          }
          RETURN page, total",
       "params": {
         "entity": "state:ua",
         "from": "2025-05-01",
         "limit": 11,
         "to": "2025-05-31",
       },
     }
    `);
  });

  it("tests only the bound given, and passes the other as null", () => {
    const since = buildTimelineQuery({ entity: "x", from: "2025-05-01", size: 5, parts: {}, withTotal: false });
    expect(since.cypher).toContain("\n       WHERE when >= date($from)\n");
    expect(since.cypher).not.toContain("$to");
    expect(since.params).toEqual({ entity: "x", from: "2025-05-01", limit: 6 });
    const until = buildTimelineQuery({ entity: "x", to: "2025-05-31", size: 5, parts: {}, withTotal: false });
    expect(until.cypher).toContain("\n       WHERE when <= date($to)\n");
    expect(until.params).toEqual({ entity: "x", to: "2025-05-31", limit: 6 });
  });

  it("reads a backward page from the end, past its cursor, and the cursor belongs to the entity and dates", () => {
    const before = encodeCursor(timelineCursorScope({ entity: "x" }), ["2025-06-02", "statement:b"]);
    const built = buildTimelineQuery({ entity: "x", size: 5, backward: true, before, parts: {}, withTotal: false });
    expect(built.cypher).toContain(
      "WHERE (sortKey < $beforeKey OR (sortKey = $beforeKey AND item.id < $beforeId))\n" +
        "       WITH item, sortKey ORDER BY sortKey DESC, item.id DESC LIMIT $limit",
    );
    expect(() =>
      buildTimelineQuery({ entity: "y", size: 5, backward: true, before, parts: {}, withTotal: false }),
    ).toThrow(/^before: this cursor belongs to this list with another filter/);
  });
});
