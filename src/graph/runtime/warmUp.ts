// A few representative reads run once at start-up, before the server says it is ready: Neo4j plans and caches
// their Cypher and warms its page cache, Node compiles the mapping code, so the first users do not pay for that.
import type { Database } from "./database";
import { nodeWithLinks } from "../reads/nodeWithLinks";
import type { RememberedQuery } from "./queryHistory";
import { shortestPath } from "../reads/paths";
import { ALL_STATEMENT_PARTS } from "../projections";
import type { StatementRow } from "../rows";
import { searchPage } from "../reads/search";
import { statementPages, type StatementQuery } from "../reads/statements";

export interface WarmUpOptions {
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Start-up waits at most this long; queries still running then finish in the background. */
  budgetMs?: number;
}

export const WARM_UP_BUDGET_MS = 5_000;

/** The first page of the root statement list as clients ask for it most: newest first, every part, with a total. */
const LATEST: StatementQuery = {
  filter: {},
  order: "SAID_ON_DESC",
  size: 20,
  parts: ALL_STATEMENT_PARTS,
  withTotal: true,
};

/** A word of a statement to search for: its longest, so the full-text index has something to find. */
function searchWord(statement: StatementRow | undefined): string {
  const words = statement?.text.match(/\p{L}{4,}/gu) ?? [];
  return words.sort((a, b) => b.length - a.length)[0] ?? "statement";
}

/** Each step's query is one the API sends, built by the same builders, on ids taken from the graph itself. */
async function runQueries(db: Database): Promise<number> {
  const [page] = await statementPages(db, LATEST);
  const statements = page?.items.map((item) => item.node) ?? [];
  const speakers = [...new Set(statements.flatMap((s) => (s.speaker ? [s.speaker.id] : [])))];
  let queries = 1;
  const [first, second] = speakers;
  if (first) {
    await nodeWithLinks(db, first, { neighbours: [], statements: { ...LATEST, anchor: "said" } });
    queries += 1;
  }
  await searchPage(db, { text: searchWord(statements[0]), size: 20, parts: ALL_STATEMENT_PARTS, withTotal: false });
  queries += 1;
  if (first && second) {
    await shortestPath(db, first, second, 4, ALL_STATEMENT_PARTS);
    queries += 1;
  }
  return queries;
}

/** Never throws, and returns within budgetMs: a failed or slow warm-up only costs the first users some speed. */
export async function warmUp(db: Database, options: WarmUpOptions): Promise<void> {
  const budgetMs = options.budgetMs ?? WARM_UP_BUDGET_MS;
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), budgetMs)));
  try {
    const done = await Promise.race([runQueries(db), outOfTime]);
    if (done === "timeout") options.warn(`Warm-up: not finished after ${budgetMs} ms; going on without it`);
    else options.log(`Warm-up: ${done} representative queries in ${Date.now() - started} ms`);
  } catch (e) {
    options.warn(`Warm-up failed (the server starts anyway): ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

export interface ReplayOptions extends WarmUpOptions {
  /** Runs of each query at most. */
  runs?: number;
  /** Queries running at once. */
  concurrency?: number;
}

/** Remembered queries replayed at most (the most frequent), runs of each, and the time they may take in all. */
export const REPLAYED_QUERIES = 30;
export const REPLAY_RUNS = 10;
export const REPLAY_BUDGET_MS = 20_000;

/**
 * The reads the last run sent most (queryHistory.ts), each run again up to `runs` times, a few at once, within the
 * budget: the first run of each gets it planned and cached by Neo4j, the next ones get the plan's code compiled by the
 * JVM. A query that fails (a text of an older version, say) is dropped. Returns within the budget (runs still going
 * then finish in the background, and none starts after it; a run can take up to NEO4J_TX_TIMEOUT_MS, so waiting for
 * it made a 20 s replay take 24.8 s). Never throws; returns the runs done by then.
 */
export async function replayHistory(
  db: Database,
  queries: readonly RememberedQuery[],
  options: ReplayOptions,
): Promise<number> {
  const chosen = queries.slice(0, REPLAYED_QUERIES);
  if (chosen.length === 0) return 0;
  const started = Date.now();
  const until = started + (options.budgetMs ?? REPLAY_BUDGET_MS);
  const runs = options.runs ?? REPLAY_RUNS;
  // Round by round, so that every query is planned before any runs twice.
  const queue = Array.from({ length: runs }, () => chosen).flat();
  const failed = new Set<string>();
  let done = 0;
  const worker = async () => {
    for (let next = queue.shift(); next && Date.now() < until; next = queue.shift()) {
      if (failed.has(next.cypher)) continue;
      try {
        await db.read(next.cypher, next.params);
        done += 1;
      } catch {
        failed.add(next.cypher);
      }
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, until - Date.now()))));
  await Promise.race([Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker)), outOfTime]);
  clearTimeout(timer);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const cut = queue.length > 0 ? ` (out of time: ${queue.length} runs left out)` : "";
  options.log(`Warm-up: ${chosen.length} reads of the last run, ${done} runs in ${seconds} s${cut}`);
  if (failed.size > 0) options.warn(`Warm-up: ${failed.size} reads of the last run failed and were left out`);
  return done;
}
