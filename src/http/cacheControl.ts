// Cache-Control for every GraphQL answer, decided once per request from what it is, not per field (Apollo's
// cache-control plugin, which wraps every resolver, stays off): a query sent as GET without a token and answered
// without errors is public data that a browser or a CDN may keep for CACHE_MAX_AGE seconds; anything else — a
// mutation, a request with a token or a Neo4j-Bookmark, a POST, an answer with errors — is `no-store`. ETags come
// from Express as before.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "../graphql/context";

export function cachePolicy(answer: {
  method: string | undefined;
  operation: string | undefined;
  hasToken: boolean;
  /**
   * The request sent a Neo4j-Bookmark: `no-store`, not `private`. Its answer is of use to no one else, and hardly to
   * its own browser either: answers vary with the header (bookmarks.ts), and a bookmark is rarely sent twice.
   */
  hasBookmark?: boolean;
  hasErrors: boolean;
  maxAgeS: number;
}): string {
  const cacheable =
    answer.method === "GET" &&
    answer.operation === "query" &&
    !answer.hasToken &&
    !answer.hasBookmark &&
    !answer.hasErrors &&
    answer.maxAgeS > 0;
  return cacheable ? `public, max-age=${answer.maxAgeS}` : "no-store";
}

export function cacheControlPlugin(maxAgeS: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, operation, response }) {
          if (response.body.kind !== "single") return;
          response.http.headers.set(
            "cache-control",
            cachePolicy({
              method: request.http?.method,
              operation: operation?.operation,
              hasToken: Boolean(request.http?.headers.get("authorization")),
              hasBookmark: Boolean(request.http?.headers.get("neo4j-bookmark")?.trim()),
              hasErrors: (response.body.singleResult.errors?.length ?? 0) > 0,
              maxAgeS,
            }),
          );
        },
      };
    },
  };
}
