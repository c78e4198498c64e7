// Cypher map projections shared by the data layer's queries (constant text: no input ever reaches these).

/**
 * A node as a map with its domain label; the search-only aliasText and spellings are left out, and so is a source's
 * text: it can be megabytes, and `.*` would read all of it for every row (Source.text reads it in bounded pieces).
 */
export function nodeMap(v: string): string {
  return (
    `CASE WHEN ${v}:Source THEN ${sourceRefMap(v)} ` +
    `ELSE ${v} {.*, label: head([l IN labels(${v}) WHERE l <> 'Entity']), aliasText: null, spellings: null} END`
  );
}

/** A source without its (possibly long) text, for evidence and lists. */
export function sourceRefMap(v: string): string {
  return `${v} {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'}`;
}

/** A source with its whole text: only for writes that must check spans against it. */
export function sourceMap(v: string): string {
  return `${v} {.id, .title, .publishedOn, .dateline, .publisher, .url, .text, label: 'Source'}`;
}

export interface StatementParts {
  speaker?: boolean;
  venue?: boolean;
  event?: boolean;
  mentions?: boolean;
  evidence?: boolean;
}

/** A statement with the linked nodes a query asked for, fetched in the same round trip. */
export function statementMap(v: string, parts: StatementParts): string {
  const fields = [".*", "label: 'Statement'"];
  if (parts.speaker) fields.push(`speaker: head([(${v})<-[:SAID]-(sp) | ${nodeMap("sp")}])`);
  if (parts.venue) fields.push(`venue: head([(${v})-[:SAID_AT]->(vn:Venue) | ${nodeMap("vn")}])`);
  if (parts.event) fields.push(`event: head([(${v})-[:DURING]->(ev:Event) | ${nodeMap("ev")}])`);
  if (parts.mentions)
    fields.push(`mentions: COLLECT { MATCH (${v})-[:MENTIONS]->(mn) RETURN ${nodeMap("mn")} ORDER BY mn.name, mn.id }`);
  if (parts.evidence) {
    fields.push(
      `evidence: COLLECT { MATCH (${v})-[r:REPORTED_IN]->(src:Source) ` +
        `RETURN {source: ${sourceRefMap("src")}, start: r.start, end: r.end, excerpt: r.excerpt, ` +
        `extraction: CASE WHEN r.extractionConfidence IS NULL THEN null ` +
        `ELSE {confidence: r.extractionConfidence, cue: r.extractionCue} END} ` +
        `ORDER BY src.publishedOn, src.id, r.start }`,
    );
  }
  return `${v} {${fields.join(", ")}}`;
}

export const ALL_STATEMENT_PARTS: StatementParts = {
  speaker: true,
  venue: true,
  event: true,
  mentions: true,
  evidence: true,
};

/** Any node by its label: a statement with every linked part, anything else as nodeMap. */
export function anyNodeMap(v: string): string {
  return `CASE WHEN ${v}:Statement THEN ${statementMap(v, ALL_STATEMENT_PARTS)} ELSE ${nodeMap(v)} END`;
}
