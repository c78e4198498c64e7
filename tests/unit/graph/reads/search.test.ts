// The Cypher of full-text search (buildSearchQuery), pinned as text: user input only ever reaches it as an escaped
// Lucene parameter; and how deep each page reads the indexes (searchDepth).
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { encodeCursor } from "../../../../src/graph/cursor";
import {
  buildSearchQuery,
  SEARCH_DEPTH,
  searchCursorScope,
  searchDepth,
  type SearchQuery,
} from "../../../../src/graph/reads/search";

const query = (change: Partial<SearchQuery> = {}): SearchQuery => ({
  text: "ceasefire talks",
  size: 20,
  parts: {},
  withTotal: false,
  ...change,
});

describe("the search query", () => {
  it("asks both full-text indexes for any word, best hits first", () => {
    expect(buildSearchQuery(query(), 21)).toMatchInlineSnapshot(`
     {
       "cypher": "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
          CALL () {
            CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $depth}) YIELD node, score
            RETURN collect({node: node, score: score}) AS statementHits
          }
          CALL () {
            CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $depth}) YIELD node, score
            RETURN collect({node: node, score: score}) AS entityHits
          }
          WITH statementHits + entityHits AS hits,
            [cut IN [statementHits, entityHits] WHERE size(cut) = $depth | cut[-1].score] AS cuts
          CALL (hits) {
            UNWIND hits AS hit
            WITH hit.node AS node, hit.score AS score
            WITH node, score ORDER BY score DESC, node.id ASC LIMIT $limit
            RETURN collect({row: {node: CASE WHEN node:Statement THEN node {.*, label: 'Statement'} ELSE CASE WHEN node:Source THEN node {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE node {.*, label: head([l IN labels(node) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END, score: score}, sortKey: score}) AS page
          }
          RETURN page, size(hits) AS read, cuts, null AS total",
       "params": {
         "depth": 21,
         "limit": 21,
         "query": "ceasefire OR talks OR spellings:(csfr OR tlks)^0.5",
       },
     }
    `);
  });

  it("projects the statement parts selected, passes query syntax as escaped words, and counts when asked", () => {
    expect(
      buildSearchQuery(query({ text: "ceasefire) OR name:*", size: 5, parts: { speaker: true }, withTotal: true }), 6),
    ).toMatchInlineSnapshot(`
     {
       "cypher": "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
          CALL () {
            CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $depth}) YIELD node, score
            RETURN collect({node: node, score: score}) AS statementHits
          }
          CALL () {
            CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $depth}) YIELD node, score
            RETURN collect({node: node, score: score}) AS entityHits
          }
          WITH statementHits + entityHits AS hits,
            [cut IN [statementHits, entityHits] WHERE size(cut) = $depth | cut[-1].score] AS cuts
          CALL (hits) {
            UNWIND hits AS hit
            WITH hit.node AS node, hit.score AS score
            WITH node, score ORDER BY score DESC, node.id ASC LIMIT $limit
            RETURN collect({row: {node: CASE WHEN node:Statement THEN node {.*, label: 'Statement', speaker: head([(node)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END])} ELSE CASE WHEN node:Source THEN node {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE node {.*, label: head([l IN labels(node) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END, score: score}, sortKey: score}) AS page
          }
          CALL () {
            CALL db.index.fulltext.queryNodes('statement_text', $query) YIELD node RETURN count(node) AS statementTotal
          }
          CALL () {
            CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node RETURN count(node) AS entityTotal
          }
          RETURN page, size(hits) AS read, cuts, statementTotal + entityTotal AS total",
       "params": {
         "depth": 6,
         "limit": 6,
         "query": "ceasefire\\) OR or OR name\\:\\* OR spellings:(csfr)^0.5",
       },
     }
    `);
  });

  it("reads a backward page from the lowest score up, past its cursor", () => {
    const before = encodeCursor(searchCursorScope(query()), [2.5, "statement:b", 40]);
    const built = buildSearchQuery(query({ backward: true, before, size: 5 }), 40)!;
    expect(built.cypher).toContain(
      "WHERE (score > $beforeKey OR (score = $beforeKey AND node.id < $beforeId))\n" +
        "       WITH node, score ORDER BY score ASC, node.id DESC LIMIT $limit",
    );
    expect(built.params).toMatchObject({ beforeKey: 2.5, beforeId: "statement:b", depth: 40, limit: 6 });
  });

  it("builds no query when there is nothing to search for", () => {
    expect(buildSearchQuery(query({ text: "" }), 21)).toBeNull();
    expect(buildSearchQuery(query({ text: "   " }), 21)).toBeNull();
  });
});

describe("how deep a page reads each index", () => {
  const at = (place: number) => encodeCursor(searchCursorScope(query()), [1, "state:ua", place]);

  it("reads to the end of the page it asks for: after the cursor's place, or before it", () => {
    expect(searchDepth(query())).toBe(21);
    expect(searchDepth(query({ after: at(40) }))).toBe(61);
    expect(searchDepth(query({ backward: true, before: at(40) }))).toBe(40);
  });

  it("reads as deep as it may for the last hits of all, and never deeper", () => {
    expect(searchDepth(query({ backward: true }))).toBe(SEARCH_DEPTH);
    expect(searchDepth(query({ after: at(SEARCH_DEPTH + 5) }))).toBe(SEARCH_DEPTH);
  });
});
