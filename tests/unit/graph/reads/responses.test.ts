// The Cypher of conversations (buildResponsesQuery, buildConversationQuery), pinned as text.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildConversationQuery, buildResponsesQuery } from "../../../../src/graph/reads/responses";

describe("responses", () => {
  it("gather, per statement, each response once with the sources that state it and their spans", () => {
    expect(buildResponsesQuery("respondsTo", ["statement:a", "statement:a"])).toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND $ids AS id
          CALL (id) { OPTIONAL MATCH (named:Statement {id: id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: id})-[:ALIAS_OF]->(canonical:Statement) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL (a) {
            MATCH (a)-[r:RESPONDS_TO]->(b:Statement)
            WITH DISTINCT b, r.relation AS relation
            ORDER BY b.saidOn IS NULL, b.saidOn, b.time, b.id, relation
            LIMIT $limit
            CALL (a, b, relation) {
              MATCH (a)-[r:RESPONDS_TO]->(b:Statement)
              WHERE r.relation = relation
              OPTIONAL MATCH (src:Source {id: r.source})
              WITH src, [i IN range(0, size(coalesce(r.starts, [])) - 1) |
                     {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.starts[i], end: r.ends[i], excerpt: r.excerpts[i]}] AS spans
              ORDER BY src.publishedOn, src.id
              WITH collect(DISTINCT src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}) AS sources, collect(spans) AS spans
              RETURN sources, reduce(all = [], s IN spans | all + s) AS evidence
            }
            RETURN collect({relation: relation, statement: CASE WHEN b:Source THEN b {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE b {.*, label: head([l IN labels(b) WHERE l <> 'Entity']), aliasText: null, spellings: null} END, sources: sources, evidence: evidence})
                   AS responses
          }
          RETURN id, responses",
       "params": {
         "ids": [
           "statement:a",
         ],
         "limit": 100,
       },
     }
    `);
  });

  it("follow the relationship the other way for the statements that respond", () => {
    expect(buildResponsesQuery("responses", ["statement:a"]).cypher).toContain(
      "MATCH (a)<-[r:RESPONDS_TO]-(b:Statement)",
    );
  });

  it("bring only the properties of the other statement that the query reads, a date as its string", () => {
    const { cypher } = buildResponsesQuery("respondsTo", ["statement:a"], ["saidOn", "text"]);
    expect(cypher).toContain(
      "collect({relation: relation, statement: b {.id, saidOn: toString(b.saidOn), .text, label: 'Statement'}, ",
    );
    expect(buildResponsesQuery("respondsTo", ["statement:a"], []).cypher).toContain(
      "statement: b {.id, label: 'Statement'}",
    );
  });
});

describe("a conversation", () => {
  it("walks responses both ways up to the depth asked, each statement once, in date order", () => {
    expect(buildConversationQuery("statement:a", 3, { speaker: true })).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Statement {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Statement) RETURN canonical })) AS s WHERE s IS NOT NULL RETURN s }
          MATCH (s)-[:RESPONDS_TO*0..3]-(x:Statement)
          WITH DISTINCT x
          ORDER BY x.saidOn IS NULL, x.saidOn, x.time, x.id
          LIMIT $limit
          RETURN x {.*, label: 'Statement', speaker: head([(x)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END])} AS statement",
       "params": {
         "id": "statement:a",
         "limit": 100,
       },
     }
    `);
  });

  it("refuses a depth that is not an integer from 0 to 10", () => {
    expect(() => buildConversationQuery("statement:a", 11)).toThrow(RangeError);
    expect(() => buildConversationQuery("statement:a", 1.5)).toThrow(RangeError);
    expect(() => buildConversationQuery("statement:a", -1)).toThrow(RangeError);
  });
});
