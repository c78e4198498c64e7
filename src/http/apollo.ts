// The Apollo Server instance: schema, resolvers, limits, error formatting and plugins; shared by the HTTP server
// and by tests (executeOperation).
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { makeExecutableSchema, type IExecutableSchemaDefinition } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { loadConfig, type QueryLimits } from "../config";
import type { GraphQLContext } from "../graphql/context";
import { createFormatError } from "../graphql/formatError";
import { resolvers } from "../graphql/resolvers/index";
import { subgraphSchema } from "../graphql/federation";
import { withResponseBudget } from "../graphql/limits/responseBudget";
import { loadTypeDefs } from "../graphql/schema";
import { bookmarkPlugin } from "./answers/bookmarks";
import { queryLimits } from "./limits/queryLimits";
import { cacheControlPlugin } from "./answers/cacheControl";
import { documentCaches } from "./limits/documentCache";
import { errorLocationsPlugin } from "./answers/errorLocations";
import { overloadPlugin } from "./limits/overload";
import { responseSizePlugin } from "./limits/responseSize";
import { subscriptionsElsewherePlugin } from "./live/subscriptionsElsewhere";

export interface ApolloSettings {
  limits: QueryLimits;
  introspection: boolean;
  production: boolean;
  /** Where unexpected errors are logged (their details never reach clients in production). */
  logError: (error: unknown) => void;
  /** How long a browser or CDN may keep a public GET query's answer (CACHE_MAX_AGE); 0: never. */
  cacheMaxAgeS?: number;
  /** Serve the schema as an Apollo Federation 2 subgraph (FEDERATION; src/graphql/federation.ts). */
  federation?: boolean;
}

export const defaultApolloSettings = (): ApolloSettings => {
  const config = loadConfig({});
  return {
    limits: config.limits,
    introspection: true,
    production: false,
    logError: (e) => console.error(e),
    cacheMaxAgeS: config.cacheMaxAgeS,
    federation: config.federation,
  };
};

/** The executable schema: Apollo serves it over HTTP, and subscriptions (src/http/live/) over WebSocket and SSE. */
export function executableSchema(settings: Pick<ApolloSettings, "federation">): GraphQLSchema {
  const typeDefs = loadTypeDefs();
  // Every field counts against the request's MAX_RESPONSE_FIELDS as it is resolved (graphql/limits/responseBudget.ts).
  const budgeted = withResponseBudget(typeDefs, resolvers);
  // As a subgraph, the same SDL and resolvers plus the entity keys, _service and _entities; every limit below holds
  // for a gateway's requests as for any client's.
  return settings.federation
    ? subgraphSchema(typeDefs, budgeted)
    : makeExecutableSchema({ typeDefs, resolvers: budgeted as IExecutableSchemaDefinition["resolvers"] });
}

export function createApollo(
  plugins: ApolloServerPlugin<GraphQLContext>[] = [],
  settings: ApolloSettings = defaultApolloSettings(),
  schema: GraphQLSchema = executableSchema(settings),
): ApolloServer<GraphQLContext> {
  const limits = queryLimits(settings.limits, settings.production);
  const caches = documentCaches();
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: settings.introspection,
    // Off here, on in front of it for what needs it: http/access/csrf.ts refuses a form-like POST (which could carry a
    // mutation) and lets GET queries through as clients send them by default; Apollo refuses mutations over GET.
    csrfPrevention: false,
    // One operation per request: a batch would multiply every limit below.
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Parsed documents and persisted queries, in caches bounded by the bytes they really hold
    // (limits/documentCache.ts).
    documentStore: caches.documents,
    persistedQueries: { cache: caches.persistedQueries },
    // Stack traces go to the log, never to clients; outside production, unexpected errors keep their message.
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError({ exposeDetails: !settings.production, log: settings.logError }),
    // Apollo's own landing page loads from a CDN and shows nothing offline; our IDE is served by static.ts instead.
    // No cache hints are used; the cache-control plugin would otherwise wrap every field's resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      // A subgraph would otherwise time every field of any request that asks for a trace (Apollo Studio's ftv1
      // header) and send the timings back in the answer: nothing here collects them, and any client could ask.
      ApolloServerPluginInlineTraceDisabled(),
      ...limits.plugins,
      caches.plugin,
      // Documents are parsed without locations; errors that point into one get them back here.
      errorLocationsPlugin(),
      // An answer past MAX_RESPONSE_FIELDS is a 400 with one RESPONSE_TOO_LARGE error (before the 503s: retrying the
      // same request would not help).
      responseSizePlugin(),
      // OVERLOADED and SERVER_BUSY errors become a 503 with Retry-After.
      overloadPlugin(),
      cacheControlPlugin(settings.cacheMaxAgeS ?? 0),
      // A request that wrote answers with its bookmarks (Neo4j-Bookmark), for read-your-writes on any instance.
      bookmarkPlugin(),
      // A subscription sent as a query gets told where subscriptions run.
      subscriptionsElsewherePlugin(),
      ...plugins,
    ],
  });
}
