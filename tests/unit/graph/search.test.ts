// The Cypher of full-text search (buildSearchQuery), pinned as text: user input only ever reaches it as an escaped
// Lucene parameter.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildSearchQuery } from "../../../src/graph/search";

describe("the search query", () => {
  it("asks both full-text indexes for any word, best hits first", () => {
    expect(buildSearchQuery("ceasefire talks", 20, {})).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
            CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $first}) YIELD node, score RETURN node, score
            UNION ALL
            CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score RETURN node, score
          }
          WITH node, score ORDER BY score DESC, node.id LIMIT $first
          RETURN CASE WHEN node:Statement THEN node {.*, label: 'Statement'} ELSE CASE WHEN node:Source THEN node {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE node {.*, label: head([l IN labels(node) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node, score",
       "params": {
         "first": 20,
         "query": "ceasefire OR talks OR spellings:(csfr OR tlks)^0.5",
       },
     }
    `);
  });

  it("projects the statement parts selected, and passes query syntax as escaped words", () => {
    expect(buildSearchQuery("ceasefire) OR name:*", 5, { speaker: true })).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () {
            CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $first}) YIELD node, score RETURN node, score
            UNION ALL
            CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score RETURN node, score
          }
          WITH node, score ORDER BY score DESC, node.id LIMIT $first
          RETURN CASE WHEN node:Statement THEN node {.*, label: 'Statement', speaker: head([(node)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END])} ELSE CASE WHEN node:Source THEN node {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE node {.*, label: head([l IN labels(node) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node, score",
       "params": {
         "first": 5,
         "query": "ceasefire\\) OR or OR name\\:\\* OR spellings:(csfr)^0.5",
       },
     }
    `);
  });

  it("builds no query when there is nothing to search for or nothing asked", () => {
    expect(buildSearchQuery("", 20, {})).toBeNull();
    expect(buildSearchQuery("   ", 20, {})).toBeNull();
    expect(buildSearchQuery("ceasefire", 0, {})).toBeNull();
  });
});
