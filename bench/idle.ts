// Waiting for Neo4j to finish the work of a burst before the next one is measured. A burst of HTTP load ends with
// requests still in flight: autocannon closes their sockets, but the server's queries run on in Neo4j, and on a slow
// question (seconds per request) they would load the next measurement, another contender's or the same one's.
import neo4j, { type Driver } from "neo4j-driver";
import type { Connection } from "./graph";

/** Transactions running other than this one (SHOW TRANSACTIONS lists every database's). */
const OTHERS = `SHOW TRANSACTIONS YIELD currentQuery
  WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
  RETURN count(*) AS running`;

const POLL_MS = 100;

export class Neo4jIdle {
  private readonly driver: Driver;

  constructor(connection: Connection) {
    this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
      maxConnectionPoolSize: 1,
    });
  }

  /** Resolves once Neo4j runs no other transaction (or after maxMs): the ms waited. */
  async wait(maxMs = 120_000): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < maxMs) {
      if ((await this.running()) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return performance.now() - started;
  }

  private async running(): Promise<number> {
    // Auto-commit: SHOW TRANSACTIONS is a command, not a query to run inside a transaction.
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const { records } = await session.run(OTHERS);
      return Number(records[0]?.get("running") ?? 0);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
