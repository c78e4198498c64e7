// The Cypher of a node with what a query asks of it next (buildNodeWithLinksQuery), pinned as text: neighbours of
// some kinds, a page of statements of each neighbour and of the node, all in one query.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildNodeWithLinksQuery, buildNodesWithLinksQuery } from "../../../../src/graph/reads/nodeWithLinks";
import type { StatementQuery } from "../../../../src/graph/reads/statements";

const page = (change: Partial<StatementQuery> = {}): StatementQuery => ({
  filter: {},
  order: "SAID_ON_DESC",
  size: 3,
  parts: {},
  withTotal: false,
  ...change,
});

describe("a node with its links", () => {
  it("is the node alone when nothing more is asked", () => {
    expect(buildNodeWithLinksQuery("person:a", { neighbours: [] })).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          
          RETURN CASE WHEN a:Statement THEN a {.*, label: 'Statement', speaker: head([(a)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(a)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(a)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (a)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (a)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN a:Source THEN a {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE a {.*, label: head([l IN labels(a) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node",
       "params": {
         "id": "person:a",
       },
     }
    `);
  });

  it("adds a column of links per kind of neighbour, without counting statements when no page is asked", () => {
    const built = buildNodeWithLinksQuery("state:ua", {
      neighbours: [{ kind: "officeHolders" }, { kind: "stateVenues" }],
    });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL (a) {
            MATCH p = (a)<-[r:HOLDS_OFFICE]-(b:Person)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Person', aliasText: null, spellings: null}, rel: r {.title, .since, .fromSource}}) AS links0
          }
          CALL (a) {
            MATCH p = (a)<-[r:IN_STATE]-(b:Venue)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Venue', aliasText: null, spellings: null}, rel: {}}) AS links1
          }
          RETURN CASE WHEN a:Statement THEN a {.*, label: 'Statement', speaker: head([(a)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(a)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(a)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (a)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (a)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN a:Source THEN a {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE a {.*, label: head([l IN labels(a) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node, links0, links1",
       "params": {
         "id": "state:ua",
       },
     }
    `);
  });

  it("adds the node's own page of statements, with its total", () => {
    const built = buildNodeWithLinksQuery("person:a", {
      neighbours: [],
      statements: page({ anchor: "said", withTotal: true }),
    });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
          
          WITH *, a.id AS parent
          CALL (parent, statements, a) {
            WITH *, a AS anchor
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
          RETURN CASE WHEN a:Statement THEN a {.*, label: 'Statement', speaker: head([(a)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(a)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(a)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (a)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (a)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN a:Source THEN a {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE a {.*, label: head([l IN labels(a) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "id": "person:a",
         "limit": 4,
         "undated": "0001-01-01",
         "walkLimit": 256,
       },
     }
    `);
  });

  it("adds a page of each neighbour's statements, its parameters prefixed by the neighbour's position", () => {
    const built = buildNodeWithLinksQuery("state:ua", {
      neighbours: [
        { kind: "stateVenues" },
        { kind: "officeHolders", statements: page({ anchor: "said", filter: { kind: "REPORTED" } }) },
      ],
      statements: page({ anchor: "stateAll", size: 2, withTotal: true }),
    });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
          CALL (a) {
            MATCH p = (a)<-[r:IN_STATE]-(b:Venue)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Venue', aliasText: null, spellings: null}, rel: {}}) AS links0
          }
          CALL (a, statements) {
            MATCH p = (a)<-[r:HOLDS_OFFICE]-(b:Person)
            CALL (b, statements) {
              WITH b, b.id AS parent, statements
              CALL (parent, statements, b) {
            WITH *, b AS anchor
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $n1_limit * 2 THEN date($n1_earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n1_walkLimit
           WITH parent, anchor, s WHERE EXISTS { (anchor)-[:SAID]->(s) }
             AND s.kind = $n1_f_kind
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n1_limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $n1_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           AND s.kind = $n1_f_kind
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n1_limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $n1_limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $n1_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           AND s.kind = $n1_f_kind
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $n1_limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$n1_limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($n1_undated)))}) AS page
          }
              RETURN page, null AS total, null AS facets
            }
            WITH b, r, p, page, total, facets ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Person', aliasText: null, spellings: null}, rel: r {.title, .since, .fromSource}, page: page, total: total, facets: facets}) AS links1
          }
          WITH *, a.id AS parent
          CALL (parent, statements, a) {
            WITH *, a AS anchor
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
          RETURN CASE WHEN a:Statement THEN a {.*, label: 'Statement', speaker: head([(a)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(a)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(a)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (a)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (a)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN a:Source THEN a {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE a {.*, label: head([l IN labels(a) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node, links0, links1, page, total, null AS facets",
       "params": {
         "earliest": "0001-01-01",
         "id": "state:ua",
         "limit": 3,
         "n1_earliest": "0001-01-01",
         "n1_f_kind": "REPORTED",
         "n1_limit": 4,
         "n1_undated": "0001-01-01",
         "n1_walkLimit": 256,
         "undated": "0001-01-01",
         "walkLimit": 256,
       },
     }
    `);
  });

  it("adds further lists of the node's statements, each a map column with its parameters prefixed", () => {
    const built = buildNodeWithLinksQuery("event:e", {
      neighbours: [],
      statements: page({ anchor: "during", withTotal: true }),
      moreStatements: [page({ anchor: "mentionedIn", size: 5 })],
    });
    expect(built.cypher).toContain("AS node, page, total, null AS facets, more0");
    expect(built.params).toMatchObject({ limit: 4, o0_limit: 6, o0_earliest: "0001-01-01" });
    expect(built.cypher).toMatchInlineSnapshot(`
     "CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
          
          CALL (a, statements) {
            WITH a, a.id AS parent, statements
            CALL (parent, statements, a) {
            WITH *, a AS anchor
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)<-[:MENTIONS]-() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $o0_limit * 2 THEN date($o0_earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $o0_walkLimit
           WITH parent, anchor, s WHERE EXISTS { (s)-[:MENTIONS]->(anchor) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $o0_limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $o0_limit
           MATCH (anchor)<-[:MENTIONS]-(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $o0_limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $o0_limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $o0_limit
           MATCH (anchor)<-[:MENTIONS]-(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $o0_limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$o0_limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($o0_undated)))}) AS page
          }
            WITH page, null AS total, null AS facets
            RETURN {page: page, total: total, facets: facets} AS more0
          }
          WITH *, a.id AS parent
          CALL (parent, statements, a) {
            WITH *, a AS anchor
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
          RETURN CASE WHEN a:Statement THEN a {.*, label: 'Statement', speaker: head([(a)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(a)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(a)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (a)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (a)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN a:Source THEN a {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE a {.*, label: head([l IN labels(a) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node, page, total, null AS facets, more0"
    `);
  });
});

describe("neighbours of neighbours, and several look-ups", () => {
  it("reads a neighbour's neighbours inside its own subquery, parameters prefixed by their path", () => {
    const built = buildNodeWithLinksQuery("person:a", {
      neighbours: [
        {
          kind: "memberOf",
          neighbours: [
            { kind: "partOf", neighbours: [{ kind: "officeHolders", statements: page({ anchor: "said" }) }] },
          ],
        },
      ],
    });
    expect(built.cypher).toMatchInlineSnapshot(`
     "CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
          CALL (a, statements) {
            MATCH p = (a)-[r:MEMBER_OF]->(b:Organization)
            CALL (b, statements) {
              WITH b AS a, statements
              CALL (a, statements) {
            MATCH p = (a)-[r:PART_OF]->(b:State)
            CALL (b, statements) {
              WITH b AS a, statements
              CALL (a, statements) {
            MATCH p = (a)<-[r:HOLDS_OFFICE]-(b:Person)
            CALL (b, statements) {
              WITH b, b.id AS parent, statements
              CALL (parent, statements, b) {
            WITH *, b AS anchor
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $n0_0_0_limit * 2 THEN date($n0_0_0_earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n0_0_0_walkLimit
           WITH parent, anchor, s WHERE EXISTS { (anchor)-[:SAID]->(s) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n0_0_0_limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $n0_0_0_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $n0_0_0_limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $n0_0_0_limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $n0_0_0_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $n0_0_0_limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$n0_0_0_limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($n0_0_0_undated)))}) AS page
          }
              RETURN page, null AS total, null AS facets
            }
            WITH b, r, p, page, total, facets ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Person', aliasText: null, spellings: null}, rel: r {.title, .since, .fromSource}, page: page, total: total, facets: facets}) AS links
          }
              RETURN links AS sub0
            }
            WITH b, r, p, sub0 ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'State', aliasText: null, spellings: null}, rel: {}, sub0: sub0}) AS links
          }
              RETURN links AS sub0
            }
            WITH b, r, p, sub0 ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'Organization', aliasText: null, spellings: null}, rel: {}, sub0: sub0}) AS links0
          }
          RETURN CASE WHEN a:Statement THEN a {.*, label: 'Statement', speaker: head([(a)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(a)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(a)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (a)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (a)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN a:Source THEN a {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE a {.*, label: head([l IN labels(a) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node, links0"
    `);
    expect(Object.keys(built.params).sort()).toEqual([
      "id",
      "n0_0_0_earliest",
      "n0_0_0_limit",
      "n0_0_0_undated",
      "n0_0_0_walkLimit",
    ]);
  });

  it("reads several look-ups in one query, each in a subquery that always returns one row", () => {
    const built = buildNodesWithLinksQuery([
      { id: "person:a", wanted: { neighbours: [{ kind: "offices" }], statements: page({ anchor: "said" }) } },
      { id: "statement:s", wanted: { neighbours: [] } },
    ]);
    expect(built.cypher.replace(/CASE WHEN a:Statement THEN .* END END AS node/g, "… AS node")).toMatchInlineSnapshot(`
     "CALL () {
          CALL () {
          CALL () { OPTIONAL MATCH (named:Entity {id: $q0_id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $q0_id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL () { MATCH (x:Statement) RETURN count(x) AS statements }
          CALL (a) {
            MATCH p = (a)-[r:HOLDS_OFFICE]->(b:State)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.*, label: 'State', aliasText: null, spellings: null}, rel: r {.title, .since, .fromSource}}) AS links0
          }
          WITH *, a.id AS parent
          CALL (parent, statements, a) {
            WITH *, a AS anchor
         CALL (anchor) { WITH anchor AS x RETURN coalesce(sum(COUNT { (x)-[:SAID]->() }), 0) AS n }
         CALL (parent, anchor, n, statements) {
           WITH parent, anchor, CASE WHEN n * n > statements * $q0_limit * 2 THEN date($q0_earliest) END AS earliest
           MATCH (s:Statement) USING INDEX s:Statement(saidOn)
           WHERE s.saidOn >= earliest
           WITH parent, anchor, s ORDER BY s.saidOn DESC, s.id DESC LIMIT $q0_walkLimit
           WITH parent, anchor, s WHERE EXISTS { (anchor)-[:SAID]->(s) }
           WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT $q0_limit
           RETURN collect(s) AS dense
         }
         CALL (parent, anchor, dense) {
           WITH parent, anchor, dense WHERE size(dense) < $q0_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NOT NULL
           WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT $q0_limit
           RETURN collect(s) AS sparse
         }
         WITH parent, anchor, CASE WHEN size(dense) = $q0_limit THEN dense ELSE sparse END AS dated
         CALL (parent, anchor, dated) {
           WITH parent, anchor, dated WHERE size(dated) < $q0_limit
           MATCH (anchor)-[:SAID]->(s:Statement)
           WHERE s.saidOn IS NULL
           WITH DISTINCT s ORDER BY s.id DESC LIMIT $q0_limit
           RETURN collect(s) AS undated
         }
         WITH parent, dated + undated AS all
         UNWIND all[0..$q0_limit] AS s
         RETURN collect({row: s {.*, label: 'Statement'}, sortKey: toString(coalesce(s.saidOn, date($q0_undated)))}) AS page
          }
          RETURN … AS node, links0, page, null AS total, null AS facets
          }
          RETURN collect({node: node, links0: links0, page: page, total: total, facets: facets}) AS found0
          }
          CALL () {
          CALL () {
          CALL () { OPTIONAL MATCH (named:Entity {id: $q1_id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $q1_id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          
          RETURN … AS node
          }
          RETURN collect({node: node}) AS found1
          }
          RETURN found0, found1"
    `);
    expect(Object.keys(built.params).sort()).toEqual([
      "q0_earliest",
      "q0_id",
      "q0_limit",
      "q0_undated",
      "q0_walkLimit",
      "q1_id",
    ]);
  });

  it("finds only a node of the label the query names, read with only what its selection reads", () => {
    const built = buildNodeWithLinksQuery("state:ua", {
      neighbours: [{ kind: "stateVenues", properties: ["kind", "name"] }],
      node: { label: "State", properties: ["aliases", "isoCode", "name"] },
    });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:State {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:State) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          CALL (a) {
            MATCH p = (a)<-[r:IN_STATE]-(b:Venue)
            WITH b, r, p ORDER BY length(p), b.name, b.id
            RETURN collect({node: b {.id, .kind, .name, label: 'Venue'}, rel: {}}) AS links0
          }
          RETURN a {.id, .aliases, .isoCode, .name, label: 'State'} AS node, links0",
       "params": {
         "id": "state:ua",
       },
     }
    `);
  });

  it("reads a statement looked up as one with the parts its selection names", () => {
    const built = buildNodeWithLinksQuery("statement:s", {
      neighbours: [],
      node: { label: "Statement", parts: { speaker: true, properties: ["text"], linkedProperties: ["name"] } },
    });
    expect(built).toMatchInlineSnapshot(`
     {
       "cypher": "CALL () { OPTIONAL MATCH (named:Statement {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Statement) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          
          RETURN a {.id, .text, label: 'Statement', speaker: head([(a)<-[:SAID]-(sp) | sp {.id, .name, label: head([l IN labels(sp) WHERE l <> 'Entity'])}])} AS node",
       "params": {
         "id": "statement:s",
       },
     }
    `);
  });

  it("under an interface, finds the node whatever its label, one of another label as its id and label only", () => {
    const built = buildNodeWithLinksQuery("venue:x", {
      neighbours: [],
      node: { label: "Venue", properties: ["name"] },
      anyLabel: true,
    });
    expect(built.cypher).toMatchInlineSnapshot(`
     "CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS a WHERE a IS NOT NULL RETURN a }
          
          RETURN CASE WHEN a:Venue THEN a {.id, .name, label: 'Venue'} ELSE a {.id, label: head([l IN labels(a) WHERE l <> 'Entity'])} END AS node"
    `);
  });
});
