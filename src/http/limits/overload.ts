// A server that cannot take the work is an HTTP 503 with Retry-After, so clients, proxies and load balancers back off
// the way HTTP says to: an overloaded database (OVERLOADED, from formatError) and expensive operations that got no
// turn in time (SERVER_BUSY, src/graphql/limits/concurrency.ts), each with extensions.retryAfterSeconds. This plugin
// only turns them into the status and the header once the response is complete.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "../../graphql/context";

/** The codes that mean "the server refused work; retry later", never a 200. */
const REFUSED_WORK = new Set(["OVERLOADED", "SERVER_BUSY"]);

/**
 * Any error with code OVERLOADED or SERVER_BUSY makes the whole response a 503, even when other fields of the
 * operation were answered (their data is still in the body): the operation is incomplete because the server refused
 * work, and retrying all of it after Retry-After is what a client should do. Retry-After is the longest any error asks
 * for.
 */
export function overloadPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          let retryAfter = 0;
          for (const error of response.body.singleResult.errors ?? []) {
            if (!REFUSED_WORK.has(String(error.extensions?.code))) continue;
            const seconds = Number(error.extensions?.retryAfterSeconds);
            retryAfter = Math.max(retryAfter, Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1);
          }
          if (retryAfter === 0) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(retryAfter));
        },
      };
    },
  };
}
