// What article ingestion asks the graph before it reads a text: the people who hold offices in the states the text
// names, so that "Poland's foreign minister said" finds the minister the graph knows.
import type { Database } from "../runtime/database";
import type { KnownEntity } from "../rows";

/** Office holders looked at per article: a text names a handful of states, each with a few dozen offices at most. */
export const MAX_OFFICE_HOLDERS = 500;

export async function officeHolders(db: Database, isoCodes: readonly string[]): Promise<KnownEntity[]> {
  if (isoCodes.length === 0) return [];
  const rows = await db.read<{
    id: string;
    name: string;
    aliases: string[];
    offices: { title: string; state: string }[];
  }>(
    `UNWIND $isoCodes AS iso
     MATCH (st:State {isoCode: iso})<-[o:HOLDS_OFFICE]-(p:Person)
     WITH p, collect({title: o.title, state: st.name}) AS offices
     RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases, offices
     ORDER BY id
     LIMIT $limit`,
    { isoCodes: [...isoCodes], limit: MAX_OFFICE_HOLDERS },
  );
  return rows.map((r) => ({ ...r, type: "person" as const }));
}
