// The HTTP server: GraphQL at /graphql, the browser pages (IDE, explorer), health endpoints for load balancers,
// clean shutdown.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { Database } from "../graph/runtime/database";
import { ConcurrencyLimit } from "../graphql/limits/concurrency";
import { ArticleDrafting } from "../graphql/limits/articleDrafting";
import { createContext } from "../graphql/context";
import {
  DEFAULT_EXTRACTION,
  DEFAULT_SUBSCRIPTIONS,
  type ExtractionSettings,
  type SubscriptionSettings,
} from "../config";
import { createFormatError } from "../graphql/formatError";
import type { ChangeFeed } from "../graphql/live/changeFeed";
import { ExtractionPool } from "../ingest/drafting/extractionPool";
import { createLogger, type Logger } from "../logging";
import { createApollo, defaultApolloSettings, executableSchema, type ApolloSettings } from "./apollo";
import { authenticate, createAuthenticator } from "./access/auth";
import type { JwtSettings } from "./access/curators/jwt";
import { startLiveUpdates } from "./live/liveUpdates";
import type { Curators } from "../settings/tokensFile";
import { requestBookmarks } from "./answers/bookmarks";
import { varyOnRequestHeaders } from "./answers/cacheControl";
import { graphqlCors, refuseUnlistedPreflights } from "./access/cors";
import { refuseSimplePosts } from "./access/csrf";
import { limitDocumentSize } from "./limits/documentSize";
import { healthRouter, type Readiness } from "./health";
import { bodyErrors, rateLimiter, requestLog, type RequestLocals } from "./requests";
import { browserRouter } from "./static";
import { graphqlPost } from "./graphqlPost";
import { writeGatePlugin, type WriteGate } from "./limits/writeGate";

export interface ExecutionResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string }[];
}

export interface HttpServer {
  url: string;
  port: number;
  /** The process's tail of the change log, which every subscription shares (src/graphql/live/changeFeed.ts). */
  changeFeed: ChangeFeed;
  stop(): Promise<void>;
  /** Runs a read through this server's Apollo, as an anonymous request would (no HTTP): for the warm-up. */
  execute(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
}

export interface HttpOptions {
  db: Database;
  port: number;
  host: string;
  readiness: Readiness;
  /** Mutations wait here until the database is prepared (src/main.ts opens it once the seed is in); none: no wait. */
  writeGate?: WriteGate;
  /** The static token for writes (API_TOKEN); its holder is "api-token", an admin. */
  apiToken?: string;
  /** Named curators with their roles and token hashes (CURATORS_FILE, read at start-up). */
  curators?: Curators;
  /** JWTs accepted for writes (JWT_*): the subject is the actor, a claim gives the roles. */
  jwt?: JwtSettings;
  /** Serve the GraphQL IDE at /graphql to browsers (default true). */
  ideEnabled?: boolean;
  /** Origins whose pages may call /graphql (CORS); none by default: same-origin only. */
  corsOrigins?: readonly string[];
  /** Limits, introspection and production mode; defaults to the development defaults of src/config.ts. */
  apollo?: ApolloSettings;
  /** Requests per minute per client address; 0 or unset: no limit. */
  rateLimitPerMinute?: number;
  /** ingestArticle's extraction threads, deadline, heap and queue (default: DEFAULT_EXTRACTION). */
  extraction?: ExtractionSettings;
  /** Anonymous ingestArticle dry runs per minute per client address (default 10); 0: no limit. */
  ingestRatePerMinute?: number;
  logger?: Logger;
  /** How long shutdown waits for requests in flight. */
  shutdownGraceMs?: number;
  /** A client must have sent its whole request (headers and body) within this long, or gets 408 (default 30 s). */
  requestTimeoutMs?: number;
  /** ...and its headers within this long (default 10 s); at most requestTimeoutMs. */
  headersTimeoutMs?: number;
  /** Subscriptions' limits and the change log's tail (default DEFAULT_SUBSCRIPTIONS). */
  subscriptions?: SubscriptionSettings;
}

/**
 * Node checks the request and headers timeouts only every connectionsCheckingInterval (30 s by default), so a
 * trickling client would hold its socket up to 30 s past its deadline; checking every second makes them bite on time.
 */
function createNodeServer(
  app: express.Express,
  options: HttpOptions,
  fast?: ReturnType<typeof graphqlPost>,
): http.Server {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Node refuses a headers timeout above the request timeout; the default must not exceed a shorter one given alone.
  const headersTimeout = options.headersTimeoutMs ?? Math.min(10_000, requestTimeout);
  const serverOptions = { requestTimeout, headersTimeout, connectionsCheckingInterval: 1000 };
  if (!fast) return http.createServer(serverOptions, app);
  return http.createServer(serverOptions, (req, res) => {
    if (!fast(req, res)) void app(req, res);
  });
}

export async function startHttpServer(options: HttpOptions): Promise<HttpServer> {
  const app = express();
  const settings = options.apollo ?? {
    ...defaultApolloSettings(),
    logError: (e: unknown) => options.logger?.error({ err: e }, "unexpected error"),
  };
  const logger = options.logger ?? createLogger({ level: "silent", json: true });
  const logLevel = settings.production ? "info" : "debug";
  // The common POST skips Express (graphqlPost.ts); set once apollo exists, before the server listens.
  const route: { fast?: ReturnType<typeof graphqlPost> } = {};
  const plain = Boolean(options.corsOrigins?.length) || Boolean(options.rateLimitPerMinute);
  const httpServer = createNodeServer(app, options, plain ? undefined : (req, res) => route.fast!(req, res));
  const schema = executableSchema(settings);
  const expensive = new ConcurrencyLimit({
    max: settings.limits.maxConcurrentExpensive,
    maxWaitMs: settings.limits.expensiveWaitMs,
  });
  // This server's own extraction threads (ended when it stops) and the anonymous rate of ingestArticle.
  const drafting = new ArticleDrafting({
    pool: new ExtractionPool(options.extraction ?? DEFAULT_EXTRACTION),
    anonymousPerMinute: options.ingestRatePerMinute ?? 10,
  });
  const authenticator = createAuthenticator(options);
  // Subscriptions: WebSocket upgrades at /graphql, SSE at /graphql/stream, one tail of the change log.
  const live = startLiveUpdates({
    httpServer,
    schema,
    db: options.db,
    authenticator,
    settings: options.subscriptions ?? DEFAULT_SUBSCRIPTIONS,
    limits: settings.limits,
    production: settings.production,
    expensive,
    drafting,
    formatError: createFormatError({ exposeDetails: !settings.production, log: settings.logError }),
    logger,
  });
  const apollo = createApollo(
    [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000 }),
      // Open WebSockets and SSE streams are no requests in flight: they are closed when the server drains.
      { serverWillStart: async () => ({ drainServer: () => live.dispose() }) },
      ...(options.writeGate ? [writeGatePlugin(options.writeGate)] : []),
    ],
    settings,
    schema,
  );
  await apollo.start();
  const requestContext = async (req: http.IncomingMessage, locals: RequestLocals) => {
    const auth = await authenticate(req.headers, authenticator);
    const bookmarks = requestBookmarks(req.headers);
    const context = createContext(options.db, auth, expensive, bookmarks, {
      maxResponseFields: settings.limits.maxResponseFields,
      client: req.socket.remoteAddress ?? "unknown",
      drafting,
    });
    locals.context = context;
    return context;
  };
  route.fast = graphqlPost({
    apollo,
    context: requestContext,
    logger,
    level: logLevel,
    maxBodyBytes: settings.limits.maxBodyBytes,
    maxDocumentBytes: settings.limits.maxDocumentBytes,
  });

  app.disable("x-powered-by");
  app.use("/health", healthRouter(options.readiness));
  app.use("/graphql", varyOnRequestHeaders);
  app.use(browserRouter({ ideEnabled: options.ideEnabled ?? true }));
  app.use("/graphql", refuseUnlistedPreflights(options.corsOrigins ?? []));
  if (options.corsOrigins?.length) app.use("/graphql", graphqlCors(options.corsOrigins));
  app.use("/graphql", requestLog(logger, logLevel));
  if (options.rateLimitPerMinute) app.use("/graphql", rateLimiter(options.rateLimitPerMinute));
  app.use("/graphql/stream", refuseSimplePosts, live.sse);
  app.use(
    "/graphql",
    refuseSimplePosts,
    express.json({ limit: settings.limits.maxBodyBytes }),
    // Before Apollo hashes, parses or caches the text.
    limitDocumentSize(settings.limits.maxDocumentBytes),
    expressMiddleware(apollo, {
      context: ({ req, res }) => requestContext(req, res.locals as RequestLocals),
    }),
  );
  app.use(bodyErrors(logger, settings.limits.maxBodyBytes));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost =
    options.host === "0.0.0.0" || options.host === "127.0.0.1" || options.host === "::" ? "localhost" : options.host;
  const execute: HttpServer["execute"] = async (query, variables) => {
    const contextValue = createContext(options.db, undefined, expensive, [], {
      maxResponseFields: settings.limits.maxResponseFields,
      drafting,
    });
    const response = await apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== "single") throw new Error("an operation that streams cannot warm up");
    const { data, errors } = response.body.singleResult;
    return { data, errors };
  };
  const stop = async () => {
    await apollo.stop();
    await drafting.pool.close();
  };
  return { url: `http://${shownHost}:${port}/graphql`, port, stop, execute, changeFeed: live.feed };
}
