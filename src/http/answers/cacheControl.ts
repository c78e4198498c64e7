// Cache-Control for every GraphQL answer, decided once per request from what it is, not per field (Apollo's
// cache-control plugin, which wraps every resolver, stays off): a query sent as GET without a token and answered
// without errors is public data that a browser or a CDN may keep for CACHE_MAX_AGE seconds; anything else — a
// mutation, a request with a token or a Neo4j-Bookmark, a POST, an answer with errors — is `no-store`. ETags come
// from Express as before. What a cache may keep is the same for everyone: its body holds nothing of the request
// that made it (the request id is a response header only), and `Vary` names every request header that changes it.
import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import type { GraphQLContext } from "../../graphql/context";
import { BOOKMARK_HEADER } from "./bookmarks";

/**
 * The request headers an answer at /graphql depends on: `Accept` picks the media type (application/json or
 * application/graphql-response+json, and the IDE's page for a browser), `Authorization` whether the answer may be
 * public at all (a shared cache must not answer a request with a token from an anonymous answer), Neo4j-Bookmark how
 * fresh it must be, and `Accept-Encoding` its encoding: this server compresses nothing, but a proxy in front may, and
 * caches normalise that header.
 */
export const VARIED_REQUEST_HEADERS = ["Accept", "Accept-Encoding", "Authorization", BOOKMARK_HEADER] as const;

/**
 * Sets Vary on every answer at /graphql, before the IDE's page or Apollo answer: Apollo replaces the headers it
 * sets itself, and res.vary() adds to what is there (CORS adds Origin).
 */
export const varyOnRequestHeaders: RequestHandler = (_req, res, next) => {
  res.vary([...VARIED_REQUEST_HEADERS].join(", "));
  next();
};

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
  // The request id (x-request-id) is this request's alone: a shared cache must not store it for the next client.
  return cacheable ? `public, max-age=${answer.maxAgeS}, private="x-request-id"` : "no-store";
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
