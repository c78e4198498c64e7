// Starts things in order: config → Neo4j (embedded or remote) → HTTP → schema and seed (retried until Neo4j
// answers) — so the server answers, and says it is not ready, even while the database is down. Ready, and open to
// writes, only once the seed is in. `npm start` runs the compiled copy (dist/main.js) as the process npm signals.
// That process is always the primary of a cluster (src/cluster/): it holds Neo4j and serves nothing itself; the HTTP
// part runs in WORKERS forked workers (one by default), and a worker that dies is replaced while Neo4j runs on.
import cluster from "node:cluster";
import { ConfigError, loadConfig } from "./config";
import { runPrimary } from "./cluster/primary";
import { runWorker } from "./cluster/worker";
import { DatasetError } from "./load/dataset";
import { createLogger } from "./logging";
import { PrerequisiteError } from "./neo4j/prerequisites";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, json: config.production });
  if (cluster.isWorker) return runWorker(config, logger.child({ worker: cluster.worker?.id, pid: process.pid }));
  return runPrimary(config, logger);
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof PrerequisiteError || e instanceof DatasetError) {
    console.error(`Cannot start: ${e.message}`);
  } else {
    console.error("Cannot start:", e);
  }
  process.exit(1);
});
