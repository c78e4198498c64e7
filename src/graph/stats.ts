// Counts of what the graph holds, for start-up decisions and status output.
import type { Database } from "./runtime/database";

export async function countStatements(db: Database): Promise<number> {
  const rows = await db.read<{ n: number }>("MATCH (s:Statement) RETURN count(s) AS n");
  return rows[0]?.n ?? 0;
}

export async function neo4jComponents(db: Database): Promise<{ name: string; versions: string[]; edition: string }[]> {
  return db.read("CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition");
}

/** The Neo4j JVM's heap, from its JMX bean: bytes in use and the most it may grow to. */
export async function jvmHeap(db: Database): Promise<{ usedBytes: number; maxBytes: number }> {
  const rows = await db.read<{ used: number; max: number }>(
    "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes " +
      "RETURN attributes.HeapMemoryUsage.value.properties.used AS used, " +
      "attributes.HeapMemoryUsage.value.properties.max AS max",
  );
  return { usedBytes: rows[0]?.used ?? 0, maxBytes: rows[0]?.max ?? 0 };
}
