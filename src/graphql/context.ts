// What every resolver receives: the data layer scoped to one request (its own query counter and bookmarks), its
// batch loaders, and who sent it (whose writes the change log records).
import type { Database } from "../graph/runtime/database";
import { loadConfig } from "../config";
import { processWideDrafting, type ArticleDrafting } from "./limits/articleDrafting";
import { ConcurrencyLimit } from "./limits/concurrency";
import type { ChangeFeed } from "./live/changeFeed";
import { createLoaders, type Loaders } from "./fetching/loaders";
import { ResponseBudget } from "./limits/responseBudget";
import type { Identity } from "./roles";

/**
 * Who sent the request, as its bearer token says (src/http/access/auth.ts): the identity of a valid token, or why
 * there is none (no token, an unknown or expired one), for the UNAUTHENTICATED a mutation then gets.
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
  /** Set for subscriptions (WebSocket, SSE): the process's tail of the change log and this subscriber's limits. */
  live?: LiveSession;
  /** Set on the context one update of a subscription is resolved with (contextForUpdate). */
  update?: true;
}

export interface LiveSession {
  feed: ChangeFeed;
  /** Updates that may wait for one subscriber before it is closed (SUBSCRIPTION_BUFFER). */
  capacity: number;
  /** Closes this subscriber's connection with a clear code and reason: it fell too far behind. */
  closeSlow(message: string): void;
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

/**
 * A subscription keeps its context for as long as it runs; each update it sends is resolved with a context of its
 * own: loaders made for it (shared with the other updates of the same batch of the change log, see
 * src/graphql/live/sharedExecution.ts) and a fresh response budget, so that nothing it read stays cached or counted.
 */
export function contextForUpdate(ctx: GraphQLContext, loaders: Loaders): GraphQLContext {
  return { ...ctx, loaders, budget: new ResponseBudget(ctx.budget.maxFields), update: true };
}

/** For an update resolved without contextForUpdate (graphql-js's own subscribe): fresh loaders and budget in place. */
export function renewForUpdate(ctx: GraphQLContext): void {
  ctx.loaders = createLoaders(ctx.db, ctx.expensive);
  ctx.budget = new ResponseBudget(ctx.budget.maxFields);
}
