// Child process: the limit. The same questions as hand-written Cypher through neo4j-driver (no HTTP, no GraphQL), from
// as many concurrent workers as the HTTP load has connections, for the same time.
import neo4j, { type Driver } from "neo4j-driver";
import { toNeo4jParams, toPlain, type Plain } from "../../src/graph/values";
import { serveParent } from "../ipc/child";
import { profileQuery, type Profile } from "../profile";
import { memory } from "../servers/stats";
import { summarise, type CypherBurst, type Measurement } from "./job";

let driver: Driver | undefined;

/** The cheapest way to ask Neo4j: an auto-commit query, one round trip (RUN and PULL together, no BEGIN or COMMIT). */
async function query(cypher: string, params: unknown): Promise<Record<string, unknown>[]> {
  if (!driver) throw new Error("open() was not called");
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, params as Record<string, unknown>);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

async function loop(job: CypherBurst): Promise<Measurement> {
  const params = toNeo4jParams(job.params);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + job.durationS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      try {
        await query(job.cypher, params);
        latencies.push(performance.now() - sent);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, worker));
  return summarise(latencies, performance.now() - started, errors, 0);
}

serveParent(
  {
    async open({ connection }: { connection: { uri: string; user: string; password: string } }) {
      driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
        maxConnectionPoolSize: 100,
      });
      await driver.verifyConnectivity();
    },
    /** One run of a query, its rows as plain data (for checking answers). */
    async once({ cypher, params }: { cypher: string; params: Record<string, unknown> }): Promise<Plain[]> {
      return (await query(cypher, toNeo4jParams(params))).map(toPlain);
    },
    profile({ cypher, params }: { cypher: string; params: Record<string, unknown> }): Promise<Profile> {
      if (!driver) throw new Error("open() was not called");
      return profileQuery(driver, cypher, toNeo4jParams(params) as Record<string, unknown>);
    },
    run: (job: CypherBurst): Promise<Measurement> => loop(job),
    stats: () => ({ requests: 0, queries: 0, rssBytes: memory() }),
  },
  async () => {
    await driver?.close();
  },
);
