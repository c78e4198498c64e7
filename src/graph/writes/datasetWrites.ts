// Writes a checked dataset into Neo4j: every Cypher string of the loader. All functions run inside the caller's
// transaction, so a file is loaded all-or-nothing. Rows are sent in UNWIND batches.
import { SOURCE_RELATIONSHIPS, type RelationshipType } from "../../domain/relationships";
import type { Transaction } from "../runtime/database";

export interface LinkWrite {
  from: string;
  to: string;
  props: Record<string, unknown>;
}

/** A statement's response to another, as one source states it, with the spans that say so (parallel lists). */
export interface ResponseWrite {
  from: string;
  to: string;
  relation: string;
  starts: number[];
  ends: number[];
  excerpts: string[];
}

export interface StatementWrite {
  /** The statement node it is written to (after resolution). */
  id: string;
  /** The id the source used. */
  claimId: string;
  /** Finds the same quotation reported by another source (sha-1 of its folded words); null for a reported one. */
  quoteHash: string | null;
  /** Not in the graph yet (no id or alias id of it is): created, where one already there is merged with. */
  isNew: boolean;
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
  /** How an extractor found the statement in this source (stored on its REPORTED_IN spans); null when hand-made. */
  extraction: { confidence: number; cue: string } | null;
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

export async function upsertSource(tx: Transaction, source: SourceWrite): Promise<void> {
  await tx.run(
    `MERGE (s:Source:Entity {id: $source.id})
     SET s.title = $source.title, s.name = $source.title, s.publishedOn = date($source.publishedOn),
         s.dateline = $source.dateline, s.publisher = $source.publisher, s.url = $source.url, s.text = $source.text`,
    { source },
  );
}

/** One query, one index look-up per relationship type (a pattern with several types would scan them all). */
const REMOVE_RELATIONSHIPS_OF_SOURCE = SOURCE_RELATIONSHIPS.map(
  (type) => `CALL () {\n  MATCH ()-[r:${type} {source: $sourceId}]->()\n  DELETE r\n}`,
).join("\n");

export async function removeRelationshipsOfSource(tx: Transaction, sourceId: string): Promise<void> {
  await tx.run(REMOVE_RELATIONSHIPS_OF_SOURCE, { sourceId });
}

/** One link per pair of nodes: a pair named twice keeps the last properties. */
export function uniqueLinks(rows: LinkWrite[]): LinkWrite[] {
  return [...new Map(rows.map((row) => [`${row.from} ${row.to}`, row])).values()];
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
  await inBatches(uniqueLinks(rows), (batch) =>
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

/** Statement links a source states; each lists the sources that state it (r.sources). */
const STATEMENT_LINKS = "SAID_AT|DURING|MENTIONS";

/**
 * Takes back what this source said about statements: its evidence spans (a curator's stay) and its name on their
 * links (a link no source states any more goes; links written before links named their sources go too). Answers the
 * statements it reported: those left without evidence once the dataset is written again must be deleted
 * (deleteUnreported). The walk starts at the source, never at all statements.
 */
export async function forgetStatementsOfSource(tx: Transaction, sourceId: string): Promise<string[]> {
  const rows = await tx.run<{ id: string }>(
    `MATCH (src:Source {id: $sourceId})<-[r:REPORTED_IN]-(s:Statement)
     WHERE coalesce(r.source, '') <> 'curator'
     DELETE r
     WITH DISTINCT s
     CALL (s) {
       MATCH (s)-[link:${STATEMENT_LINKS}]->()
       WHERE $sourceId IN link.sources OR (link.sources IS NULL AND link.source IS NULL)
       SET link.sources = [x IN coalesce(link.sources, []) WHERE x <> $sourceId]
       WITH link WHERE size(link.sources) = 0
       DELETE link
     }
     CALL (s) {
       MATCH ()-[said:SAID]->(s)
       WHERE $sourceId IN said.sources OR (said.sources IS NULL AND said.source IS NULL)
       SET said.sources = [x IN coalesce(said.sources, []) WHERE x <> $sourceId]
       WITH said WHERE size(said.sources) = 0
       DELETE said
     }
     RETURN s.id AS id`,
    { sourceId },
  );
  return rows.map((r) => r.id);
}

/**
 * Of these statements, those one source reports (or none) are that source's word for word again: no claim of its
 * own, no list of sources on their links (see CREATE_STATEMENTS). Their values were chosen from that one claim before.
 */
export async function settleSingleSources(tx: Transaction, ids: string[]): Promise<void> {
  await inBatches(ids, (batch) =>
    tx.run(
      `UNWIND $ids AS id
       MATCH (s:Statement {id: id})
       WHERE size(COLLECT { MATCH (s)-[:REPORTED_IN]->(x:Source) RETURN DISTINCT x }) <= 1
       CALL (s) {
         MATCH (s)-[claim:CLAIMED_IN]->()
         DELETE claim
       }
       CALL (s) {
         MATCH (s)-[link:SAID_AT|DURING|MENTIONS]->()
         WHERE link.sources IS NOT NULL
         REMOVE link.sources
       }
       CALL (s) {
         MATCH ()-[said:SAID]->(s)
         WHERE said.sources IS NOT NULL
         REMOVE said.sources
       }`,
      { ids: batch },
    ),
  );
}

/** Of these statements, those no source reports any more are deleted. */
export async function deleteUnreported(tx: Transaction, ids: string[]): Promise<void> {
  await inBatches(ids, (batch) =>
    tx.run(
      `UNWIND $ids AS id
       MATCH (s:Statement {id: id})
       WHERE NOT (s)-[:REPORTED_IN]->()
       DETACH DELETE s`,
      { ids: batch },
    ),
  );
}

/** A link's list of sources with this one added, kept sorted (so that any load order gives the same list). */
const withSource = (link: string) =>
  `[x IN coalesce(${link}.sources, []) WHERE x < $sourceId] + $sourceId + ` +
  `[x IN coalesce(${link}.sources, []) WHERE x > $sourceId]`;

/**
 * Of these entities, those that existed only because a source named them are deleted once no source does: no claim
 * left, nothing linked to them, not a curator's. (Their ids may live on as alias ids of the node they joined.)
 */
export async function deleteUnclaimed(tx: Transaction, ids: string[]): Promise<void> {
  await inBatches(ids, (batch) =>
    tx.run(
      `UNWIND $ids AS id
       MATCH (n:Entity {id: id})
       WHERE n.curatedFields IS NULL
         AND NOT EXISTS { (n)-[r]-(x) WHERE NOT x:NameKey AND NOT x:IdAlias }
       CALL (n) {
         MATCH (k:NameKey)-[:NAMES]->(n)
         WHERE COUNT { (k)-[:NAMES]->() } = 1
         DETACH DELETE k
       }
       CALL (n) {
         MATCH (a:IdAlias)-[:ALIAS_OF]->(n)
         DETACH DELETE a
       }
       DETACH DELETE n`,
      { ids: batch },
    ),
  );
}

/** A statement's values as this source gives them. */
const STATEMENT_VALUES = `s.text = row.text, s.kind = row.kind,
           s.saidOn = CASE WHEN row.saidOn IS NULL THEN null ELSE date(row.saidOn) END,
           s.datePrecision = row.datePrecision,
           s.time = CASE WHEN row.time IS NULL THEN null ELSE time(row.time) END,
           s.channel = row.channel, s.recurring = row.recurring, s.quoteHash = row.quoteHash`;

/** The source's claim about the statement: what it says the statement is, and when, how and by what id. */
const CLAIM = `CREATE (s)-[claim:CLAIMED_IN]->(src)
       SET claim.id = row.claimId, claim.text = row.text, claim.kind = row.kind, claim.saidOn = row.saidOn,
           claim.datePrecision = row.datePrecision, claim.time = row.time, claim.channel = row.channel,
           claim.recurring = row.recurring`;

/** The source's evidence spans, with the text they cover. */
const EVIDENCE = `CALL (s, row, src) {
         UNWIND row.evidence AS span
         CREATE (s)-[:REPORTED_IN {start: span.start, end: span.end, excerpt: span.excerpt,
                                  extractionConfidence: row.extraction.confidence,
                                  extractionCue: row.extraction.cue}]->(src)
       }`;

/**
 * Statements new to the graph: created with this source's values and links, as nothing can be there to merge with.
 * A statement one source reports is that source's word for word: its values are the source's claim and its links the
 * source's (no CLAIMED_IN, no list of sources on its links). Claims and lists appear when a second source reports it
 * (RESTATE_STATEMENTS) and go when it is down to one again (settleSingleSources): one form, however it got there.
 */
const CREATE_STATEMENTS = `MATCH (src:Source {id: $sourceId})
       UNWIND $rows AS row
       CREATE (s:Statement:Entity {id: row.id})
       SET ${STATEMENT_VALUES}
       WITH s, row, src
       ${EVIDENCE}
       CALL (s, row) {
         MATCH (speaker:Entity {id: row.speaker})
         CREATE (speaker)-[:SAID]->(s)
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
       }`;

/** The sources that reported a statement before this one: whose its links without a list are. */
const EARLIER_SOURCES = `COLLECT {
           MATCH (s)-[:REPORTED_IN]->(x:Source) WHERE x.id <> $sourceId RETURN DISTINCT x.id AS id ORDER BY id
         }`;

/** Statements already in the graph (reported before, by this source or another): this source joins their links. */
const RESTATE_STATEMENTS = `MATCH (src:Source {id: $sourceId})
       UNWIND $rows AS row
       MERGE (s:Statement {id: row.id})
       ON CREATE SET s:Entity, ${STATEMENT_VALUES}
       WITH s, row, src
       CALL (s) {
         WITH s WHERE NOT EXISTS { (s)-[:CLAIMED_IN]->() }
         MATCH (s)-[:REPORTED_IN]->(earlier:Source) WHERE earlier.id <> $sourceId
         WITH DISTINCT s, earlier
         CREATE (s)-[c:CLAIMED_IN]->(earlier)
         SET c.id = s.id, c.text = s.text, c.kind = s.kind, c.saidOn = toString(s.saidOn),
             c.datePrecision = s.datePrecision, c.time = toString(s.time), c.channel = s.channel,
             c.recurring = s.recurring
       }
       ${CLAIM}
       WITH s, row, src
       ${EVIDENCE}
       CALL (s) {
         MATCH (s)-[link:SAID_AT|DURING|MENTIONS]->()
         WHERE link.sources IS NULL AND link.source IS NULL
         SET link.sources = ${EARLIER_SOURCES}
       }
       CALL (s) {
         MATCH ()-[said:SAID]->(s)
         WHERE said.sources IS NULL AND said.source IS NULL
         SET said.sources = ${EARLIER_SOURCES}
       }
       CALL (s, row) {
         MATCH (speaker:Entity {id: row.speaker})
         MERGE (speaker)-[said:SAID]->(s)
         SET said.sources = ${withSource("said")}
       }
       CALL (s, row) {
         MATCH (v:Venue {id: row.venue.id})
         MERGE (s)-[at:SAID_AT]->(v)
         SET at.fromSource = row.venue.fromSource, at.sources = ${withSource("at")}
       }
       CALL (s, row) {
         MATCH (e:Event {id: row.event.id})
         MERGE (s)-[during:DURING]->(e)
         SET during.fromSource = row.event.fromSource, during.sources = ${withSource("during")}
       }
       CALL (s, row) {
         UNWIND row.mentions AS mentioned
         MATCH (m:Entity {id: mentioned})
         MERGE (s)-[mention:MENTIONS]->(m)
         SET mention.sources = ${withSource("mention")}
       }`;

/**
 * Writes what this source reports: each statement (a new one created with the source's values; one already in the
 * graph gets its values from materialiseStatements), the source's claim, speaker, evidence, venue, event and mentions.
 * The source must have been forgotten first (forgetStatementsOfSource), so that its name is on no link yet.
 */
export async function writeStatements(tx: Transaction, sourceId: string, rows: StatementWrite[]): Promise<void> {
  const fresh = rows.filter((row) => row.isNew);
  const restated = rows.filter((row) => !row.isNew);
  await inBatches(fresh, (batch) => tx.run(CREATE_STATEMENTS, { rows: batch, sourceId }));
  await inBatches(restated, (batch) => tx.run(RESTATE_STATEMENTS, { rows: batch, sourceId }));
}

/** One response per pair of statements and relation: stated twice by a source, it keeps its last mention's spans. */
export function uniqueResponses(rows: readonly ResponseWrite[]): ResponseWrite[] {
  return [...new Map(rows.map((row) => [`${row.from} ${row.to} ${row.relation}`, row])).values()];
}

/**
 * Creates the responses between statements a source states, after its statements are written (both ends must exist);
 * its earlier ones were removed with its other relationships (removeRelationshipsOfSource). A response stated twice
 * by one source is written once (uniqueResponses).
 */
export async function writeResponses(tx: Transaction, sourceId: string, rows: ResponseWrite[]): Promise<void> {
  await inBatches(uniqueResponses(rows), (batch) =>
    tx.run(
      `UNWIND $rows AS row
       MATCH (a:Statement {id: row.from})
       MATCH (b:Statement {id: row.to})
       CREATE (a)-[r:RESPONDS_TO {source: $sourceId, relation: row.relation}]->(b)
       SET r.starts = row.starts, r.ends = row.ends, r.excerpts = row.excerpts`,
      { rows: batch, sourceId },
    ),
  );
}
