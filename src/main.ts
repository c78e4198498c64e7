// Starts things in order: config → Neo4j (embedded or remote) → HTTP → schema and seed (retried until Neo4j
// answers) — so the server answers, and says it is not ready, even while the database is down.
import { ConfigError, loadConfig, type Config } from "./config";
import { Database } from "./graph/database";
import { DatabaseUnavailableError } from "./graph/errors";
import { applySchema } from "./graph/schema";
import { countStatements } from "./graph/stats";
import { startHttpServer, type HttpServer } from "./http/server";
import { DatasetError } from "./load/dataset";
import { datasetFilesIn, loadFiles } from "./load/files";
import { createLogger, type Logger } from "./logging";
import { resolveNeo4j, type Neo4jTarget } from "./neo4j/connect";
import { PrerequisiteError } from "./neo4j/prerequisites";

/** Applies the schema and loads the seed when the graph is empty; resolves once that has succeeded. */
async function prepareDatabase(db: Database, config: Config, logger: Logger, state: { schemaApplied: boolean; stopped: boolean }) {
  for (let attempt = 1; !state.stopped; attempt++) {
    try {
      await db.verifyConnectivity();
      await applySchema(db);
      state.schemaApplied = true;
      if (config.seedWhenEmpty && (await countStatements(db)) === 0) {
        const files = datasetFilesIn(config.seedDir);
        logger.info(files.length ? `The database is empty: loading ${files.length} seed dataset(s) from ${config.seedDir}` : `The database is empty and ${config.seedDir} holds no dataset.`);
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
      logger.warn(`${e.message}; retrying in ${waitMs / 1000} s (the server answers meanwhile: /health/ready says not ready)`);
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, json: config.production });
  const state = { schemaApplied: false, stopped: false };
  let neo4j: Neo4jTarget | undefined;
  let db: Database | undefined;
  let http: HttpServer | undefined;

  const shutdown = async (signal: string) => {
    if (state.stopped) return;
    state.stopped = true;
    logger.info(`${signal}: finishing requests in flight, then stopping`);
    // Before the (bounded) wait for requests: a server started meanwhile on the same data must not reuse this Neo4j.
    neo4j?.markStopping();
    // Stop accepting, let requests in flight finish (bounded), then close the driver and stop Neo4j.
    await http?.stop().catch((e: unknown) => logger.error({ err: e }, "HTTP shutdown failed"));
    await db?.close().catch(() => {});
    await neo4j?.stop().catch((e: unknown) => logger.error({ err: e }, "Neo4j shutdown failed"));
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  neo4j = await resolveNeo4j(config, {
    log: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
    supervise: true,
  });
  db = Database.connect({ ...neo4j, txTimeoutMs: config.txTimeoutMs, retryMs: config.retryMs });
  const database = db;

  http = await startHttpServer({
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
    },
    readiness: {
      async check() {
        const problems: string[] = [];
        try {
          await database.verifyConnectivity();
        } catch (e) {
          problems.push((e as Error).message);
        }
        if (!state.schemaApplied) problems.push("the graph schema is not applied yet");
        return problems;
      },
    },
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") {
      throw new PrerequisiteError(`Port ${config.port} is already in use: stop what runs there or start with PORT=<another port> npm start.`);
    }
    throw e;
  });

  logger.info(`Neo4j: ${neo4j.description}`);
  await prepareDatabase(database, config, logger, state);
  logger.info(`GraphQL server ready at ${http.url}${config.ideEnabled ? " (GraphQL IDE: open it in a browser)" : ""}`);
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
