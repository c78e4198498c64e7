// Counts of what the graph holds, for start-up decisions and status output.
import type { Database } from "./database";

export async function countStatements(db: Database): Promise<number> {
  const rows = await db.read<{ n: number }>("MATCH (s:Statement) RETURN count(s) AS n");
  return rows[0]?.n ?? 0;
}

export async function neo4jComponents(db: Database): Promise<{ name: string; versions: string[]; edition: string }[]> {
  return db.read("CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition");
}
