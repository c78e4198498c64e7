// Starts things in order: config → Neo4j (embedded or remote) → schema → seed if empty → HTTP.
import { ConfigError, loadConfig } from "./config";
import { Database } from "./graph/database";
import { applySchema } from "./graph/schema";
import { countStatements } from "./graph/stats";
import { startHttpServer } from "./http/server";
import { DatasetError } from "./load/dataset";
import { datasetFilesIn, loadFiles } from "./load/files";
import { resolveNeo4j, type Neo4jTarget } from "./neo4j/connect";
import { PrerequisiteError } from "./neo4j/prerequisites";

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = loadConfig();
  let neo4j: Neo4jTarget | undefined;
  let db: Database | undefined;
  let stopHttp: (() => Promise<void>) | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: shutting down…`);
    await stopHttp?.().catch(() => {});
    await db?.close().catch(() => {});
    await neo4j?.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  neo4j = await resolveNeo4j(config, log);
  db = Database.connect({ ...neo4j, txTimeoutMs: config.txTimeoutMs });
  await db.verifyConnectivity();
  await applySchema(db);
  let schemaApplied = true;

  if (config.seedWhenEmpty && (await countStatements(db)) === 0) {
    const files = datasetFilesIn(config.seedDir);
    log(files.length ? `The database is empty: loading ${files.length} seed dataset(s) from ${config.seedDir}` : `The database is empty and ${config.seedDir} holds no dataset.`);
    await loadFiles(db, files, log);
  }

  const database = db;
  const http = await startHttpServer({
    db: database,
    port: config.port,
    host: config.host,
    apiToken: config.apiToken,
    ideEnabled: config.ideEnabled,
    corsOrigins: config.corsOrigins,
    readiness: {
      async check() {
        const problems: string[] = [];
        try {
          await database.verifyConnectivity();
        } catch (e) {
          problems.push(`Neo4j is not reachable: ${(e as Error).message}`);
        }
        if (!schemaApplied) problems.push("the graph schema is not applied yet");
        return problems;
      },
    },
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") {
      throw new PrerequisiteError(`Port ${config.port} is already in use: stop what runs there or start with PORT=<another port> npm start.`);
    }
    throw e;
  });
  stopHttp = http.stop;
  log(`Neo4j: ${neo4j.description}`);
  log(`GraphQL server ready at ${http.url}${config.ideEnabled ? " (GraphQL IDE: open it in a browser)" : ""}`);
  log(`Graph explorer at ${http.url.replace(/\/graphql$/, "/explore")}`);
}

main().catch(async (e: unknown) => {
  if (e instanceof ConfigError || e instanceof PrerequisiteError || e instanceof DatasetError) {
    console.error(`Cannot start: ${e.message}`);
  } else {
    console.error("Cannot start:", e);
  }
  process.exit(1);
});
