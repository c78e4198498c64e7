// The Cypher of look-ups by id (buildNodesByIdsQuery, buildStatementsWithPartsQuery), pinned as text.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildNodesByIdsQuery, buildStatementsWithPartsQuery } from "../../../../src/graph/reads/nodes";

describe("look-ups by id", () => {
  it("read any node by its id, each id once", () => {
    expect(buildNodesByIdsQuery(["person:a", "venue:b", "person:a"])).toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND $ids AS id
          CALL (id) { OPTIONAL MATCH (named:Entity {id: id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS n WHERE n IS NOT NULL RETURN n }
          RETURN id, CASE WHEN n:Statement THEN n {.*, label: 'Statement', speaker: head([(n)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(n)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(n)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (n)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (n)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} ELSE CASE WHEN n:Source THEN n {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE n {.*, label: head([l IN labels(n) WHERE l <> 'Entity']), aliasText: null, spellings: null} END END AS node",
       "params": {
         "ids": [
           "person:a",
           "venue:b",
         ],
       },
     }
    `);
  });

  it("read statements with every linked part, each id once", () => {
    expect(buildStatementsWithPartsQuery(["statement:a", "statement:a"])).toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND $ids AS id MATCH (s:Statement {id: id}) RETURN s {.*, label: 'Statement', speaker: head([(s)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(s)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(s)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (s)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (s)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }} AS s",
       "params": {
         "ids": [
           "statement:a",
         ],
       },
     }
    `);
  });
});
