// A few representative reads run once at start-up, before the server says it is ready: Neo4j plans and caches
// their Cypher and warms its page cache, Node compiles the mapping code, so the first users do not pay for that.
// The reads of the last run are replayed after these (replayHistory in ../runtime/queryHistory.ts).
import type { Database } from "../runtime/database";
import { nodeWithLinks } from "./nodeWithLinks";
import { shortestPath } from "./paths";
import { ALL_STATEMENT_PARTS } from "../projections";
import type { StatementRow } from "../rows";
import { searchPage } from "./search";
import { statementPages, type StatementQuery } from "./statements";

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
