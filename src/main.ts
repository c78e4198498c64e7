// Starts things in order: config → Neo4j (embedded or remote) → HTTP → schema and seed (retried until Neo4j
// answers) — so the server answers, and says it is not ready, even while the database is down. Ready, and open to
// writes, only once the seed is in. `npm start` runs the compiled copy (dist/main.js) as the process npm signals.
import { ConfigError, loadConfig, type Config } from "./config";
import { Database } from "./graph/database";
import { DatabaseUnavailableError } from "./graph/errors";
import { applyConstraintsAndIndexes } from "./graph/constraintsAndIndexes";
import { countStatements } from "./graph/stats";
import { warmUp } from "./graph/warmUp";
import { startHttpServer, type HttpServer } from "./http/server";
import { WriteGate } from "./http/writeGate";
import { DatasetError } from "./load/dataset";
import { datasetFilesIn, loadFiles } from "./load/files";
import { createLogger, type Logger } from "./logging";
import { resolveNeo4j, type Neo4jTarget } from "./neo4j/connect";
import { PrerequisiteError } from "./neo4j/prerequisites";

interface StartState {
  /** Why the database is not prepared yet (what /health/ready reports); undefined once it is. */
  preparing: string | undefined;
  stopped: boolean;
}

/** Applies the schema and loads the seed when the graph is empty; resolves once that has succeeded. */
async function prepareDatabase(db: Database, config: Config, logger: Logger, state: StartState) {
  for (let attempt = 1; !state.stopped; attempt++) {
    try {
      await db.verifyConnectivity();
      await applyConstraintsAndIndexes(db);
      state.preparing = "checking whether the database needs the seed";
      if (config.seedWhenEmpty && (await countStatements(db)) === 0) {
        const files = datasetFilesIn(config.seedDir);
        logger.info(
          files.length
            ? `The database is empty: loading ${files.length} seed dataset(s) from ${config.seedDir}`
            : `The database is empty and ${config.seedDir} holds no dataset.`,
        );
        state.preparing = `the seed is loading (${files.length} dataset file(s) from ${config.seedDir})`;
        await loadFiles(db, files, (line) => logger.info(line));
      }
      return;
    } catch (e) {
      if (e instanceof DatasetError) {
        logger.error(`The seed was not loaded: ${e.message}`);
        return;
      }
      if (!(e instanceof DatabaseUnavailableError)) throw e;
      const waitMs = Math.min(1000 * attempt, 10_000);
      logger.warn(
        `${e.message}; retrying in ${waitMs / 1000} s (the server answers meanwhile: /health/ready says not ready)`,
      );
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, json: config.production });
  const state: StartState = { preparing: "the graph schema is not applied yet", stopped: false };
  // Mutations wait here while the seed loads: a client that saw readiness, or wrote early, never races the seed.
  const writes = new WriteGate({ reason: () => state.preparing });
  // What shutdown() stops, filled in as start-up gets there.
  const running: { starting?: Promise<Neo4jTarget>; neo4j?: Neo4jTarget; db?: Database; http?: HttpServer } = {};

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
  }));

  const http = (running.http = await startHttpServer({
    db: database,
    port: config.port,
    host: config.host,
    apiToken: config.apiToken,
    ideEnabled: config.ideEnabled,
    corsOrigins: config.corsOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    requestTimeoutMs: config.requestTimeoutMs,
    headersTimeoutMs: config.headersTimeoutMs,
    logger,
    apollo: {
      limits: config.limits,
      introspection: config.introspection,
      production: config.production,
      logError: (e) => logger.error({ err: e }, "unexpected error in a GraphQL request"),
      cacheMaxAgeS: config.cacheMaxAgeS,
    },
    writeGate: writes,
    readiness: {
      async check() {
        const problems: string[] = [];
        try {
          await database.verifyConnectivity();
        } catch (e) {
          problems.push((e as Error).message);
        }
        if (state.preparing) problems.push(state.preparing);
        return problems;
      },
    },
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") {
      throw new PrerequisiteError(
        `Port ${config.port} is already in use: stop what runs there or start with PORT=<another port> npm start.`,
      );
    }
    throw e;
  }));

  logger.info(`Neo4j: ${neo4j.description}`);
  try {
    await prepareDatabase(database, config, logger, state);
  } catch (e) {
    // A signal came during the seed load and closed the driver under it: shutdown() finishes and exits.
    if (state.stopped) return;
    throw e;
  }
  if (state.stopped) return;
  state.preparing = "warming up Neo4j's query plans";
  await warmUp(database, { log: (line) => logger.info(line), warn: (line) => logger.warn(line) });
  state.preparing = undefined;
  writes.open();
  const ide = config.ideEnabled ? " (GraphQL IDE: open it in a browser)" : "";
  logger.info(`GraphQL server ready at ${http.url}${ide}`);
  logger.info(`Graph explorer at ${http.url.replace(/\/graphql$/, "/explore")}`);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof PrerequisiteError || e instanceof DatasetError) {
    console.error(`Cannot start: ${e.message}`);
  } else {
    console.error("Cannot start:", e);
  }
  process.exit(1);
});
