// Writes a checked dataset into Neo4j: every Cypher string of the loader. All functions run inside the caller's
// transaction, so a file is loaded all-or-nothing. Rows are sent in UNWIND batches.
import type { EntityLabel } from "../domain/labels";
import type { Transaction } from "./database";

export interface EntityWrite {
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  fromSource: boolean;
  /** Merged into an existing node found by alias: keep that node's name, add ours as an alias. */
  keepName: boolean;
  /** "person|volodymyr zelenskyy": label-scoped folded names. */
  keys: string[];
  props: Record<string, unknown>;
  /** Events only: ISO date and date-time, stored as Neo4j temporal values. */
  date?: string | null;
  startsAt?: string | null;
}

export interface LinkWrite {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

export type RelationshipType =
  "LOCATED_IN" | "IN_STATE" | "PART_OF" | "HELD_AT" | "FOLLOWS" | "HOLDS_OFFICE" | "MEMBER_OF" | "PARTICIPATED_IN";

/** Relationships between entities; each carries the id of the source that states it, so a reload replaces them. */
export const ENTITY_RELATIONSHIPS: readonly RelationshipType[] = [
  "LOCATED_IN",
  "IN_STATE",
  "PART_OF",
  "HELD_AT",
  "FOLLOWS",
  "HOLDS_OFFICE",
  "MEMBER_OF",
  "PARTICIPATED_IN",
];

export interface StatementWrite {
  id: string;
  text: string;
  kind: string;
  saidOn: string | null;
  datePrecision: string | null;
  time: string | null;
  channel: string | null;
  recurring: boolean;
  speaker: string;
  venue: LinkWrite["props"] & { id: string | null };
  event: LinkWrite["props"] & { id: string | null };
  mentions: string[];
  /** Spans with the text they cover, stored on REPORTED_IN as r.excerpt. */
  evidence: { start: number; end: number; excerpt: string }[];
}

export interface SourceWrite {
  id: string;
  title: string;
  publishedOn: string;
  dateline: string | null;
  publisher: string | null;
  url: string | null;
  text: string;
}

const BATCH = 2000;

async function inBatches<T>(rows: T[], run: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await run(rows.slice(i, i + BATCH));
}

/** Which of these ids exist already (any entity, statement or source). */
export async function existingIds(tx: Transaction, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.run<{ id: string }>("UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id", { ids });
  return new Set(rows.map((r) => r.id));
}

/** Which of these ids are not in the graph; cheaper than existingIds when nearly all of them are. */
export async function missingIds(tx: Transaction, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.run<{ id: string }>(
    "UNWIND $ids AS id WITH id WHERE NOT EXISTS { MATCH (:Entity {id: id}) } RETURN id",
    { ids },
  );
  return new Set(rows.map((r) => r.id));
}

/** For each new entity, the existing entities (same label) that share one of its names or aliases. */
export async function entitiesSharingNames(
  tx: Transaction,
  rows: { id: string; keys: string[] }[],
): Promise<Map<string, string[]>> {
  if (rows.length === 0) return new Map();
  const found = await tx.run<{ id: string; matches: string[] }>(
    `UNWIND $rows AS row
     UNWIND row.keys AS key
     MATCH (:NameKey {key: key})-[:NAMES]->(n:Entity)
     WHERE n.id <> row.id
     RETURN row.id AS id, collect(DISTINCT n.id) AS matches`,
    { rows },
  );
  return new Map(found.map((r) => [r.id, r.matches]));
}

export async function upsertSource(tx: Transaction, source: SourceWrite): Promise<void> {
  await tx.run(
    `MERGE (s:Source:Entity {id: $source.id})
     SET s.title = $source.title, s.name = $source.title, s.publishedOn = date($source.publishedOn),
         s.dateline = $source.dateline, s.publisher = $source.publisher, s.url = $source.url, s.text = $source.text`,
    { source },
  );
}

export async function upsertEntities(tx: Transaction, label: EntityLabel, rows: EntityWrite[]): Promise<void> {
  // The label comes from the fixed EntityLabel union, never from input.
  await inBatches(rows, (batch) =>
    tx.run(
      `UNWIND $rows AS row
       MERGE (n:${label} {id: row.id})
       SET n:Entity
       SET n.name = CASE WHEN row.keepName AND n.name IS NOT NULL THEN n.name ELSE row.name END,
           n.description = coalesce(row.description, n.description),
           n.fromSource = coalesce(n.fromSource, false) OR row.fromSource
       SET n += row.props
       SET n.date = CASE WHEN row.date IS NULL THEN n.date ELSE date(row.date) END,
           n.startsAt = CASE WHEN row.startsAt IS NULL THEN n.startsAt ELSE datetime(row.startsAt) END
       WITH n, row, [a IN coalesce(n.aliases, []) + row.aliases WHERE a <> n.name] AS candidates
       SET n.aliases = reduce(acc = [], a IN candidates | CASE WHEN a IN acc THEN acc ELSE acc + a END)
       SET n.aliasText = reduce(s = '', a IN n.aliases | s + a + ' ')
       WITH n, row
       UNWIND row.keys AS key
       MERGE (k:NameKey {key: key})
       MERGE (k)-[:NAMES]->(n)`,
      { rows: batch },
    ),
  );
}

/** One query, one index look-up per relationship type (a pattern with several types would scan them all). */
const REMOVE_RELATIONSHIPS_OF_SOURCE = ENTITY_RELATIONSHIPS.map(
  (type) => `CALL () {\n  MATCH ()-[r:${type} {source: $sourceId}]->()\n  DELETE r\n}`,
).join("\n");

export async function removeRelationshipsOfSource(tx: Transaction, sourceId: string): Promise<void> {
  await tx.run(REMOVE_RELATIONSHIPS_OF_SOURCE, { sourceId });
}

/**
 * Creates the relationships a source states; its earlier ones must have been removed first
 * (removeRelationshipsOfSource), so nothing needs merging. (MERGE would find its match through the index on r.source,
 * which grows with every row of the transaction: quadratic, over a minute for a file of 15,000 links.) A pair named
 * twice keeps the last properties.
 */
export async function linkEntities(
  tx: Transaction,
  type: RelationshipType,
  sourceId: string,
  rows: LinkWrite[],
): Promise<void> {
  const unique = [...new Map(rows.map((row) => [`${row.from} ${row.to}`, row])).values()];
  await inBatches(unique, (batch) =>
    tx.run(
      `UNWIND $rows AS row
       MATCH (a:Entity {id: row.from})
       MATCH (b:Entity {id: row.to})
       CREATE (a)-[r:${type} {source: $sourceId}]->(b)
       SET r += row.props`,
      { rows: batch, sourceId },
    ),
  );
}

/**
 * Statements that this source reported before but no longer lists lose that evidence; orphans are deleted. The walk
 * starts at the source: left to itself, the planner scans every statement of the graph (for NOT s.id IN $keep).
 */
export async function removeStatementsDroppedFromSource(
  tx: Transaction,
  sourceId: string,
  keep: string[],
): Promise<void> {
  await tx.run(
    `MATCH (src:Source {id: $sourceId})
     CALL (src) {
       MATCH (s:Statement)-[r:REPORTED_IN]->(src)
       WHERE NOT s.id IN $keep AND coalesce(r.source, '') <> 'curator'
       DELETE r
       WITH DISTINCT s
       WHERE NOT (s)-[:REPORTED_IN]->()
       DETACH DELETE s
     }`,
    { sourceId, keep },
  );
}

/**
 * Statements already in the graph that this dataset states again lose what this source said about them before (speaker,
 * venue, event, mentions, and their evidence in this source), so that writeStatements can state it afresh.
 */
export async function detachStatements(tx: Transaction, sourceId: string, ids: string[]): Promise<void> {
  await inBatches(ids, (batch) =>
    tx.run(
      `UNWIND $ids AS id
       MATCH (s:Statement {id: id})
       CALL (s) {
         MATCH (s)-[old:SAID_AT|DURING|MENTIONS]->()
         DELETE old
       }
       CALL (s) {
         MATCH ()-[said:SAID]->(s)
         DELETE said
       }
       CALL (s) {
         MATCH (s)-[ev:REPORTED_IN]->(:Source {id: $sourceId})
         DELETE ev
       }`,
      { ids: batch, sourceId },
    ),
  );
}

/** Writes statements with their speaker, evidence, venue, event and mentions; existing ones must be detached first. */
export async function writeStatements(tx: Transaction, sourceId: string, rows: StatementWrite[]): Promise<void> {
  await inBatches(rows, (batch) =>
    tx.run(
      `MATCH (src:Source {id: $sourceId})
       UNWIND $rows AS row
       MERGE (s:Statement {id: row.id})
       SET s:Entity,
           s.text = row.text, s.kind = row.kind,
           s.saidOn = CASE WHEN row.saidOn IS NULL THEN null ELSE date(row.saidOn) END,
           s.datePrecision = row.datePrecision,
           s.time = CASE WHEN row.time IS NULL THEN null ELSE time(row.time) END,
           s.channel = row.channel, s.recurring = row.recurring
       WITH s, row, src
       CALL (s, row) {
         MATCH (speaker:Entity {id: row.speaker})
         CREATE (speaker)-[:SAID]->(s)
       }
       CALL (s, row, src) {
         UNWIND row.evidence AS span
         CREATE (s)-[:REPORTED_IN {start: span.start, end: span.end, excerpt: span.excerpt}]->(src)
       }
       CALL (s, row) {
         MATCH (v:Venue {id: row.venue.id})
         CREATE (s)-[:SAID_AT {fromSource: row.venue.fromSource}]->(v)
       }
       CALL (s, row) {
         MATCH (e:Event {id: row.event.id})
         CREATE (s)-[:DURING {fromSource: row.event.fromSource}]->(e)
       }
       CALL (s, row) {
         UNWIND row.mentions AS mentioned
         MATCH (m:Entity {id: mentioned})
         CREATE (s)-[:MENTIONS]->(m)
       }`,
      { rows: batch, sourceId },
    ),
  );
}
