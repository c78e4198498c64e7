// What every resolver receives: the data layer scoped to one request (its own query counter and bookmarks), its
// batch loaders, and whether the request may write.
import type { Database } from "../graph/database";
import { loadConfig } from "../config";
import { ConcurrencyLimit } from "./concurrency";
import { createLoaders, type Loaders } from "./loaders";

export interface Auth {
  /** True when the request carried "Authorization: Bearer <API_TOKEN>". */
  canWrite: boolean;
  /** Why it cannot, for the error message. */
  reason?: string;
}

export interface GraphQLContext {
  db: Database;
  loaders: Loaders;
  auth: Auth;
  /** The process-wide cap on expensive operations (timeline, search, path, source texts). */
  expensive: ConcurrencyLimit;
}

// The HTTP server makes its own from the configuration; this one serves in-process callers (tests, benchmarks).
const { limits } = loadConfig({});
const processWide = new ConcurrencyLimit({ max: limits.maxConcurrentExpensive, maxWaitMs: limits.expensiveWaitMs });

/**
 * @param bookmarks what the client's earlier writes left (the Neo4j-Bookmark header): every read of this request waits
 *   until the database has reached them; the request's own writes are added to them (`db.bookmarks.written`).
 */
export function createContext(
  db: Database,
  auth: Auth = { canWrite: false, reason: "no token was sent" },
  expensive: ConcurrencyLimit = processWide,
  bookmarks: readonly string[] = [],
): GraphQLContext {
  const scoped = db.withCounter();
  scoped.bookmarks.add(bookmarks);
  return { db: scoped, loaders: createLoaders(scoped, expensive), auth, expensive };
}
