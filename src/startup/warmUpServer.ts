// The whole warm-up of one server process, before it says it is ready: Neo4j's plans for a few representative reads
// (src/graph/reads/warmUp.ts), the reads clients sent most before the last stop (src/graph/runtime/queryHistory.ts),
// then the GraphQL layer under load (warmUpGraphql.ts). Each step only logs its failures. Also where this process's
// history of reads lives: read from QUERY_HISTORY_FILE at start, written back when the process stops and every 5
// minutes.
import type { Config } from "../config";
import type { Database } from "../graph/runtime/database";
import {
  QueryHistory,
  readHistory,
  replayHistory,
  shapeOf,
  writeHistory,
  type RememberedQuery,
} from "../graph/runtime/queryHistory";
import { warmUp } from "../graph/reads/warmUp";
import { warmUpGraphql, type Execute } from "./warmUpGraphql";

const SAVE_EVERY_MS = 5 * 60_000;

export interface RememberedReads {
  /** Counts this process's reads (Database.connect's `history`); undefined when QUERY_HISTORY_FILE is off. */
  history: QueryHistory | undefined;
  /** What the file held at start: the reads to warm up on. */
  earlier: RememberedQuery[];
  /** Writes the history to its file (never throws: a failure is logged). */
  save(): void;
}

export function rememberedReads(config: Config, warn: (line: string) => void): RememberedReads {
  const file = config.queryHistoryFile;
  if (!file) return { history: undefined, earlier: [], save: () => {} };
  const keepValues = config.queryHistoryValues;
  // A file written with values (by an older version, or with QUERY_HISTORY_VALUES on) is replayed by its shapes.
  const earlier = readHistory(file).map((query) => (keepValues ? query : { ...query, params: shapeOf(query.params) }));
  const history = new QueryHistory(earlier, { keepValues });
  const save = () => {
    try {
      writeHistory(file, history);
    } catch (e) {
      warn(`Could not keep the reads sent most in ${file}: ${(e as Error).message}`);
    }
  };
  setInterval(save, SAVE_EVERY_MS).unref();
  return { history, earlier, save };
}

export interface ServerWarmUpOptions {
  seconds: number;
  remembered: readonly RememberedQuery[];
  /** Starts counting once the warm-up is over. */
  history?: QueryHistory;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** What the process is doing meanwhile (its readiness reason). */
  report: (step: string) => void;
}

export async function warmUpServer(db: Database, execute: Execute, options: ServerWarmUpOptions): Promise<void> {
  const { log, warn } = options;
  options.report("warming up Neo4j's query plans");
  await warmUp(db, { log, warn });
  if (options.remembered.length > 0) {
    options.report("warming up on the reads clients sent most before the last stop");
    await replayHistory(db, options.remembered, { log, warn });
  }
  options.report("warming up the GraphQL layer");
  await warmUpGraphql(execute, { seconds: options.seconds, log, warn });
  options.history?.start();
}
