// The reads this server sent most, kept across restarts so that the next start warms up on them. Neo4j plans a Cypher
// text the first time it runs (0.3–1 s of CPU for a statement page on a 2-core machine) and its JVM compiles the
// code of a plan only once it runs often, so a server that restarts (a deploy) answered its clients' usual queries
// several times slower for its first minute. A client's selection decides the Cypher text, so only the texts clients
// actually sent say what to warm up: each read is counted here by its text, written to a file when the server stops
// (QUERY_HISTORY_FILE, next to the database by default) and run again by the warm-up of the next start
// (replayHistory, below). Only reads are kept: replaying one changes nothing.
//
// What it keeps is the shape of what clients asked, not what they asked for: the parameters of a read are kept with
// every string replaced by a placeholder (ids, words searched for, names, cursors; a date stays a date, so that
// date() still takes it), numbers, booleans and nulls as they were (page sizes, depths), so a replay has Neo4j plan
// and run the same text with parameters of the same types (both are its plan's key) on nothing anyone looked for.
// QUERY_HISTORY_VALUES=true keeps the values of each text's last run instead, for replays that read what clients
// read. And what it counts is how long a text was in use, not how often it was sent: a text counts at most once a
// second, so a flood of one query (right after a start, say) counts no more than the same seconds of steady use, and
// a flood of distinct texts makes room by dropping the least counted, never the texts counted most.
import fs from "node:fs";
import path from "node:path";
import type { Database, Params } from "./database";

export interface RememberedQuery {
  cypher: string;
  params: Params;
  /** In how many seconds it ran since the history began (counts carry over from the file it was read from). */
  count: number;
}

/** Distinct texts counted at most; once full, the less counted half makes room for new ones. */
export const HISTORY_CAPACITY = 500;
/** Texts written to the file: the most counted. */
export const HISTORY_KEPT = 100;
/** A text counts at most once in this long. */
export const COUNT_INTERVAL_MS = 1000;
/** What a string parameter becomes in the history (QUERY_HISTORY_VALUES off); a date becomes PLACEHOLDER_DATE. */
export const PLACEHOLDER = "warmup";
export const PLACEHOLDER_DATE = "2000-01-01";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Values JSON keeps as they are, so that a replay sends parameters of the same types (part of Neo4j's plan key). */
function plain(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(plain);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, unknown>).every(plain);
  }
  return false;
}

/** A plain value with every string replaced by a placeholder of the same kind (a date by a date). */
export function shapeOf<T>(value: T): T {
  if (typeof value === "string") return (ISO_DATE.test(value) ? PLACEHOLDER_DATE : PLACEHOLDER) as T;
  if (Array.isArray(value)) return value.map(shapeOf) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)])) as T;
  }
  return value;
}

export interface HistoryOptions {
  /** Distinct texts counted at most (HISTORY_CAPACITY). */
  capacity?: number;
  /** Keep the parameters' values (QUERY_HISTORY_VALUES); otherwise their shapes only. */
  keepValues?: boolean;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

export class QueryHistory {
  private readonly queries = new Map<string, { params: Params; count: number; countedAt: number }>();
  /** Off until the server's own warm-up is over: its reads are not what clients send. */
  private recording = false;
  private readonly capacity: number;
  private readonly keepValues: boolean;
  private readonly now: () => number;

  /** `earlier` counts for half, so that queries clients stopped sending fade from the file over a few restarts. */
  constructor(earlier: readonly RememberedQuery[] = [], options: HistoryOptions = {}) {
    this.capacity = options.capacity ?? HISTORY_CAPACITY;
    this.keepValues = options.keepValues ?? false;
    this.now = options.now ?? Date.now;
    for (const query of earlier.slice(0, this.capacity)) {
      const count = Math.ceil(query.count / 2);
      this.queries.set(query.cypher, { params: this.kept(query.params), count, countedAt: -Infinity });
    }
  }

  /** Counts the reads from now on. */
  start(): void {
    this.recording = true;
  }

  record(cypher: string, params: Params): void {
    if (!this.recording) return;
    const now = this.now();
    const known = this.queries.get(cypher);
    if (known) {
      if (now - known.countedAt < COUNT_INTERVAL_MS) return;
      known.count += 1;
      known.countedAt = now;
      if (this.keepValues) known.params = params;
    } else if (plain(params)) {
      if (this.queries.size >= this.capacity) this.makeRoom();
      this.queries.set(cypher, { params: this.kept(params), count: 1, countedAt: now });
    }
  }

  /** The most counted first (ties: the text first counted first). */
  top(limit = HISTORY_KEPT): RememberedQuery[] {
    return [...this.queries]
      .map(([cypher, { params, count }]) => ({ cypher, params, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, limit);
  }

  private kept(params: Params): Params {
    return this.keepValues ? params : shapeOf(params);
  }

  /** Drops the less counted half (the later counted among equals), keeping the order of the rest. */
  private makeRoom(): void {
    const kept = new Set(this.top(Math.floor(this.capacity / 2)).map((query) => query.cypher));
    for (const cypher of this.queries.keys()) if (!kept.has(cypher)) this.queries.delete(cypher);
  }
}

/** What a history file holds; anything else in it (another version, a damaged file) is ignored. */
export function parseHistory(text: string): RememberedQuery[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const queries = (data as { queries?: unknown } | null)?.queries;
  if (!Array.isArray(queries)) return [];
  return queries.filter(
    (q): q is RememberedQuery =>
      typeof q?.cypher === "string" &&
      Number.isSafeInteger(q.count) &&
      q.count > 0 &&
      typeof q.params === "object" &&
      q.params !== null &&
      plain(q.params),
  );
}

/** The history in a file; none when there is no file or it cannot be read. */
export function readHistory(file: string): RememberedQuery[] {
  try {
    return parseHistory(fs.readFileSync(file, "utf8"));
  } catch {
    return [];
  }
}

/** Written whole or not at all (a temporary file renamed over it), readable by its owner only. */
export function writeHistory(file: string, history: QueryHistory): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ version: 1, queries: history.top() }), { mode: 0o600 });
  fs.renameSync(temporary, file);
}

export interface ReplayOptions {
  log: (line: string) => void;
  warn: (line: string) => void;
  /** The replay takes at most this long in all (REPLAY_BUDGET_MS). */
  budgetMs?: number;
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
 * The reads the last run sent most (readHistory), each run again up to `runs` times, a few at once, within the
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
