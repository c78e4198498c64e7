// Graphs written by earlier versions get what this version's reads and writes rely on, once: name keys for
// spelling variants (entity resolution looks candidates up by them) and quotation keys (one statement, many reports).
// Entities written before claims existed keep their ids (a node's id is otherwise the one its earliest source used). A
// (:GraphFormat) node records the version a graph has been brought to.
import { ENTITY_LABELS } from "../domain/labels";
import { quotationKey } from "../domain/quotations";
import { lookupKeys, spellingText } from "../domain/resolution";
import type { Database } from "./runtime/database";

export const GRAPH_FORMAT = 2;
const BATCH = 5000;

export async function upgradeGraph(db: Database): Promise<void> {
  const [format] = await db.read<{ version: number | null }>(
    "OPTIONAL MATCH (f:GraphFormat) RETURN max(f.version) AS version",
  );
  if ((format?.version ?? 0) >= GRAPH_FORMAT) return;
  await storeLookupKeys(db);
  await storeQuotationKeys(db);
  await pinIds(db);
  await db.write("MERGE (f:GraphFormat) SET f.version = $version", { version: GRAPH_FORMAT });
}

async function storeLookupKeys(db: Database): Promise<void> {
  for (const label of ENTITY_LABELS) {
    let after = "";
    for (;;) {
      // The label comes from the fixed table of labels, never from input.
      const rows = await db.read<{ id: string; names: string[] }>(
        `MATCH (n:${label}) WHERE n.id > $after
         RETURN n.id AS id, [n.name] + coalesce(n.aliases, []) AS names ORDER BY n.id LIMIT ${BATCH}`,
        { after },
      );
      if (rows.length === 0) break;
      await db.write(
        `UNWIND $rows AS row
         MATCH (n:Entity {id: row.id})
         SET n.spellings = row.spellings
         WITH n, row
         UNWIND row.keys AS key
         MERGE (k:NameKey {key: key})
         MERGE (k)-[:NAMES]->(n)`,
        {
          rows: rows.map((r) => {
            const names = r.names.filter(Boolean);
            return { id: r.id, keys: lookupKeys(label, names), spellings: spellingText(label, names) };
          }),
        },
      );
      after = rows[rows.length - 1]!.id;
    }
  }
}

async function storeQuotationKeys(db: Database): Promise<void> {
  for (;;) {
    const rows = await db.read<{ id: string; text: string }>(
      `MATCH (s:Statement) WHERE s.quoteHash IS NULL AND s.kind = 'DIRECT_QUOTE'
       RETURN s.id AS id, s.text AS text LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return;
    await db.write(
      `UNWIND $rows AS row
       MATCH (s:Statement {id: row.id})
       SET s.quoteHash = row.quoteHash`,
      { rows: rows.map((r) => ({ id: r.id, quoteHash: quotationKey(r.text ?? "") })) },
    );
  }
}

async function pinIds(db: Database): Promise<void> {
  for (;;) {
    const [done] = await db.write<{ pinned: number }>(
      `MATCH (n:Entity)
       WHERE NOT n:Source AND NOT n:Statement AND NOT 'id' IN coalesce(n.curatedFields, [])
         AND NOT EXISTS { (n)-[:CLAIMED_IN]->() }
       WITH n LIMIT ${BATCH}
       SET n.curatedFields = coalesce(n.curatedFields, []) + 'id'
       RETURN count(n) AS pinned`,
    );
    if (Number(done?.pinned ?? 0) === 0) return;
  }
}
