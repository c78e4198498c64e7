// Child process: the peer, @neo4j/graphql 7 with the equivalent type definitions, served by Apollo Server on express
// (the same HTTP stack as this project) on a free loopback port. A Proxy around the driver it is given counts, and can
// record, every query the library sends.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j, { type Driver, type ManagedTransaction, type Session } from "neo4j-driver";
import { serveParent } from "../ipc/child";
import { peerTypeDefs } from "../peer/typeDefs";
import { Recorder, type ServerStart } from "./stats";

const recorder = new Recorder();
const { stats } = recorder;

function bound<T extends object>(target: T, key: string | symbol): unknown {
  const value: unknown = Reflect.get(target, key, target);
  return typeof value === "function" ? value.bind(target) : value;
}

function countingTransaction(tx: ManagedTransaction): ManagedTransaction {
  return new Proxy(tx, {
    get: (target, key) =>
      key === "run"
        ? (cypher: string, params?: unknown) => (recorder.sent(cypher, params), target.run(cypher, params as never))
        : bound(target, key),
  });
}

function countingSession(session: Session): Session {
  return new Proxy(session, {
    get(target, key) {
      if (key === "run")
        return (cypher: string, params?: unknown, config?: never) => (
          recorder.sent(cypher, params),
          target.run(cypher, params as never, config)
        );
      if (key === "executeRead" || key === "executeWrite") {
        return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: never) =>
          target[key]((tx) => work(countingTransaction(tx)), config);
      }
      return bound(target, key);
    },
  });
}

function countingDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get: (target, key) =>
      key === "session" ? (config?: never) => countingSession(target.session(config)) : bound(target, key),
  });
}

let driver: Driver | undefined;
let apollo: ApolloServer | undefined;

async function start({ connection }: ServerStart): Promise<{ url: string }> {
  driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: 100,
  });
  await driver.verifyConnectivity();
  const schema = await new Neo4jGraphQL({ typeDefs: peerTypeDefs, driver: countingDriver(driver) }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  apollo = new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async requestDidStart() {
          stats.requests += 1;
        },
      },
    ],
  });
  await apollo.start();
  app.use("/graphql", express.json({ limit: "1mb" }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql` };
}

serveParent(
  {
    start,
    ...recorder.handlers(() => driver),
  },
  async () => {
    await apollo?.stop();
    await driver?.close();
  },
);
