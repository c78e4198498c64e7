// Prepares the database once per start: the graph schema, then the seed when the graph is empty. Retries while Neo4j
// cannot be reached, and says at each step why the server is not ready yet. The single process and the primary of
// WORKERS=N both run it; workers never do.
import type { Config } from "../config";
import type { Database } from "../graph/runtime/database";
import { DatabaseUnavailableError } from "../graph/runtime/errors";
import { applyConstraintsAndIndexes } from "../graph/constraintsAndIndexes";
import { countStatements } from "../graph/stats";
import { DatasetError } from "../load/dataset";
import { datasetFilesIn, loadFiles } from "../load/files";
import type { Logger } from "../logging";

export interface PreparationProgress {
  /** The step under way, as /health/ready reports it ("the seed is loading (…)"). */
  report(reason: string): void;
  /** True once a signal asked the server to stop: no more retries. */
  stopped(): boolean;
}

/**
 * The seed's write may take longer than a request may (NEO4J_TX_TIMEOUT_MS): it runs once, before the server says it
 * is ready, and a slow disk or a busy machine must not stop the start.
 */
const SEED_TX_TIMEOUT_MS = 10 * 60_000;

/** Applies the schema and loads the seed when the graph is empty; resolves once that has succeeded (or stopped). */
export async function prepareDatabase(
  db: Database,
  config: Pick<Config, "seedWhenEmpty" | "seedDir">,
  logger: Logger,
  progress: PreparationProgress,
): Promise<void> {
  for (let attempt = 1; !progress.stopped(); attempt++) {
    try {
      await db.verifyConnectivity();
      await applyConstraintsAndIndexes(db);
      progress.report("checking whether the database needs the seed");
      if (config.seedWhenEmpty && (await countStatements(db)) === 0) {
        const files = datasetFilesIn(config.seedDir);
        logger.info(
          files.length
            ? `The database is empty: loading ${files.length} seed dataset(s) from ${config.seedDir}`
            : `The database is empty and ${config.seedDir} holds no dataset.`,
        );
        progress.report(`the seed is loading (${files.length} dataset file(s) from ${config.seedDir})`);
        await loadFiles(db, files, (line) => logger.info(line), { txTimeoutMs: SEED_TX_TIMEOUT_MS });
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
