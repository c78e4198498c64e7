// The process npm starts, whatever WORKERS says (1 by default): it serves nothing itself. It resolves Neo4j once
// (starts the embedded one, or takes NEO4J_URI), forks the workers that serve HTTP on the one port, prepares the
// database once while they answer "not ready", replaces a worker that dies (killed, out of memory) while Neo4j runs on,
// and on SIGTERM or SIGINT lets every worker finish its requests before it closes the driver and stops Neo4j.
import type { Config } from "../config";
import { Database } from "../graph/runtime/database";
import type { Logger } from "../logging";
import { resolveNeo4j, type Neo4jTarget } from "../neo4j/connect";
import { freePort } from "../neo4j/embedded";
import { prepareDatabase } from "../startup/prepareDatabase";
import { announceReady } from "../startup/serveHttp";
import { WorkerPool } from "./workerPool";

export async function runPrimary(config: Config, logger: Logger): Promise<void> {
  let stopped = false;
  // What shutdown() stops, filled in as start-up gets there.
  const running: { starting?: Promise<Neo4jTarget>; neo4j?: Neo4jTarget; db?: Database; pool?: WorkerPool } = {};

  const shutdown = async (why: string, exitCode = 0) => {
    if (stopped) return;
    stopped = true;
    logger.info(`${why}: finishing requests in flight, then stopping`);
    // A signal while the embedded Neo4j starts: let it finish starting, then stop it, so no JVM outlives this process.
    const neo4j = running.neo4j ?? (await running.starting?.catch(() => undefined));
    neo4j?.markStopping();
    // Every worker drains (bounded) and exits; only then may the database go.
    await running.pool?.stop();
    await running.db?.close().catch(() => {});
    await neo4j?.stop().catch((e: unknown) => logger.error({ err: e }, "Neo4j shutdown failed"));
    logger.info("stopped");
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  running.starting = resolveNeo4j(config, {
    log: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
    supervise: true,
  });
  const neo4j = (running.neo4j = await running.starting);
  if (stopped) return;
  logger.info(`Neo4j: ${neo4j.description}`);

  // PORT=0 is resolved here, once: a worker that replaces the only one (whose socket closed with it) listens on the
  // same port, not on a new free one.
  const port = config.port || (await freePort());
  if (stopped) return;
  const pool = (running.pool = new WorkerPool({
    size: config.workers,
    port,
    neo4j: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password, database: neo4j.database },
    logger,
    onReady: (url, first) =>
      first ? announceReady(logger, config, url) : logger.info(`All ${config.workers} workers are ready again`),
    onFatal: (message) => {
      console.error(`Cannot start: ${message}`);
      void shutdown("A worker could not start", 1);
    },
  }));
  pool.start("the graph schema is not applied yet");
  logger.info(`Starting ${config.workers === 1 ? "1 worker" : `${config.workers} workers`} on port ${port}`);
  // The port answers (not ready, with the reasons) before the preparation begins.
  await pool.listening();
  if (stopped) return;

  const db = (running.db = Database.connect({ ...neo4j, txTimeoutMs: config.txTimeoutMs, retryMs: config.retryMs }));
  try {
    await prepareDatabase(db, config, logger, {
      report: (reason) => pool.setPreparing(reason),
      stopped: () => stopped,
    });
  } catch (e) {
    // A signal came during the seed load and closed the driver under it: shutdown() finishes and exits.
    if (stopped) return;
    throw e;
  }
  if (stopped) return;
  // The workers have their own drivers; this one has done its job.
  running.db = undefined;
  await db.close();
  // The seed's lines go out before any worker lets a write through (and logs it): the log reads in order.
  logger.flush();
  // Each worker now warms up (Neo4j's plans and its own JIT), says it is ready, and opens to writes once all are.
  pool.setPreparing(undefined);
}
