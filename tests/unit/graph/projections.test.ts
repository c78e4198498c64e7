// The map projections every query shares (nodeMap, statementMap, anyNodeMap), pinned as text: a source's text and
// the search-only aliasText never come along, and a statement's linked parts only when asked.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import {
  ALL_STATEMENT_PARTS,
  anyNodeMap,
  labelledNodeMap,
  nodeMap,
  readsWholeNode,
  sourceMap,
  sourceRefMap,
  statementMap,
} from "../../../src/graph/projections";

describe("map projections", () => {
  it("project a node with its domain label, a source without its text", () => {
    expect(nodeMap("n")).toMatchInlineSnapshot(
      `"CASE WHEN n:Source THEN n {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE n {.*, label: head([l IN labels(n) WHERE l <> 'Entity']), aliasText: null, spellings: null} END"`,
    );
    expect(sourceRefMap("src")).toMatchInlineSnapshot(
      `"src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}"`,
    );
    expect(sourceMap("src")).toMatchInlineSnapshot(
      `"src {.id, .title, .publishedOn, .dateline, .publisher, .url, .text, label: 'Source'}"`,
    );
  });

  it("project a statement alone, or with each linked part asked for", () => {
    expect(statementMap("s", {})).toMatchInlineSnapshot(`"s {.*, label: 'Statement'}"`);
    expect(statementMap("s", { mentions: true })).toMatchInlineSnapshot(
      `"s {.*, label: 'Statement', mentions: COLLECT { MATCH (s)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }}"`,
    );
    expect(statementMap("s", ALL_STATEMENT_PARTS)).toMatchInlineSnapshot(
      `"s {.*, label: 'Statement', speaker: head([(s)<-[:SAID]-(sp) | CASE WHEN sp:Source THEN sp {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE sp {.*, label: head([l IN labels(sp) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), venue: head([(s)-[:SAID_AT]->(vn:Venue) | CASE WHEN vn:Source THEN vn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE vn {.*, label: head([l IN labels(vn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), event: head([(s)-[:DURING]->(ev:Event) | CASE WHEN ev:Source THEN ev {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE ev {.*, label: head([l IN labels(ev) WHERE l <> 'Entity']), aliasText: null, spellings: null} END]), mentions: COLLECT { MATCH (s)-[:MENTIONS]->(mn) RETURN CASE WHEN mn:Source THEN mn {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE mn {.*, label: head([l IN labels(mn) WHERE l <> 'Entity']), aliasText: null, spellings: null} END ORDER BY mn.name, mn.id }, evidence: COLLECT { MATCH (s)-[r:REPORTED_IN]->(src:Source) RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}, start: r.start, end: r.end, excerpt: r.excerpt, extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ORDER BY src.publishedOn, src.id, r.start }}"`,
    );
  });

  it("project only the properties asked for, the date as its ISO string", () => {
    expect(
      statementMap("s", { venue: true, properties: ["saidOn", "text"], linkedProperties: ["name"] }),
    ).toMatchInlineSnapshot(
      `"s {.id, saidOn: toString(s.saidOn), .text, label: 'Statement', venue: head([(s)-[:SAID_AT]->(vn:Venue) | vn {.id, .name, label: head([l IN labels(vn) WHERE l <> 'Entity'])}])}"`,
    );
    expect(statementMap("s", { properties: [] })).toMatchInlineSnapshot(`"s {.id, label: 'Statement'}"`);
    expect(nodeMap("n", ["name", "kind"])).toMatchInlineSnapshot(
      `"n {.id, .name, .kind, label: head([l IN labels(n) WHERE l <> 'Entity'])}"`,
    );
  });

  it("project any node by its label, statements with every part", () => {
    expect(anyNodeMap("a")).toBe(
      `CASE WHEN a:Statement THEN ${statementMap("a", ALL_STATEMENT_PARTS)} ELSE ${nodeMap("a")} END`,
    );
  });

  it("project a node of a known label with only what its selection reads, the label as a constant", () => {
    expect(labelledNodeMap("a", { label: "State", properties: ["aliases", "isoCode", "name"] })).toMatchInlineSnapshot(
      `"a {.id, .aliases, .isoCode, .name, label: 'State'}"`,
    );
    expect(labelledNodeMap("a", { label: "Person" })).toMatchInlineSnapshot(
      `"a {.*, label: 'Person', aliasText: null, spellings: null}"`,
    );
    expect(labelledNodeMap("a", { label: "Source" })).toBe(sourceRefMap("a"));
    expect(labelledNodeMap("a", { label: "Source", properties: ["title"] })).toMatchInlineSnapshot(
      `"a {.id, .title, label: 'Source'}"`,
    );
    expect(
      labelledNodeMap("a", {
        label: "Statement",
        parts: { speaker: true, properties: ["text"], linkedProperties: ["name"] },
      }),
    ).toBe(statementMap("a", { speaker: true, properties: ["text"], linkedProperties: ["name"] }));
  });

  it("tell a selection that reads the whole node, which other readers may be handed, from one that does not", () => {
    expect(readsWholeNode({ label: "Venue" })).toBe(true);
    expect(readsWholeNode({ label: "Venue", properties: ["name"] })).toBe(false);
    expect(readsWholeNode({ label: "Statement", parts: ALL_STATEMENT_PARTS })).toBe(true);
    expect(readsWholeNode({ label: "Statement", parts: { ...ALL_STATEMENT_PARTS, mentions: false } })).toBe(false);
    expect(readsWholeNode({ label: "Statement", parts: { ...ALL_STATEMENT_PARTS, properties: ["text"] } })).toBe(false);
  });
});
