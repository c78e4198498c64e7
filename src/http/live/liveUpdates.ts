// Live updates of the HTTP server: the process's one tail of the change log, and the two transports that serve
// subscriptions from it (WebSocket at /graphql, SSE at /graphql/stream), with their limits. Started with the server,
// disposed of when it stops (every socket and stream closed, the tail stopped).
import type { Server } from "node:http";
import type { RequestHandler, Response } from "express";
import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { QueryLimits } from "../../config";
import type { Database } from "../../graph/runtime/database";
import type { ArticleDrafting } from "../../graphql/limits/articleDrafting";
import type { ConcurrencyLimit } from "../../graphql/limits/concurrency";
import { createContext, type GraphQLContext } from "../../graphql/context";
import { ChangeFeed } from "../../graphql/live/changeFeed";
import type { Logger } from "../../logging";
import type { Authenticator } from "../access/auth";
import { ClientConnections } from "./clientConnections";
import type { SubscriptionSettings } from "../../config";
import { sseHandler } from "./sse";
import { subscribeChecks, type SubscribeCheck } from "./subscribeChecks";
import { serveWebSocket } from "./websocket";

/** What both transports need to run a subscription. */
export interface LiveWiring {
  settings: SubscriptionSettings;
  connections: ClientConnections;
  check: SubscribeCheck;
  maxMessageBytes: number;
  context(request: {
    authorization?: string;
    client: string;
    closeSlow(message: string): void;
  }): Promise<GraphQLContext>;
  /** An update as a client receives it: errors formatted as for queries (no internal details in production). */
  format(result: ExecutionResult): FormattedExecutionResult;
}

export interface LiveOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  db: Database;
  /** Who a token names (src/http/access/auth.ts), as for queries: Change.actor shows only to a request with one. */
  authenticator: Authenticator;
  settings: SubscriptionSettings;
  limits: QueryLimits;
  production: boolean;
  expensive: ConcurrencyLimit;
  drafting: ArticleDrafting;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}

export interface LiveUpdates {
  feed: ChangeFeed;
  /** Mount at /graphql/stream. */
  sse: RequestHandler;
  dispose(): Promise<void>;
}

export function startLiveUpdates(options: LiveOptions): LiveUpdates {
  const { settings, db, limits } = options;
  const feed = new ChangeFeed(db, {
    pollMs: settings.pollMs,
    onError: (error) => options.logger.warn({ err: error }, "reading the change log for subscriptions failed"),
  });
  const wiring: LiveWiring = {
    settings,
    connections: new ClientConnections(settings.connectionsPerClient),
    check: subscribeChecks(options.schema, limits, options.production),
    maxMessageBytes: limits.maxBodyBytes,
    context: async (request) => {
      const auth = await options.authenticator(request.authorization);
      const context = createContext(db, auth, options.expensive, [], {
        client: request.client,
        drafting: options.drafting,
        maxResponseFields: limits.maxResponseFields,
      });
      context.live = { feed, capacity: settings.buffer, closeSlow: request.closeSlow };
      return context;
    },
    format: (result) => ({
      ...result,
      ...(result.errors ? { errors: result.errors.map((e) => options.formatError(e.toJSON(), e)) } : {}),
    }),
  };
  const closeWebSockets = serveWebSocket(options.httpServer, options.schema, wiring);
  const streams = new Set<Response>();
  return {
    feed,
    sse: sseHandler(options.schema, wiring, streams),
    dispose: async () => {
      await closeWebSockets();
      for (const res of streams) res.end();
      feed.stop();
    },
  };
}
