// The HTTP server: GraphQL at /graphql, health endpoints for load balancers, clean shutdown.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { Database } from "../graph/database";
import { createContext } from "../graphql/context";
import { createApollo } from "./apollo";
import { authenticate } from "./auth";
import { healthRouter, type Readiness } from "./health";

export interface HttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface HttpOptions {
  db: Database;
  port: number;
  host: string;
  readiness: Readiness;
  apiToken?: string;
}

export async function startHttpServer(options: HttpOptions): Promise<HttpServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApollo([ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.disable("x-powered-by");
  app.use("/health", healthRouter(options.readiness));
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(options.db, authenticate(req.headers, options.apiToken)) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = options.host === "0.0.0.0" || options.host === "127.0.0.1" || options.host === "::" ? "localhost" : options.host;
  return { url: `http://${shownHost}:${port}/graphql`, port, stop: () => apollo.stop() };
}
