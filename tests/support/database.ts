// Connects a test file to the run's Neo4j and gives it an empty graph of its own (files run one at a time).
import { Database, type ConnectionOptions } from "../../src/graph/runtime/database";

/** The test Neo4j; `options` override the connection settings (a tiny admission queue, say). */
export function connectTestDatabase(options: Partial<ConnectionOptions> = {}): Database {
  const uri = process.env.TEST_NEO4J_URI;
  const password = process.env.TEST_NEO4J_PASSWORD;
  if (!uri || !password)
    throw new Error("TEST_NEO4J_URI is not set: run the tests through jest, whose globalSetup starts Neo4j");
  return Database.connect({ uri, user: "neo4j", password, txTimeoutMs: 120_000, ...options });
}

export async function emptyGraph(db: Database): Promise<void> {
  for (;;) {
    const rows = await db.write<{ n: number }>("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n");
    if ((rows[0]?.n ?? 0) === 0) return;
  }
}
