// How the limit asks Neo4j, in both of its forms (the driver runner and the limit behind HTTP): the cheapest way, an
// auto-commit query, one round trip (RUN and PULL together, no BEGIN or COMMIT), in a session of its own.
import neo4j, { type Driver } from "neo4j-driver";

export async function autoCommitRead(
  driver: Driver,
  cypher: string,
  params: unknown,
): Promise<Record<string, unknown>[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, params as Record<string, unknown>);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/** The driver both forms of the limit use: a pool larger than any load the benchmark puts on it. */
export function limitDriver(connection: { uri: string; user: string; password: string }): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: 100,
  });
}
