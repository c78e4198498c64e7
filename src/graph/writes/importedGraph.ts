// A graph just written by Neo4j's importer (src/bulk): what the importer cannot store, set after it, and the counts
// the import is verified against.
import { ENTITY_LABELS } from "../../domain/labels";
import type { Database } from "../runtime/database";

const BATCH = 10_000;
const ENTITIES = ENTITY_LABELS.join("|");

/**
 * The importer leaves an empty list out; the loader stores one for an entity without aliases (on its node and on
 * each claim of it), and for a response without spans (its parallel lists of starts, ends and excerpts). In batches.
 */
export async function fillEmptyLists(db: Database): Promise<void> {
  const queries = [
    `MATCH (n:${ENTITIES}) WHERE n.aliases IS NULL
     WITH n LIMIT ${BATCH}
     SET n.aliases = []
     RETURN count(*) AS done`,
    `MATCH (n:${ENTITIES})-[c:CLAIMED_IN]->(:Source) WHERE c.aliases IS NULL
     WITH c LIMIT ${BATCH}
     SET c.aliases = []
     RETURN count(*) AS done`,
    `MATCH (:Statement)-[r:RESPONDS_TO]->(:Statement) WHERE r.starts IS NULL
     WITH r LIMIT ${BATCH}
     SET r.starts = [], r.ends = [], r.excerpts = []
     RETURN count(*) AS done`,
  ];
  for (const query of queries) {
    for (;;) {
      const [row] = await db.write<{ done: number }>(query);
      if (Number(row?.done ?? 0) === 0) break;
    }
  }
}

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** Nodes per label and relationships per type (from Neo4j's count store: no scan). */
export async function countByLabelAndType(db: Database): Promise<GraphCounts> {
  const labels = await db.read<{ label: string }>("CALL db.labels() YIELD label RETURN label");
  const types = await db.read<{ type: string }>(
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS type",
  );
  const nodes: Record<string, number> = {};
  for (const { label } of labels) {
    // Labels and types come from the database's own lists, quoted as identifiers.
    const [row] = await db.read<{ n: number }>(`MATCH (n:\`${label.replace(/`/g, "``")}\`) RETURN count(n) AS n`);
    if (Number(row?.n ?? 0) > 0) nodes[label] = Number(row!.n);
  }
  const relationships: Record<string, number> = {};
  for (const { type } of types) {
    const [row] = await db.read<{ n: number }>(`MATCH ()-[r:\`${type.replace(/`/g, "``")}\`]->() RETURN count(r) AS n`);
    if (Number(row?.n ?? 0) > 0) relationships[type] = Number(row!.n);
  }
  return { nodes, relationships };
}

/** Waits until every index is online, up to `seconds` (a full-text index over millions of statements takes minutes). */
export async function awaitIndexesOnline(db: Database, seconds: number): Promise<void> {
  await db.read("CALL db.awaitIndexes($seconds)", { seconds });
}

/** awaitIndexes gave up while an index was still being populated (not an index that failed). */
export function stillPopulating(error: unknown): boolean {
  return /Expected all indexes to come online/.test(error instanceof Error ? error.message : String(error));
}
