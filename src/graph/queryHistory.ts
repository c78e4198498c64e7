// The reads this server sent most, kept across restarts so that the next start warms up on them. Neo4j plans a Cypher
// text the first time it runs (0.3–1 s of CPU for a statement page on a 2-core machine) and its JVM compiles the
// code of a plan only once it runs often, so a server that restarts (a deploy) answered its clients' usual queries
// several times slower for its first minute. A client's selection decides the Cypher text, so only the texts clients
// actually sent say what to warm up: each read is counted here by its text, with the parameters of its last run,
// written to a file when the server stops (QUERY_HISTORY_FILE, next to the database by default) and run again by the
// warm-up of the next start (replayHistory in warmUp.ts). Only reads are kept: replaying one changes nothing.
import fs from "node:fs";
import path from "node:path";
import type { Params } from "./database";

export interface RememberedQuery {
  cypher: string;
  params: Params;
  /** How often it ran since the history began (counts carry over from the file it was read from). */
  count: number;
}

/** Distinct texts counted at most; a text first seen once this many are counted is not counted. */
export const HISTORY_CAPACITY = 500;
/** Texts written to the file: the most frequent. */
export const HISTORY_KEPT = 100;

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

export class QueryHistory {
  private readonly queries = new Map<string, { params: Params; count: number }>();
  /** Off until the server's own warm-up is over: its reads are not what clients send. */
  private recording = false;

  /** `earlier` counts for half, so that queries clients stopped sending fade from the file over a few restarts. */
  constructor(
    earlier: readonly RememberedQuery[] = [],
    private readonly capacity = HISTORY_CAPACITY,
  ) {
    for (const query of earlier.slice(0, capacity)) {
      this.queries.set(query.cypher, { params: query.params, count: Math.ceil(query.count / 2) });
    }
  }

  /** Counts the reads from now on. */
  start(): void {
    this.recording = true;
  }

  record(cypher: string, params: Params): void {
    if (!this.recording) return;
    const known = this.queries.get(cypher);
    if (known) {
      known.count += 1;
      known.params = params;
    } else if (this.queries.size < this.capacity && plain(params)) {
      this.queries.set(cypher, { params, count: 1 });
    }
  }

  /** The most frequent first (ties: the text first counted first). */
  top(limit = HISTORY_KEPT): RememberedQuery[] {
    return [...this.queries]
      .map(([cypher, { params, count }]) => ({ cypher, params, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, limit);
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
