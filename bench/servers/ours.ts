// Child process: this project's GraphQL server (startHttpServer, as `npm start` serves it) on a free loopback port over
// the benchmark's Neo4j. It counts the Neo4j queries of every request (Database.withCounter) and can record their
// Cypher.
import { Database, QueryCounter } from "../../src/graph/runtime/database";
import { startHttpServer, type HttpServer } from "../../src/http/server";
import { toNeo4jParams } from "../../src/graph/values";
import { serveParent } from "../ipc/child";
import { Recorder, type RecordedQuery, type ServerStart } from "./stats";

const recorder = new Recorder();
const { stats } = recorder;

/** A counter that also adds to the process-wide total, so the parent can divide queries by requests. */
function totallingCounter(): QueryCounter {
  return new Proxy(new QueryCounter(), {
    set(counter, key, value: number) {
      if (key === "queries") stats.queries += value - counter.queries;
      return Reflect.set(counter, key, value);
    },
  });
}

/** The request's view of the database, with every read's Cypher noted while recording. */
function recordingView(db: Database, into: RecordedQuery[]): Database {
  return new Proxy(db, {
    get(target, key) {
      if (key === "read") {
        return (cypher: string, params: Record<string, unknown> = {}) => {
          into.push({ cypher, params });
          return target.read(cypher, params);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** createContext() calls withCounter() once per request: that is where requests are counted. */
function instrumented(db: Database): Database {
  return new Proxy(db, {
    get(target, key) {
      if (key === "withCounter") {
        return () => {
          stats.requests += 1;
          const scoped = target.withCounter(totallingCounter());
          return recorder.recording ? recordingView(scoped, recorder.recording) : scoped;
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

let db: Database | undefined;
let http: HttpServer | undefined;

serveParent(
  {
    async start({ connection }: ServerStart) {
      db = Database.connect({ ...connection, txTimeoutMs: 15_000 });
      await db.verifyConnectivity();
      http = await startHttpServer({
        db: instrumented(db),
        port: 0,
        host: "127.0.0.1",
        ideEnabled: false,
        readiness: { check: async () => [] },
      });
      return { url: `http://127.0.0.1:${http.port}/graphql` };
    },
    ...recorder.handlers(
      () => db?.driver,
      (params) => toNeo4jParams(params) as Record<string, unknown>,
    ),
  },
  async () => {
    await http?.stop();
    await db?.close();
  },
);
