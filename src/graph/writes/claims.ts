// Claims in the graph: one CLAIMED_IN relationship from an entity to each source that asserts something about it,
// carrying that source's values. The value a query sees is materialised on the node (chooseValues), together with the
// id it goes by, its alias ids and its name keys. Every function runs inside the caller's transaction.
import type { Precision } from "../../domain/dates";
import {
  entityValues,
  statementValues,
  type EntityValues,
  type StoredEntity,
  type StoredStatement,
} from "../../domain/nodeValues";
import type { ResolvableLabel } from "../../domain/resolution";
import type { Transaction } from "../runtime/database";

/** What one source says about one entity, written on its CLAIMED_IN relationship. */
export interface ClaimWrite {
  /** The node it is written to (after resolution). */
  target: string;
  /** The id the source used. */
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  isoCode: string | null;
  kind: string | null;
  date: string | null;
  datePrecision: Precision | null;
  startsAt: string | null;
  fromSource: boolean;
  /** How an extractor found the entity in this source (npm run ingest); null when hand-made. */
  extractionConfidence: number | null;
  extractionCue: string | null;
}

const BATCH = 2000;

/**
 * Removes a source's claims; answers the ids of the entities and of the statements that had them (their values must
 * be chosen again).
 */
export async function removeClaimsOfSource(
  tx: Transaction,
  sourceId: string,
): Promise<{ entities: string[]; statements: string[] }> {
  const rows = await tx.run<{ id: string; statement: boolean }>(
    `MATCH (:Source {id: $sourceId})<-[c:CLAIMED_IN]-(n)
     DELETE c
     RETURN n.id AS id, n:Statement AS statement`,
    { sourceId },
  );
  return {
    entities: rows.filter((r) => !r.statement).map((r) => r.id),
    statements: rows.filter((r) => r.statement).map((r) => r.id),
  };
}

/** Creates the nodes of new entities (their values come with materialise) and the source's claims. */
export async function writeClaims(
  tx: Transaction,
  label: ResolvableLabel,
  sourceId: string,
  rows: ClaimWrite[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    // The label comes from the fixed ResolvableLabel union, never from input.
    await tx.run(
      `MATCH (src:Source {id: $sourceId})
       UNWIND $rows AS row
       MERGE (n:${label} {id: row.target})
       ON CREATE SET n:Entity, n.name = row.name
       CREATE (n)-[c:CLAIMED_IN]->(src)
       SET c = row, c.target = null`,
      { sourceId, rows: rows.slice(i, i + BATCH) },
    );
  }
}

/**
 * Chooses and stores the values of these entities from all their claims (an entity without claims keeps its own):
 * name, aliases and the other fields, the id (the earliest source's; the others become alias ids) and name keys.
 */
export async function materialise(tx: Transaction, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const stored = await tx.run<StoredEntity>(
      `UNWIND $ids AS id
       MATCH (n:Entity {id: id})
       WHERE EXISTS { (n)-[:CLAIMED_IN]->() }
       RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
              coalesce(n.curatedFields, []) AS curatedFields,
              n {.name, .description, .isoCode, .kind, .datePrecision,
                 date: toString(n.date), startsAt: toString(n.startsAt)} AS current,
              coalesce(n.aliases, []) AS currentAliases,
              [(n)-[c:CLAIMED_IN]->(src:Source) | c {.*, sourceId: src.id, publishedOn: toString(src.publishedOn)}]
                AS claims`,
      { ids: unique.slice(i, i + BATCH) },
    );
    const rows = stored.map(entityValues).filter((row): row is EntityValues => row !== null);
    await writeChosen(tx, rows);
  }
}

/**
 * The id a node goes by (row.newId; the alias id it was becomes free) and its alias ids (row.aliasIds), for node s.
 * An IdAlias never carries :Entity, so ids and alias ids never clash.
 */
const ID_AND_ALIASES = `CALL (s, row) {
       WITH s, row WHERE row.newId <> s.id
       OPTIONAL MATCH (taken:IdAlias {id: row.newId})
       DETACH DELETE taken
       SET s.id = row.newId
     }
     CALL (s, row) {
       UNWIND row.aliasIds AS aliasId
       MERGE (a:IdAlias {id: aliasId})
       MERGE (a)-[:ALIAS_OF]->(s)
     }`;

async function writeChosen(tx: Transaction, rows: EntityValues[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(
    `UNWIND $rows AS row
     MATCH (n:Entity {id: row.id})
     SET n.name = row.name, n.aliases = row.aliases, n.fromSource = row.fromSource, n.spellings = row.spellings,
         n.aliasText = reduce(s = '', a IN row.aliases | s + a + ' ')
     SET n += row.props
     SET n.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
         n.startsAt = CASE WHEN row.startsAt IS NULL THEN null ELSE datetime(row.startsAt) END
     WITH n AS s, row
     ${ID_AND_ALIASES}
     WITH s AS n, row
     CALL (n, row) {
       MATCH (k:NameKey)-[names:NAMES]->(n)
       WHERE NOT k.key IN row.keys
       DELETE names
       WITH k WHERE NOT (k)-[:NAMES]->()
       DELETE k
     }
     CALL (n, row) {
       UNWIND row.keys AS key
       MERGE (k:NameKey {key: key})
       MERGE (k)-[:NAMES]->(n)
     }`,
    { rows },
  );
}

/**
 * Chooses and stores the values of these statements from every source's report of them (text, kind, date, time,
 * channel), with the id the earliest source used (the others become alias ids) and the key of their quotation.
 */
export async function materialiseStatements(tx: Transaction, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += BATCH) {
    const stored = await tx.run<StoredStatement>(
      `UNWIND $ids AS id
       MATCH (s:Statement {id: id})
       WHERE EXISTS { (s)-[:CLAIMED_IN]->() }
       RETURN s.id AS id, coalesce(s.curatedFields, []) AS curatedFields,
              s {.text, .kind, .channel, .datePrecision, saidOn: toString(s.saidOn), time: toString(s.time)} AS current,
              [(s)-[c:CLAIMED_IN]->(src:Source) | c {.*, sourceId: src.id, publishedOn: toString(src.publishedOn)}]
                AS claims`,
      { ids: unique.slice(i, i + BATCH) },
    );
    const rows = stored.map(statementValues).filter((row) => row !== null);
    if (rows.length === 0) continue;
    await tx.run(
      `UNWIND $rows AS row
       MATCH (s:Statement {id: row.id})
       SET s.text = row.text, s.kind = row.kind, s.channel = row.channel, s.recurring = row.recurring,
           s.saidOn = CASE WHEN row.saidOn IS NULL THEN null ELSE date(row.saidOn) END,
           s.datePrecision = row.datePrecision,
           s.time = CASE WHEN row.time IS NULL THEN null ELSE time(row.time) END,
           s.quoteHash = row.quoteHash
       WITH s, row
       ${ID_AND_ALIASES}`,
      { rows },
    );
  }
}
