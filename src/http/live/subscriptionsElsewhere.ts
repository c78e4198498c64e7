// A subscription posted to /graphql like a query: Apollo Server runs no subscriptions over HTTP, so the client is told
// where they run instead of getting a resolver's failure.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { GraphQLContext } from "../../graphql/context";

export function subscriptionsElsewherePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== "subscription") return;
          throw new GraphQLError(
            "Subscriptions run over WebSocket at this same URL (the graphql-ws protocol, graphql-transport-ws) or " +
              "over Server-Sent Events at /graphql/stream, not as an HTTP query (docs/live-updates.md)",
            { extensions: { code: "BAD_REQUEST", http: { status: 400 } } },
          );
        },
      };
    },
  };
}
