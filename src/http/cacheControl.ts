// Cache-Control for every GraphQL answer, decided once per request from what it is, not per field (Apollo's
// cache-control plugin, which wraps every resolver, stays off): a query sent as GET without a token and answered
// without errors is public data that a browser or a CDN may keep for CACHE_MAX_AGE seconds; anything else — a
// mutation, a request with a token, a POST, an answer with errors — is `no-store`. ETags come from Express as before.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "../graphql/context";

export function cachePolicy(answer: {
  method: string | undefined;
  operation: string | undefined;
  hasToken: boolean;
  hasErrors: boolean;
  maxAgeS: number;
}): string {
  const cacheable =
    answer.method === "GET" &&
    answer.operation === "query" &&
    !answer.hasToken &&
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
              hasErrors: (response.body.singleResult.errors?.length ?? 0) > 0,
              maxAgeS,
            }),
          );
        },
      };
    },
  };
}
