// The HTTP server: GraphQL at /graphql, the browser pages (IDE, explorer), health endpoints for load balancers,
// clean shutdown.
import http from "node:http";
import type { AddressInfo } from "node:net";
import cors from "cors";
import express from "express";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { Database } from "../graph/database";
import { createContext } from "../graphql/context";
import { createApollo } from "./apollo";
import { authenticate } from "./auth";
import { healthRouter, type Readiness } from "./health";
import { browserRouter } from "./static";

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
  /** Serve the GraphQL IDE at /graphql to browsers (default true). */
  ideEnabled?: boolean;
  /** Origins whose pages may call /graphql (CORS); none by default: same-origin only. */
  corsOrigins?: readonly string[];
}

/**
 * CORS for pages served elsewhere: only the listed origins get Access-Control-Allow-Origin. Apollo's CSRF prevention
 * stays on whatever this allows: a GET or a form-like POST without a preflight-forcing header is refused.
 */
function graphqlCors(origins: readonly string[]) {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name"],
    maxAge: 600,
  });
}

export async function startHttpServer(options: HttpOptions): Promise<HttpServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = createApollo([ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.disable("x-powered-by");
  app.use("/health", healthRouter(options.readiness));
  app.use(browserRouter({ ideEnabled: options.ideEnabled ?? true }));
  if (options.corsOrigins?.length) app.use("/graphql", graphqlCors(options.corsOrigins));
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
