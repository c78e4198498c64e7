// Cypher map projections shared by the data layer's queries (constant text: no input ever reaches these).
import type { NodeLabel } from "./rows";

/**
 * A node as a map with its domain label; the search-only aliasText and spellings are left out, and so is a source's
 * text: it can be megabytes, and `.*` would read all of it for every row (Source.text reads it in bounded pieces).
 */
export function nodeMap(v: string, properties?: readonly NodeProperty[]): string {
  if (properties) return selectedNodeMap(v, properties);
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

/** A statement's own properties, any of which a query may leave out (its id and label always come). */
export const STATEMENT_PROPERTIES = [
  "text",
  "kind",
  "saidOn",
  "datePrecision",
  "time",
  "channel",
  "recurring",
] as const;
export type StatementProperty = (typeof STATEMENT_PROPERTIES)[number];

/** The properties of the nodes linked to a statement (people, states, organizations, venues, events, sources). */
export const NODE_PROPERTIES = [
  "name",
  "aliases",
  "description",
  "fromSource",
  "kind",
  "isoCode",
  "date",
  "datePrecision",
  "startsAt",
  "title",
  "publishedOn",
  "dateline",
  "publisher",
  "url",
] as const;
export type NodeProperty = (typeof NODE_PROPERTIES)[number];

export interface StatementParts {
  speaker?: boolean;
  venue?: boolean;
  event?: boolean;
  mentions?: boolean;
  evidence?: boolean;
  /**
   * Only these properties of each statement (with its id and label; a date comes as its ISO string); every property
   * when absent. Fewer properties are less for Neo4j to read and for the driver to decode.
   */
  properties?: readonly StatementProperty[];
  /** Only these properties of the linked speaker, venue, event and mentions (with id and label); all when absent. */
  linkedProperties?: readonly NodeProperty[];
}

/** A node with only the named properties: names from the lists above, never from input. */
function selectedNodeMap(v: string, properties: readonly NodeProperty[]): string {
  const fields = [".id", ...properties.map((p) => `.${p}`), `label: head([l IN labels(${v}) WHERE l <> 'Entity'])`];
  return `${v} {${fields.join(", ")}}`;
}

/** The statement's own fields: all of them, or the named ones with the date as a string (no Date to decode). */
function statementFields(v: string, properties: readonly StatementProperty[] | undefined): string[] {
  if (!properties) return [".*", "label: 'Statement'"];
  const named = properties.map((p) => (p === "saidOn" ? `saidOn: toString(${v}.saidOn)` : `.${p}`));
  return [".id", ...named, "label: 'Statement'"];
}

/** A statement with the linked nodes a query asked for, fetched in the same round trip. */
export function statementMap(v: string, parts: StatementParts): string {
  const fields = statementFields(v, parts.properties);
  const linked = (n: string) => nodeMap(n, parts.linkedProperties);
  if (parts.speaker) fields.push(`speaker: head([(${v})<-[:SAID]-(sp) | ${linked("sp")}])`);
  if (parts.venue) fields.push(`venue: head([(${v})-[:SAID_AT]->(vn:Venue) | ${linked("vn")}])`);
  if (parts.event) fields.push(`event: head([(${v})-[:DURING]->(ev:Event) | ${linked("ev")}])`);
  if (parts.mentions)
    fields.push(`mentions: COLLECT { MATCH (${v})-[:MENTIONS]->(mn) RETURN ${linked("mn")} ORDER BY mn.name, mn.id }`);
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

/**
 * What a look-up reads of a node when the query names its label: a statement with the parts and properties selected,
 * any other node with the properties selected (all when absent). Reads less than anyNodeMap, in a shorter text.
 */
export type NodeSelection =
  | { label: "Statement"; parts: StatementParts }
  | { label: Exclude<NodeLabel, "Statement">; properties?: readonly NodeProperty[] };

const LABELS: ReadonlySet<string> = new Set<NodeLabel>([
  "Person",
  "State",
  "Organization",
  "Venue",
  "Event",
  "Source",
  "Statement",
]);

/** A node of the selection's label (the caller matched it with that label), with what the selection reads. */
export function labelledNodeMap(v: string, selection: NodeSelection): string {
  if (!LABELS.has(selection.label)) throw new Error(`not a node label: ${selection.label}`);
  if (selection.label === "Statement") return statementMap(v, selection.parts);
  const label = `label: '${selection.label}'`;
  if (selection.properties) return `${v} {${[".id", ...selection.properties.map((p) => `.${p}`), label].join(", ")}}`;
  if (selection.label === "Source") return sourceRefMap(v);
  return `${v} {.*, ${label}, aliasText: null, spellings: null}`;
}

/** Whether the selection reads the whole node, as nodeMap and anyNodeMap do (what any other reader may be given). */
export function readsWholeNode(selection: NodeSelection): boolean {
  if (selection.label !== "Statement") return !selection.properties;
  const { parts } = selection;
  const everyPart = (Object.keys(ALL_STATEMENT_PARTS) as (keyof StatementParts)[]).every((part) => parts[part]);
  return everyPart && !parts.properties && !parts.linkedProperties;
}
