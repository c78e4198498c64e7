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
    // Apollo's own landing page loads from a CDN and shows nothing offline.
    plugins: [ApolloServerPluginLandingPageDisabled(), ...plugins],
  });
}
