// What every resolver receives: the data layer scoped to one request (its own query counter and bookmarks), its
// batch loaders, and who sent it (whose writes the change log records).
import type { Database } from "../graph/runtime/database";
import { loadConfig } from "../config";
import { processWideDrafting, type ArticleDrafting } from "./limits/articleDrafting";
import { ConcurrencyLimit } from "./limits/concurrency";
import { createLoaders, type Loaders } from "./fetching/loaders";
import { ResponseBudget } from "./limits/responseBudget";
import type { Identity } from "./roles";

/**
 * Who sent the request, as its bearer token says (src/http/auth.ts): the identity of a valid token, or why there is
 * none (no token, an unknown or expired one), for the UNAUTHENTICATED a mutation then gets.
 */
export type Auth = { identity: Identity; reason?: undefined } | { identity?: undefined; reason: string };

export interface GraphQLContext {
  db: Database;
  loaders: Loaders;
  auth: Auth;
  /** The process-wide cap on expensive operations (timeline, search, path, source texts). */
  expensive: ConcurrencyLimit;
  /** The extraction pool and the anonymous rate of ingestArticle (src/graphql/limits/articleDrafting.ts). */
  drafting: ArticleDrafting;
  /** The client's address, for per-client limits; "local" for in-process callers. */
  client: string;
  /** The fields this request's answer may still hold (MAX_RESPONSE_FIELDS); every resolved field counts. */
  budget: ResponseBudget;
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
  auth: Auth = { reason: "no token was sent" },
  expensive: ConcurrencyLimit = processWide,
  bookmarks: readonly string[] = [],
  request: { client?: string; drafting?: ArticleDrafting; maxResponseFields?: number } = {},
): GraphQLContext {
  const scoped = db.withCounter();
  scoped.bookmarks.add(bookmarks);
  const drafting = request.drafting ?? processWideDrafting;
  // The most fields the answer may hold: MAX_RESPONSE_FIELDS (src/graphql/limits/responseBudget.ts).
  const budget = new ResponseBudget(request.maxResponseFields ?? limits.maxResponseFields);
  const loaders = createLoaders(scoped, expensive);
  return { db: scoped, loaders, auth, expensive, drafting, client: request.client ?? "local", budget };
}
