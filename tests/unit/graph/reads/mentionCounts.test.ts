// The Cypher of who-talks-about-whom counts (buildMentionCountsQuery), pinned as text.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildMentionCountsQuery } from "../../../../src/graph/reads/mentionCounts";

describe("mention counts", () => {
  it("count, for each speaker, the statements mentioning each node, most first", () => {
    expect(buildMentionCountsQuery("mentionsMost", ["person:a", "person:b", "person:a"], 10)).toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND $ids AS id
          OPTIONAL MATCH (x:Entity {id: id})
          CALL (x) {
            MATCH (x)-[:SAID]->(s:Statement)-[:MENTIONS]->(y)
            WITH y, count(DISTINCT s) AS n ORDER BY n DESC, y.id LIMIT $first
            RETURN collect({node: CASE WHEN y:Source THEN y {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE y {.*, label: head([l IN labels(y) WHERE l <> 'Entity']), aliasText: null, spellings: null} END, count: n}) AS counts
          }
          RETURN id, counts",
       "params": {
         "first": 10,
         "ids": [
           "person:a",
           "person:b",
         ],
       },
     }
    `);
  });

  it("count, for each node, the statements of each speaker mentioning it", () => {
    expect(buildMentionCountsQuery("mentionedMostBy", ["state:ru"], 3).cypher).toContain(
      "MATCH (x)<-[:MENTIONS]-(s:Statement)<-[:SAID]-(y)",
    );
  });
});
