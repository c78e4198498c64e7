// Starts things in order: config → Neo4j (embedded or remote) → HTTP → schema and seed (retried until Neo4j
// answers) — so the server answers, and says it is not ready, even while the database is down. Ready, and open to
// writes, only once the seed is in. `npm start` runs the compiled copy (dist/main.js) as the process npm signals.
// With WORKERS above 1 this process is the primary of a cluster (src/cluster/): the same order, with the HTTP part
// in forked workers.
import cluster from "node:cluster";
import { ConfigError, loadConfig, type Config } from "./config";
import { runPrimary } from "./cluster/primary";
import { runWorker } from "./cluster/worker";
import { Database } from "./graph/database";
import type { HttpServer } from "./http/server";
import { WriteGate } from "./http/writeGate";
import { DatasetError } from "./load/dataset";
import { createLogger, type Logger } from "./logging";
import { resolveNeo4j, type Neo4jTarget } from "./neo4j/connect";
import { PrerequisiteError } from "./neo4j/prerequisites";
import { prepareDatabase } from "./startup/prepareDatabase";
import { announceReady, serveHttp } from "./startup/serveHttp";
import { rememberedReads, warmUpServer } from "./startup/warmUpServer";

interface StartState {
  /** Why the database is not prepared yet (what /health/ready reports); undefined once it is. */
  preparing: string | undefined;
  stopped: boolean;
}

/** WORKERS=1: one process does it all, as it always did. */
async function runSingleProcess(config: Config, logger: Logger): Promise<void> {
  const state: StartState = { preparing: "the graph schema is not applied yet", stopped: false };
  // Mutations wait here while the seed loads: a client that saw readiness, or wrote early, never races the seed.
  const writes = new WriteGate({ reason: () => state.preparing });
  // What shutdown() stops, filled in as start-up gets there.
  const running: { starting?: Promise<Neo4jTarget>; neo4j?: Neo4jTarget; db?: Database; http?: HttpServer } = {};
  const reads = rememberedReads(config, (line) => logger.warn(line));

  const shutdown = async (signal: string) => {
    if (state.stopped) return;
    state.stopped = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    writes.close("The server is stopping before its database was prepared");
    // A signal while the embedded Neo4j starts: let it finish starting, then stop it, so no JVM outlives this process.
    const neo4j = running.neo4j ?? (await running.starting?.catch(() => undefined));
    // Before the (bounded) wait for requests: a server started meanwhile on the same data must not reuse this Neo4j.
    neo4j?.markStopping();
    // Stop accepting, let requests in flight finish (bounded), then close the driver and stop Neo4j.
    await running.http?.stop().catch((e: unknown) => logger.error({ err: e }, "HTTP shutdown failed"));
    await running.db?.close().catch(() => {});
    reads.save();
    await neo4j?.stop().catch((e: unknown) => logger.error({ err: e }, "Neo4j shutdown failed"));
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  running.starting = resolveNeo4j(config, {
    log: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
    supervise: true,
  });
  const neo4j = (running.neo4j = await running.starting);
  if (state.stopped) return;
  const database = (running.db = Database.connect({
    ...neo4j,
    txTimeoutMs: config.txTimeoutMs,
    retryMs: config.retryMs,
    admission: config.admission,
    shareQueuedReads: config.shareQueuedReads,
    history: reads.history,
  }));

  const http = (running.http = await serveHttp(config, {
    db: database,
    logger,
    writeGate: writes,
    notReadyBecause: () => (state.preparing ? [state.preparing] : []),
  }));

  logger.info(`Neo4j: ${neo4j.description}`);
  try {
    await prepareDatabase(database, config, logger, {
      report: (reason) => (state.preparing = reason),
      stopped: () => state.stopped,
    });
  } catch (e) {
    // A signal came during the seed load and closed the driver under it: shutdown() finishes and exits.
    if (state.stopped) return;
    throw e;
  }
  if (state.stopped) return;
  // Writes wait for the seed, not for the warm-up after it (as a worker's do: src/cluster/worker.ts).
  writes.open();
  await warmUpServer(database, http.execute, {
    seconds: config.warmUpSeconds,
    remembered: reads.earlier,
    history: reads.history,
    log: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
    report: (step) => (state.preparing = step),
  });
  state.preparing = undefined;
  announceReady(logger, config, http.url);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, json: config.production });
  if (cluster.isWorker) return runWorker(config, logger.child({ worker: cluster.worker?.id, pid: process.pid }));
  if (config.workers > 1) return runPrimary(config, logger);
  return runSingleProcess(config, logger);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof PrerequisiteError || e instanceof DatasetError) {
    console.error(`Cannot start: ${e.message}`);
  } else {
    console.error("Cannot start:", e);
  }
  process.exit(1);
});
