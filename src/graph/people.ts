// People: look-ups and lists of Person nodes.
import type { Database } from "./database";

export interface PersonRow {
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
}

const PERSON_FIELDS = "id: p.id, name: p.name, aliases: coalesce(p.aliases, []), description: p.description";

export async function findPerson(db: Database, id: string): Promise<PersonRow | null> {
  const rows = await db.read<{ person: PersonRow }>(`MATCH (p:Person {id: $id}) RETURN p {${PERSON_FIELDS}} AS person`, { id });
  return rows[0]?.person ?? null;
}

export async function listPeople(db: Database, first: number): Promise<PersonRow[]> {
  const rows = await db.read<{ person: PersonRow }>(
    `MATCH (p:Person) RETURN p {${PERSON_FIELDS}} AS person ORDER BY p.name, p.id LIMIT $first`,
    { first },
  );
  return rows.map((r) => r.person);
}
