// The Apollo Server instance: schema, resolvers and plugins; shared by the HTTP server and by tests (executeOperation).
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { resolvers } from "../graphql/resolvers/index";
import { loadTypeDefs } from "../graphql/schema";
import type { GraphQLContext } from "../graphql/context";

export function createApollo(plugins: ApolloServerPlugin<GraphQLContext>[] = []): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    // On by default in Apollo Server 5; spelled out because CORS (server.ts) relies on it: a request a browser could
    // send cross-site without a preflight (a GET, a form-like POST) is refused unless it names a GraphQL-only header.
    csrfPrevention: true,
    // Apollo's own landing page loads from a CDN and shows nothing offline; our IDE is served by static.ts instead.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...plugins],
  });
}
