// The Cypher and parameters of every statement list (buildStatementQuery, statementPageParts), pinned as text: a
// change to a query shows up here as a diff to review. Whether the plans use indexes is checked against Neo4j in
// tests/graphql/performance-by-construction.test.ts.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { CursorError, encodeCursor } from "../../../../src/graph/cursor";
import { windowCursors } from "../../../../src/graph/pages";
import {
  buildStatementQuery,
  checkStatementCursors,
  statementCursorScope,
  statementPageParts,
  type StatementQuery,
} from "../../../../src/graph/reads/statements";

/** A page of 20, newest first, without linked parts or total: each test changes what it is about. */
const query = (change: Partial<StatementQuery> = {}): StatementQuery => ({
  filter: {},
  order: "SAID_ON_DESC",
  size: 20,
  parts: {},
  withTotal: false,
  ...change,
});

/** The key in the cursor `after` of the list this query makes; CursorError when it is not one. */
const statementCursor = (q: StatementQuery, after: string) => {
  checkStatementCursors({ ...q, after });
  return windowCursors({ ...q, after }, statementCursorScope(q), 2)[0]!.key;
};

/** A cursor at this sort key and id, of the list these arguments make. */
const cursorOf = (change: Partial<StatementQuery>, key: (string | null)[]) =>
  encodeCursor(statementCursorScope(query(change)), key);

describe("a root list of statements", () => {
  it("walks the saidOn index newest first, then undated statements by id", () => {
    expect(buildStatementQuery(query())).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) {
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn IS NOT NULL
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dated
         }
         CALL (parent, dated) {
           WITH parent, dated WHERE size(dated) < $limit
           MATCH (s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "limit": 21,
         "undated": "0001-01-01",
       },
     }
    `);
  });

  it("walks it oldest first, with the linked parts selected and the total", () => {
    const built = buildStatementQuery(
      query({ order: "SAID_ON_ASC", size: 5, parts: { speaker: true, venue: true }, withTotal: true }),
    );
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) {
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn IS NOT NULL
           WITH s ORDER BY s.saidOn ASC, s.id ASC LIMIT $limit
           RETURN collect(s) AS dated
         }
         CALL (parent, dated) {
           WITH parent, dated WHERE size(dated) < $limit
           MATCH (s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id ASC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement', speaker: head([(s)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(s)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END])}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         MATCH (s:Statement)
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "limit": 6,
         "undated": "9999-12-31",
       },
     }
    `);
  });

  it("starts at the speaker named in the filter, and tests the other named nodes on each statement", () => {
    const built = buildStatementQuery(
      query({ filter: { speaker: "person:a", mentions: "state:ua", kind: "DIRECT_QUOTE" } }),
    );
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL () { OPTIONAL MATCH (named:Entity {id: $f_speaker}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $f_speaker})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor RETURN anchor }
         CALL () { OPTIONAL MATCH (named:Entity {id: $f_mentions}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $f_mentions})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS mentions RETURN mentions }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor, mentions, n, statements) {
           WITH parent, anchor, mentions, CASE WHEN n * n > statements * $limit * 2 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, mentions, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, mentions, s WHERE EXISTS { (anchor)-[:SAID]->(s) }
             AND EXISTS { (s)-[:MENTIONS]->(mentions) }
             AND s.kind = $f_kind
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, mentions, dense) {
           WITH parent, anchor, mentions, dense WHERE size(dense) < $limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           AND EXISTS { (s)-[:MENTIONS]->(mentions) }
           AND s.kind = $f_kind
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, mentions, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, mentions, dated) {
           WITH parent, anchor, mentions, dated WHERE size(dated) < $limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           AND EXISTS { (s)-[:MENTIONS]->(mentions) }
           AND s.kind = $f_kind
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "f_kind": "DIRECT_QUOTE",
         "f_mentions": "state:ua",
         "f_speaker": "person:a",
         "limit": 21,
         "undated": "0001-01-01",
         "walkLimit": 336,
       },
     }
    `);
  });

  it("names the nodes of the filter in a fixed order: speaker, event, mentions, venue, state", () => {
    const built = buildStatementQuery(
      query({
        filter: { state: "state:ua", venue: "venue:v", mentions: "person:m", event: "event:e", speaker: "person:s" },
      }),
    );
    expect(built.params).toEqual({
      limit: 21,
      f_speaker: "person:s",
      f_event: "event:e",
      f_mentions: "person:m",
      f_venue: "venue:v",
      f_state: "state:ua",
      undated: "0001-01-01",
      earliest: "0001-01-01",
      walkLimit: 21 * 16,
    });
    expect(built.cypher).toContain("CALL () { OPTIONAL MATCH (named:Entity {id: $f_speaker})");
  });

  it("looks for no undated statement when a date filter excludes them", () => {
    expect(buildStatementQuery(query({ filter: { from: "2025-01-01", to: "2025-05-31" } }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) {
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn IS NOT NULL
           AND s.saidOn >= date($f_from)
           AND s.saidOn <= date($f_to)
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dated
         }
         WITH parent, dated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "f_from": "2025-01-01",
         "f_to": "2025-05-31",
         "limit": 21,
         "undated": "0001-01-01",
       },
     }
    `);
  });

  it("starts from the full-text index for a text filter, as every word", () => {
    expect(buildStatementQuery(query({ filter: { text: "immediate halt", venue: "venue:v" }, withTotal: true })))
      .toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
         CALL () { OPTIONAL MATCH (named:Venue {id: $f_venue}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $f_venue})-[:ALIAS_OF]->(canonical:Venue) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         CALL db.index.fulltext.queryNodes('statement_text', $textQuery) YIELD node AS s
         WHERE EXISTS { (s)-[:SAID_AT]->(:Venue)-[:LOCATED_IN*0..5]->(:Venue {id: anchor.id}) }
         WITH s, coalesce(s.saidOn, date($undated)) AS sortKey
         WITH s, sortKey ORDER BY sortKey DESC, s.id DESC LIMIT $limit
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
         CALL () { OPTIONAL MATCH (named:Venue {id: $f_venue}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $f_venue})-[:ALIAS_OF]->(canonical:Venue) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         CALL db.index.fulltext.queryNodes('statement_text', $textQuery) YIELD node AS s
         WHERE EXISTS { (s)-[:SAID_AT]->(:Venue)-[:LOCATED_IN*0..5]->(:Venue {id: anchor.id}) }
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "f_venue": "venue:v",
         "limit": 21,
         "textQuery": "immediate AND halt",
         "undated": "0001-01-01",
       },
     }
    `);
  });

  it("continues after a cursor: past its date, then past its id on the same date", () => {
    const after = cursorOf({}, ["2025-05-16", "statement:b"]);
    expect(buildStatementQuery(query({ after }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) {
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn IS NOT NULL
           AND (s.saidOn < date($afterKey) OR (s.saidOn = date($afterKey) AND s.id < $afterId))
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dated
         }
         CALL (parent, dated) {
           WITH parent, dated WHERE size(dated) < $limit
           MATCH (s:Statement)
           WHERE s.saidOn IS NULL
           AND (date($undated) < date($afterKey) OR (date($undated) = date($afterKey) AND s.id < $afterId))
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "afterId": "statement:b",
         "afterKey": "2025-05-16",
         "limit": 21,
         "undated": "0001-01-01",
       },
     }
    `);
  });

  it("continues after a cursor in a text search", () => {
    const after = cursorOf({ order: "SAID_ON_ASC", filter: { text: "ceasefire" } }, ["2025-05-16", "statement:b"]);
    expect(buildStatementQuery(query({ order: "SAID_ON_ASC", after, filter: { text: "ceasefire" } })))
      .toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
         CALL db.index.fulltext.queryNodes('statement_text', $textQuery) YIELD node AS s
         WITH s, coalesce(s.saidOn, date($undated)) AS sortKey
         WHERE (sortKey > date($afterKey) OR (sortKey = date($afterKey) AND s.id > $afterId))
         WITH s, sortKey ORDER BY sortKey ASC, s.id ASC LIMIT $limit
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "afterId": "statement:b",
         "afterKey": "2025-05-16",
         "limit": 21,
         "textQuery": "ceasefire",
         "undated": "9999-12-31",
       },
     }
    `);
  });

  it("pins the Cypher of a filtered statement list", () => {
    const statementQuery = (filter: StatementQuery["filter"]): StatementQuery =>
      query({
        filter,
        parts: { speaker: true, venue: true, event: true, mentions: true, evidence: true },
        withTotal: true,
      });
    const { cypher, params } = buildStatementQuery(statementQuery({ speaker: "person:a", from: "2025-01-01" }));
    expect(params).toEqual({
      limit: 21,
      f_speaker: "person:a",
      f_from: "2025-01-01",
      undated: "0001-01-01",
      earliest: "0001-01-01",
      walkLimit: 21 * 16,
    });
    // The speaker is looked up once (its own id or an alias id), before the subqueries that read statements…
    expect(cypher).toContain(
      "CALL () { OPTIONAL MATCH (named:Entity {id: $f_speaker}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $f_speaker})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor RETURN anchor }",
    );
    // …and its statement count picks the plan at run time…
    expect(cypher).toContain(
      "CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }",
    );
    // …dense: walk the date index from the latest (its start set only when the walk is tried) for at most $walkLimit
    // statements in the date range, then test the speaker on them;
    expect(cypher).toContain(
      "CASE WHEN n * n > statements * $limit * 2 THEN date($earliest) END AS earliest\n      MATCH (s:Statement) USING INDEX s:Statement(saidOn)\n      WHERE s.saidOn >= earliest\n      AND s.saidOn >= date($f_from)\n      WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit\n      WITH parent, anchor, s WHERE EXISTS { (anchor)-[:SAID]->(s) }\n      WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit",
    );
    // …sparse, unless the walk filled the page: start at the speaker and sort what they said.
    expect(cypher).toContain(
      "WHERE size(dense) < $limit\n      MATCH (anchor)-[:SAID]->(s:Statement)\n      WHERE s.saidOn IS NOT NULL\n      AND s.saidOn >= date($f_from)\n      WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit",
    );
    expect(cypher).toContain("CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated");
    // A date filter excludes undated statements, so no query looks for them.
    expect(cypher).not.toContain("s.saidOn IS NULL");
  });
});

describe("the statements of many parents at once, one anchor each", () => {
  // The anchor's starting MATCH, its predicate and its count differ; the rest of the query is the same for all.
  it("said: what a speaker said", () => {
    expect(buildStatementQuery(query({ anchor: "said", withTotal: true }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:Entity {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $limit * 2 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, s WHERE EXISTS { (anchor)-[:SAID]->(s) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         CALL (parent) { OPTIONAL MATCH (named:Entity {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         MATCH (anchor)-[:SAID]->(s:Statement)
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "limit": 21,
         "undated": "0001-01-01",
         "walkLimit": 336,
       },
     }
    `);
  });

  it("mentionedIn: statements that mention the parent", () => {
    expect(buildStatementQuery(query({ anchor: "mentionedIn", withTotal: true }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:Entity {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)<-[:MENTIONS]-() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $limit * 2 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, s WHERE EXISTS { (s)-[:MENTIONS]->(anchor) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $limit
           MATCH (anchor)<-[:MENTIONS]-(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $limit
           MATCH (anchor)<-[:MENTIONS]-(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         CALL (parent) { OPTIONAL MATCH (named:Entity {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         MATCH (anchor)<-[:MENTIONS]-(s:Statement)
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "limit": 21,
         "undated": "0001-01-01",
         "walkLimit": 336,
       },
     }
    `);
  });

  it("saidAt: what was said at a venue or a venue inside it", () => {
    expect(buildStatementQuery(query({ anchor: "saidAt", withTotal: true }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:Venue {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Venue) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { MATCH (anchor)<-[:LOCATED_IN*0..5]-(x:Venue) RETURN coalesce(sum(COUNT { (x)<-[:SAID_AT]-() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $limit * 8 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, s WHERE EXISTS { (s)-[:SAID_AT]->(:Venue)-[:LOCATED_IN*0..5]->(:Venue {id: anchor.id}) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $limit
           MATCH (anchor)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $limit
           MATCH (anchor)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         CALL (parent) { OPTIONAL MATCH (named:Venue {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Venue) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         MATCH (anchor)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement)
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "limit": 21,
         "undated": "0001-01-01",
         "walkLimit": 336,
       },
     }
    `);
  });

  it("during: what was said during an event", () => {
    expect(buildStatementQuery(query({ anchor: "during", withTotal: true }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:Event {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Event) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)<-[:DURING]-() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $limit * 2 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, s WHERE EXISTS { (s)-[:DURING]->(anchor) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $limit
           MATCH (anchor)<-[:DURING]-(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $limit
           MATCH (anchor)<-[:DURING]-(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         CALL (parent) { OPTIONAL MATCH (named:Event {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Event) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         MATCH (anchor)<-[:DURING]-(s:Statement)
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "limit": 21,
         "undated": "0001-01-01",
         "walkLimit": 336,
       },
     }
    `);
  });

  it("reportedIn: what a source reports", () => {
    expect(buildStatementQuery(query({ anchor: "reportedIn", withTotal: true }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:Source {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Source) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)<-[:REPORTED_IN]-() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $limit * 2 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, s WHERE EXISTS { (s)-[:REPORTED_IN]->(anchor) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $limit
           MATCH (anchor)<-[:REPORTED_IN]-(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $limit
           MATCH (anchor)<-[:REPORTED_IN]-(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         CALL (parent) { OPTIONAL MATCH (named:Source {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Source) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         MATCH (anchor)<-[:REPORTED_IN]-(s:Statement)
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "limit": 21,
         "undated": "0001-01-01",
         "walkLimit": 336,
       },
     }
    `);
  });

  it("stateAll: what a state, its organizations and its office holders said", () => {
    expect(buildStatementQuery(query({ anchor: "stateAll", withTotal: true }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:State {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:State) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { MATCH (anchor)<-[:PART_OF|HOLDS_OFFICE*0..1]-(x:Entity) RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $limit * 8 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, s WHERE EXISTS { (s)<-[:SAID]-(:Entity)-[:PART_OF|HOLDS_OFFICE*0..1]->(:State {id: anchor.id}) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $limit
           MATCH (anchor)<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $limit
           MATCH (anchor)<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       CALL (parent) {
         CALL (parent) { OPTIONAL MATCH (named:State {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:State) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         MATCH (anchor)<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement)
         RETURN count(DISTINCT s) AS total
       }
       RETURN parent, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "limit": 21,
         "undated": "0001-01-01",
         "walkLimit": 336,
       },
     }
    `);
  });

  it("tests a filter's named node on each statement of the parent", () => {
    expect(buildStatementQuery(query({ anchor: "during", filter: { speaker: "person:a" }, size: 3 })))
      .toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:Event {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Event) RETURN canonical })) AS anchor RETURN anchor }
         CALL () { OPTIONAL MATCH (named:Entity {id: $f_speaker}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $f_speaker})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS speaker RETURN speaker }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)<-[:DURING]-() }), 0) AS n }
         CALL (parent, anchor, speaker, n, statements) {
           WITH parent, anchor, speaker, CASE WHEN n * n > statements * $limit * 2 THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, speaker, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, speaker, s WHERE EXISTS { (s)-[:DURING]->(anchor) }
             AND EXISTS { (speaker)-[:SAID]->(s) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, speaker, dense) {
           WITH parent, anchor, speaker, dense WHERE size(dense) < $limit
           MATCH (anchor)<-[:DURING]-(s:Statement)
           WHERE s.saidOn IS NOT NULL
           AND EXISTS { (speaker)-[:SAID]->(s) }
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, speaker, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, speaker, dated) {
           WITH parent, anchor, speaker, dated WHERE size(dated) < $limit
           MATCH (anchor)<-[:DURING]-(s:Statement)
           WHERE s.saidOn IS NULL
           AND EXISTS { (speaker)-[:SAID]->(s) }
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "f_speaker": "person:a",
         "limit": 4,
         "undated": "0001-01-01",
         "walkLimit": 256,
       },
     }
    `);
  });
});

describe("one statement page among other things (statementPageParts)", () => {
  it("renames only its own parameters with a prefix, so two pages fit in one query", () => {
    const after = cursorOf({ anchor: "said", filter: { kind: "REPORTED" } }, ["2025-05-16", "statement:b"]);
    const parts = statementPageParts(
      query({ anchor: "said", filter: { kind: "REPORTED" }, after, size: 2, withTotal: true }),
      "n0_",
    );
    expect(parts).toMatchInlineSnapshot(`
     {
       "aggregates": "
       CALL (parent) {
         CALL (parent) { OPTIONAL MATCH (named:Entity {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor WHERE anchor IS NOT NULL RETURN anchor }
         MATCH (anchor)-[:SAID]->(s:Statement)
         WHERE s.kind = $n0_f_kind
         RETURN count(DISTINCT s) AS total
       }",
       "columns": "total, null AS facets",
       "page": "CALL (parent) { OPTIONAL MATCH (named:Entity {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $n0_limit * 2 THEN date($n0_earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           AND (s.saidOn < date($n0_afterKey) OR (s.saidOn = date($n0_afterKey) AND s.id < $n0_afterId))
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n0_walkLimit
           WITH parent, anchor, s WHERE EXISTS { (anchor)-[:SAID]->(s) }
             AND s.kind = $n0_f_kind
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n0_limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $n0_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           AND s.kind = $n0_f_kind
           AND (s.saidOn < date($n0_afterKey) OR (s.saidOn = date($n0_afterKey) AND s.id < $n0_afterId))
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n0_limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $n0_limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $n0_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           AND s.kind = $n0_f_kind
           AND (date($n0_undated) < date($n0_afterKey) OR (date($n0_undated) = date($n0_afterKey) AND s.id < $n0_afterId))
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $n0_limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$n0_limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($n0_undated)))}) AS page",
       "params": {
         "n0_afterId": "statement:b",
         "n0_afterKey": "2025-05-16",
         "n0_earliest": "0001-01-01",
         "n0_f_kind": "REPORTED",
         "n0_limit": 3,
         "n0_undated": "0001-01-01",
         "n0_walkLimit": 256,
       },
     }
    `);
    expect(parts.page).not.toMatch(/\$(?!n0_)(limit|undated|afterKey|afterId|f_kind)\b/);
  });

  it("is the page of buildStatementQuery without a prefix", () => {
    const parts = statementPageParts(query({ anchor: "said", withTotal: true }));
    const built = buildStatementQuery(query({ anchor: "said", withTotal: true }));
    expect(built.cypher).toContain(parts.page);
    expect(built.cypher).toContain(parts.aggregates);
    expect(built.params).toEqual(parts.params);
  });
});

describe("a backward page (last, before)", () => {
  it("reads a root list from its end: undated statements first, then dated ones while the page has room", () => {
    const before = cursorOf({}, ["2025-05-16", "statement:b"]);
    expect(buildStatementQuery(query({ backward: true, before, size: 3 }))).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) {
           MATCH (s:Statement)
           WHERE s.saidOn IS NULL
           AND (date($undated) > date($beforeKey) OR (date($undated) = date($beforeKey) AND s.id > $beforeId))
           WITH DISTINCT s ORDER BY s.id ASC LIMIT $limit
           RETURN collect(s) AS undated
         }
         CALL (parent, undated) {
           WITH parent, undated WHERE size(undated) < $limit
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn IS NOT NULL
           AND (s.saidOn > date($beforeKey) OR (s.saidOn = date($beforeKey) AND s.id > $beforeId))
           WITH s ORDER BY s.saidOn ASC, s.id ASC LIMIT $limit
           RETURN collect(s) AS dated
         }
         WITH parent, undated + dated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "beforeId": "statement:b",
         "beforeKey": "2025-05-16",
         "limit": 4,
         "undated": "0001-01-01",
       },
     }
    `);
  });

  it("reads a speaker's statements from its end with whichever plan the speaker's size picks", () => {
    expect(buildStatementQuery(query({ anchor: "said", order: "SAID_ON_ASC", backward: true, size: 3 })))
      .toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
       UNWIND $parents AS parent
       CALL (parent, statements) {
         CALL (parent) { OPTIONAL MATCH (named:Entity {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS anchor RETURN anchor }
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor) {
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $limit
           RETURN collect(s) AS undated
         }
         CALL (parent, anchor, n, statements, undated) {
           WITH parent, anchor, undated, CASE WHEN n * n > statements * $limit * 2 AND size(undated) < $limit THEN date($earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, undated, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $walkLimit
           WITH parent, anchor, s WHERE EXISTS { (anchor)-[:SAID]->(s) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense, undated) {
           WITH parent, anchor, dense, undated WHERE size(dense) < $limit AND size(undated) < $limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, undated, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated
         WITH parent, undated + dated AS all
         UNWIND all[0..$limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page
       }
       RETURN parent, page, null AS total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "limit": 4,
         "undated": "9999-12-31",
         "walkLimit": 256,
       },
     }
    `);
  });

  it("has no undated part under a date filter", () => {
    const { cypher } = buildStatementQuery(query({ backward: true, filter: { from: "2025-01-01" } }));
    expect(cypher).not.toContain("s.saidOn IS NULL");
    expect(cypher).toContain("ORDER BY s.saidOn ASC, s.id ASC LIMIT $limit");
  });
});

describe("statement cursors", () => {
  it("are the sort key and the id", () => {
    expect(statementCursor(query(), cursorOf({}, ["2025-05-16", "statement:b"]))).toEqual([
      "2025-05-16",
      "statement:b",
    ]);
  });

  it("refuse anything else, before a query is built", () => {
    const short = cursorOf({}, ["2025-05-16"]);
    expect(() => buildStatementQuery(query({ after: short }))).toThrow(
      `after: ${JSON.stringify(short)} is not a cursor of this list`,
    );
  });

  it("belong to their list: root or which nested list, its order and its filter", () => {
    const key = ["2025-05-16", "statement:b"];
    const refused = (made: Partial<StatementQuery>, used: Partial<StatementQuery>) => {
      try {
        statementCursor(query(used), cursorOf(made, key));
      } catch (e) {
        expect(e).toBeInstanceOf(CursorError);
        return (e as Error).message;
      }
      return "accepted";
    };
    const use = "use a cursor from this list's edges or pageInfo (startCursor, endCursor)";
    expect(refused({}, { anchor: "said" })).toBe(`after: this cursor belongs to another list (statements); ${use}`);
    expect(refused({ anchor: "said" }, { anchor: "mentionedIn" })).toBe(
      `after: this cursor belongs to another list (Speaker.statements); ${use}`,
    );
    expect(refused({ order: "SAID_ON_ASC" }, {})).toBe(
      `after: this cursor belongs to this list in another order (orderBy: SAID_ON_ASC); ${use}`,
    );
    expect(refused({ filter: { kind: "REPORTED" } }, { filter: { kind: "DIRECT_QUOTE" } })).toBe(
      `after: this cursor belongs to this list with another filter; ${use}`,
    );
    expect(refused({ filter: { speaker: "person:a" } }, {})).toBe(
      `after: this cursor belongs to this list with another filter; ${use}`,
    );
  });

  it("are accepted under any parent, and with the same filter however it was spelled", () => {
    const key = ["2025-05-16", "statement:b"];
    const after = cursorOf({ anchor: "said", filter: { kind: "REPORTED", from: "2025-01-01" } }, key);
    // The parent id is no part of the query: one query serves the list under every parent with the same arguments.
    expect(statementCursor(query({ anchor: "said", filter: { from: "2025-01-01", kind: "REPORTED" } }), after)).toEqual(
      key,
    );
    expect(statementCursor(query({ filter: { kind: null, to: undefined } }), cursorOf({}, key))).toEqual(key);
    // Everything but the filter, order and list leaves the cursor valid: a page of another size, parts, totals.
    const other = query({ size: 5, withTotal: true, parts: { speaker: true } });
    expect(statementCursor(other, cursorOf({}, key))).toEqual(key);
  });
});
