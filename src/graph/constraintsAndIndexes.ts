// Constraints and indexes of the who-said-what graph, and the backfill of stored excerpts that reads rely on.
// Idempotent: runs at every start-up and before tests.
import { NAMED_LABELS } from "../domain/labels";
import type { Database } from "./runtime/database";
import { SOURCE_RELATIONSHIPS } from "../domain/relationships";
import { upgradeGraph } from "./graphFormat";

const STATEMENTS: string[] = [
  // Every node of the domain carries :Entity besides its own label, so a look-up by id needs no label.
  "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
  ...[...NAMED_LABELS, "Statement"].map(
    (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
  // The id a merged node had lives on as an alias of the node it was merged into (aliasIds.ts): one per id.
  "CREATE CONSTRAINT id_alias_id IF NOT EXISTS FOR (n:IdAlias) REQUIRE n.id IS UNIQUE",
  "CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE",
  // The change log (src/graph/writes/changes): one entry per position, read in order through this constraint's index; a
  // node's entries through (nodeId, seq); one counter node that hands out the positions.
  "CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE",
  "CREATE INDEX change_node IF NOT EXISTS FOR (c:Change) ON (c.nodeId, c.seq)",
  "CREATE CONSTRAINT change_log_name IF NOT EXISTS FOR (n:ChangeLog) REQUIRE n.name IS UNIQUE",
  ...NAMED_LABELS.map((label) => `CREATE INDEX ${label.toLowerCase()}_name IF NOT EXISTS FOR (n:${label}) ON (n.name)`),
  "CREATE INDEX state_iso_code IF NOT EXISTS FOR (n:State) ON (n.isoCode)",
  "CREATE INDEX statement_said_on IF NOT EXISTS FOR (n:Statement) ON (n.saidOn)",
  "CREATE INDEX statement_kind IF NOT EXISTS FOR (n:Statement) ON (n.kind)",
  // The same quotation reported by another source is found by the hash of its folded words.
  "CREATE INDEX statement_quote_hash IF NOT EXISTS FOR (n:Statement) ON (n.quoteHash)",
  "CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)",
  "CREATE INDEX venue_kind IF NOT EXISTS FOR (n:Venue) ON (n.kind)",
  "CREATE INDEX source_published_on IF NOT EXISTS FOR (n:Source) ON (n.publishedOn)",
  // A reload of a dataset replaces the relationships its source stated; these find them.
  ...SOURCE_RELATIONSHIPS.map(
    (type) => `CREATE INDEX rel_${type.toLowerCase()}_source IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.source)`,
  ),
  // Full-text indexes fold case and accents, so "ciragan" finds "Çırağan". The statements' one is eventually
  // consistent: Lucene is updated after the commit, not inside it while the change log's counter is locked (writes
  // with a text committed 1.7 times as fast through the counter); its reads wait for it (AWAIT_STATEMENT_TEXT).
  "CREATE FULLTEXT INDEX statement_text IF NOT EXISTS FOR (n:Statement) ON EACH [n.text] " +
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true}}",
  // Spellings: the skeletons of the names' words, so that a name in another spelling finds the entity.
  "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person|State|Venue|Organization|Event|Source) " +
    "ON EACH [n.name, n.aliasText, n.description, n.spellings] " +
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
];

const isConstraint = (statement: string) => statement.startsWith("CREATE CONSTRAINT");

/**
 * The indexes first, in one transaction: Neo4j populates the indexes one transaction creates in one job (one scan of
 * each label's nodes for all of them, instead of one per index), in the background while the constraints are created
 * (each constraint populates and checks its own index before it returns). On a bulk-imported graph of 1M statements
 * the statements' four indexes and the full-text one each read every statement node otherwise.
 */
export async function applyConstraintsAndIndexes(db: Database): Promise<void> {
  await dropOutdatedIndexes(db);
  await db.writeTransaction(async (tx) => {
    for (const statement of STATEMENTS.filter((s) => !isConstraint(s))) await tx.run(statement);
  });
  for (const statement of STATEMENTS.filter(isConstraint)) {
    await db.write(statement);
  }
  await db.read("CALL db.awaitIndexes(300)");
  await storeMissingExcerpts(db);
  await upgradeGraph(db);
}

/**
 * Evidence excerpts are stored on REPORTED_IN when a span is written, so that reads never load a whole source text
 * for them. Graphs written before that get them here, one source at a time (its text is read once).
 */
async function storeMissingExcerpts(db: Database): Promise<void> {
  const sources = await db.read<{ id: string }>(
    "MATCH (src:Source) WHERE EXISTS { (src)<-[r:REPORTED_IN]-() WHERE r.excerpt IS NULL } RETURN src.id AS id",
  );
  for (const { id } of sources) {
    await db.write(
      `MATCH (src:Source {id: $id})
       WITH src, src.text AS text
       MATCH (src)<-[r:REPORTED_IN]-()
       WHERE r.excerpt IS NULL
       SET r.excerpt = substring(text, r.start, r.end - r.start)`,
      { id },
    );
  }
}

/**
 * Indexes created by earlier versions with fewer properties or other options are created again (IF NOT EXISTS would
 * keep them): entity_names without spellings, statement_text updated inside each commit.
 */
async function dropOutdatedIndexes(db: Database): Promise<void> {
  const [names] = await db.read<{ properties: string[] }>(
    "SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = 'entity_names' RETURN properties",
  );
  if (names && !names.properties.includes("spellings")) await db.write("DROP INDEX entity_names");
  const [text] = await db.read<{ eventual: boolean | null }>(
    "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'statement_text' " +
      "RETURN options.indexConfig['fulltext.eventually_consistent'] AS eventual",
  );
  if (text && text.eventual !== true) await db.write("DROP INDEX statement_text");
}
