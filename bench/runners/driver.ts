// Child process: the limit. The same questions as hand-written Cypher through neo4j-driver (no HTTP, no GraphQL), from
// as many concurrent workers as the HTTP load has connections, for the same time.
import type { Driver } from "neo4j-driver";
import { toNeo4jParams, toPlain, type Plain } from "../../src/graph/values";
import { serveParent } from "../ipc/child";
import { profileQuery, type Profile } from "../profile";
import { memory } from "../servers/stats";
import { autoCommitRead, limitDriver } from "./autoCommit";
import { summarise, type CypherBurst, type Measurement } from "./job";

let driver: Driver | undefined;

function query(cypher: string, params: unknown): Promise<Record<string, unknown>[]> {
  if (!driver) throw new Error("open() was not called");
  return autoCommitRead(driver, cypher, params);
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
      driver = limitDriver(connection);
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
