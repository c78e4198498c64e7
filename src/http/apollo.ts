// The Apollo Server instance: schema, resolvers, limits, error formatting and plugins; shared by the HTTP server
// and by tests (executeOperation).
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { loadConfig, type QueryLimits } from "../config";
import type { GraphQLContext } from "../graphql/context";
import { createFormatError } from "../graphql/formatError";
import { resolvers } from "../graphql/resolvers/index";
import { withResponseBudget } from "../graphql/responseBudget";
import { loadTypeDefs } from "../graphql/schema";
import { bookmarkPlugin } from "./bookmarks";
import { queryLimits } from "./limits";
import { cacheControlPlugin } from "./cacheControl";
import { documentCaches } from "./documentCache";
import { errorLocationsPlugin } from "./errorLocations";
import { overloadPlugin } from "./overload";
import { responseSizePlugin } from "./responseSize";

export interface ApolloSettings {
  limits: QueryLimits;
  introspection: boolean;
  production: boolean;
  /** Where unexpected errors are logged (their details never reach clients in production). */
  logError: (error: unknown) => void;
  /** How long a browser or CDN may keep a public GET query's answer (CACHE_MAX_AGE); 0: never. */
  cacheMaxAgeS?: number;
}

export const defaultApolloSettings = (): ApolloSettings => {
  const config = loadConfig({});
  return {
    limits: config.limits,
    introspection: true,
    production: false,
    logError: (e) => console.error(e),
    cacheMaxAgeS: config.cacheMaxAgeS,
  };
};

export function createApollo(
  plugins: ApolloServerPlugin<GraphQLContext>[] = [],
  settings: ApolloSettings = defaultApolloSettings(),
): ApolloServer<GraphQLContext> {
  const limits = queryLimits(settings.limits, settings.production);
  const caches = documentCaches();
  const typeDefs = loadTypeDefs();
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    // Every field counts against the request's MAX_RESPONSE_FIELDS as it is resolved (responseBudget.ts).
    resolvers: withResponseBudget(typeDefs, resolvers),
    introspection: settings.introspection,
    // Off here, on in front of it for what needs it: http/csrf.ts refuses a form-like POST (which could carry a
    // mutation) and lets GET queries through as clients send them by default; Apollo refuses mutations over GET.
    csrfPrevention: false,
    // One operation per request: a batch would multiply every limit below.
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Parsed documents and persisted queries, in caches bounded by the bytes they really hold (documentCache.ts).
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
      ...plugins,
    ],
  });
}
