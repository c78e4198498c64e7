// What every resolver receives: the data layer scoped to one request (its own query counter), its batch loaders,
// and whether the request may write.
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

export function createContext(
  db: Database,
  auth: Auth = { canWrite: false, reason: "no token was sent" },
  expensive: ConcurrencyLimit = processWide,
): GraphQLContext {
  const scoped = db.withCounter();
  return { db: scoped, loaders: createLoaders(scoped, expensive), auth, expensive };
}
