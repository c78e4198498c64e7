// Runs a load from the command line (`npm run seed`, `npm run bench:load`): reaches the configured Neo4j, applies the
// schema, loads, and turns the failures a user can fix into a message and exit code 1.
import { ConfigError, type Config } from "../config";
import { Database } from "../graph/runtime/database";
import { applyConstraintsAndIndexes } from "../graph/constraintsAndIndexes";
import { resolveNeo4j } from "../neo4j/connect";
import { PrerequisiteError } from "../neo4j/prerequisites";
import { DatasetError } from "./dataset";

/** One file is one transaction: a large one must not be cut off by the server's default time-out. */
export const LOAD_TX_TIMEOUT_MS = 600_000;

/** Why a load found nothing to do; the commands print it and the benchmark throws it. */
export const noDatasetIn = (dir: string) => `No dataset to load: ${dir} holds no .json file.`;

/**
 * Starts or reaches the configured Neo4j, applies the schema, runs the load and closes everything again. Returns the
 * exit code: 1 with the message on stderr for a refused dataset (nothing of that file was written).
 */
export async function loadIntoConfiguredNeo4j(config: Config, load: (db: Database) => Promise<void>): Promise<number> {
  const neo4j = await resolveNeo4j(config, (line) => console.log(line));
  const db = Database.connect({ ...neo4j, txTimeoutMs: Math.max(config.txTimeoutMs, LOAD_TX_TIMEOUT_MS) });
  try {
    await applyConstraintsAndIndexes(db);
    await load(db);
    return 0;
  } catch (e) {
    if (e instanceof DatasetError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

/** Runs a command's main and exits with its code; a bad setting or a missing prerequisite is one line after `what`. */
export function runLoadCommand(main: () => Promise<number>, what: string): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof ConfigError || e instanceof PrerequisiteError ? `${what}: ${e.message}` : e);
      process.exit(1);
    },
  );
}
