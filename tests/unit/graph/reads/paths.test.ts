// The Cypher of the shortest path between two entities (buildShortestPathQuery), pinned as text.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildShortestPathQuery } from "../../../../src/graph/reads/paths";

describe("the shortest path query", () => {
  it("walks the domain's relationships up to maxHops and projects statements without linked parts", () => {
    expect(buildShortestPathQuery("person:donald-trump", "venue:ciragan-palace", 4)).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $from}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $from})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL () { OPTIONAL MATCH (named:Entity {id: $to}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $to})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS b WHERE b IS NOT NULL RETURN b }
          WITH a, b WHERE a <> b
          MATCH p = allShortestPaths((a)-[:SAID|MENTIONS|SAID_AT|DURING|HOLDS_OFFICE|MEMBER_OF|PART_OF|LOCATED_IN|IN_STATE|HELD_AT|PARTICIPATED_IN|FOLLOWS|RESPONDS_TO*..4]-(b))
          WITH p LIMIT 100
          WITH p ORDER BY reduce(key = '', n IN nodes(p) | key + ' ' + n.id) LIMIT 1
          RETURN [n IN nodes(p) | CASE WHEN n:Statement THEN n {.*, label: 'Statement'} ELSE CASE WHEN n:Source THEN n {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE n {.*, label: head([l IN labels(n) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END] AS nodes,
                 [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships",
       "params": {
         "from": "person:donald-trump",
         "to": "venue:ciragan-palace",
       },
     }
    `);
  });

  it("projects the linked parts of statements the query asked for", () => {
    const built = buildShortestPathQuery("person:a", "person:b", 2, { speaker: true, evidence: true });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $from}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $from})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL () { OPTIONAL MATCH (named:Entity {id: $to}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $to})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS b WHERE b IS NOT NULL RETURN b }
          WITH a, b WHERE a <> b
          MATCH p = allShortestPaths((a)-[:SAID|MENTIONS|SAID_AT|DURING|HOLDS_OFFICE|MEMBER_OF|PART_OF|LOCATED_IN|IN_STATE|HELD_AT|PARTICIPATED_IN|FOLLOWS|RESPONDS_TO*..2]-(b))
          WITH p LIMIT 100
          WITH p ORDER BY reduce(key = '', n IN nodes(p) | key + ' ' + n.id) LIMIT 1
          RETURN [n IN nodes(p) | CASE WHEN n:Statement THEN n {.*, label: 'Statement', speaker: head([(n)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), evidence: COLLECT { MATCH (n)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN n:Source THEN n {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE n {.*, label: head([l IN labels(n) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END] AS nodes,
                 [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships",
       "params": {
         "from": "person:a",
         "to": "person:b",
       },
     }
    `);
  });

  it("writes maxHops into the text only as a checked integer from 1 to 6", () => {
    expect(buildShortestPathQuery("a", "b", 1).cypher).toContain("*..1]-(b)");
    expect(buildShortestPathQuery("a", "b", 6).cypher).toContain("*..6]-(b)");
    for (const maxHops of [0, 7, 2.5, Number.NaN, -1]) {
      expect(() => buildShortestPathQuery("a", "b", maxHops)).toThrow(
        new RangeError("maxHops must be an integer from 1 to 6"),
      );
    }
  });
});
