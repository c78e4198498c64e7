// npm run bench:layers -- [--statements 10000] [--shapes personPage,statePage] [--requests 2000] [--rounds 3]
// Where this server's Node CPU per request goes, layer by layer, on the shape suite's data (bench/.data/shapes/): for
// each shape, the hand-written Cypher as the limit asks it (session.run, toObject), this server's own Cypher asked
// the same way, the same Cypher through the data layer (Database.read), the whole GraphQL operation through Apollo
// (executeOperation), and over HTTP: this server (startHttpServer), and the same Apollo behind a bare node:http server
// (executeOperation, and executeHTTPGraphQLRequest). In-process ways from 8 concurrent callers, HTTP from autocannon
// in a process of its own with 8 connections; every way in turn, rounds apart; CPU of this process from
// process.cpuUsage (the median of the rounds). The differences say what the Cypher's answer costs the driver, what
// the data layer, GraphQL and the HTTP stack each add. SHARE_QUEUED_READS is off here: 8 callers in lockstep would
// otherwise join each other's reads.
import { parseArgs } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { Database } from "../../src/graph/runtime/database";
import { toNeo4jParams, toPlain } from "../../src/graph/values";
import { createApollo, defaultApolloSettings } from "../../src/http/apollo";
import { createContext } from "../../src/graphql/context";
import { ConcurrencyLimit } from "../../src/graphql/limits/concurrency";
import { ensureDataset } from "../dataset";
import { openEmbeddedGraph } from "../graph";
import { DATA_DIR, datasetDir, neo4jDir } from "../paths";
import path from "node:path";
import http from "node:http";
import { execFile } from "node:child_process";
import type { AddressInfo } from "node:net";
import { startHttpServer } from "../../src/http/server";
import { HeaderMap } from "@apollo/server";
import { buildShapes } from ".";
import { chooseShapeFixtures } from "./fixtures";

const CALLERS = 8;

/** Node CPU ms per request of this process while autocannon (another process) sends body to url for seconds. */
function cpuPerHttpRequest(url: string, body: string, seconds: number): Promise<number> {
  const start = process.cpuUsage();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        require.resolve("autocannon/autocannon.js"),
        "-j",
        "-c",
        String(CALLERS),
        "-d",
        String(seconds),
        "-m",
        "POST",
        "-H",
        "content-type=application/json",
        "-b",
        body,
        url,
      ],
      { maxBuffer: 1 << 24 },
      (error, stdout) => {
        if (error) return reject(error);
        const used = process.cpuUsage(start);
        const result = JSON.parse(stdout) as { requests: { total: number }; non2xx: number };
        if (result.non2xx) return reject(new Error(`${result.non2xx} non-2xx answers`));
        resolve((used.user + used.system) / 1000 / result.requests.total);
      },
    );
  });
}

async function autoCommit(driver: Driver, cypher: string, params: Record<string, unknown>): Promise<unknown[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, toNeo4jParams(params) as Record<string, unknown>);
    return result.records.map((r) => toPlain(r.toObject()));
  } finally {
    await session.close();
  }
}

/** CPU ms per call of ask, from CALLERS concurrent callers making `requests` calls in all. */
async function cpuPerCall(ask: () => Promise<unknown>, requests: number): Promise<number> {
  for (let i = 0; i < 50; i++) await ask();
  let left = requests;
  const start = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (left-- > 0) await ask();
    }),
  );
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / requests;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      statements: { type: "string" },
      shapes: { type: "string" },
      requests: { type: "string" },
      rounds: { type: "string" },
    },
  });
  const statements = Number(values.statements ?? 10_000);
  const requests = Number(values.requests ?? 2_000);
  const rounds = Number(values.rounds ?? 3);
  const log = (line: string) => console.error(line);
  const root = path.join(DATA_DIR, "shapes");
  const dataset = ensureDataset(datasetDir(statements, root), statements, log, true);
  const settings = { heapMb: 2048, pageCacheMb: 1024, txMemoryMb: 2048 };
  const graph = await openEmbeddedGraph(neo4jDir(statements, root), dataset, statements, settings, {
    log,
    progress: false,
  });
  const { uri, user, password } = graph.connection;
  const limitDriver = neo4j.driver(uri, neo4j.auth.basic(user, password), { maxConnectionPoolSize: 100 });
  const db = Database.connect({ uri, user, password, txTimeoutMs: 15_000, shareQueuedReads: false });
  try {
    const fixtures = await chooseShapeFixtures(db);
    const only = values.shapes?.split(",");
    const shapes = buildShapes(fixtures).filter((s) => !only || only.includes(s.key));
    const settingsA = { ...defaultApolloSettings(), production: true, introspection: false };
    const apollo = createApollo([], settingsA);
    await apollo.start();
    const expensive = new ConcurrencyLimit({ max: 4, maxWaitMs: 1000 });
    const ours = await startHttpServer({
      db,
      port: 0,
      host: "127.0.0.1",
      ideEnabled: false,
      readiness: { check: async () => [] },
      apollo: { ...settingsA, logError: () => undefined },
    });
    const ourUrl = `http://127.0.0.1:${ours.port}/graphql`;
    const bare = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          query: string;
          variables: Record<string, unknown>;
        };
        void apollo
          .executeOperation(
            { query, variables },
            { contextValue: createContext(db, undefined, expensive, [], { maxResponseFields: 100_000 }) },
          )
          .then((r) => {
            const text = JSON.stringify(r.body.kind === "single" ? r.body.singleResult : {});
            response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
            response.end(text);
          });
      });
    });
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    const bareHttp = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (c: Buffer) => chunks.push(c));
      request.on("end", () => {
        const headers = new HeaderMap();
        for (const [k, v] of Object.entries(request.headers)) if (v !== undefined) headers.set(k, String(v));
        void apollo
          .executeHTTPGraphQLRequest({
            httpGraphQLRequest: {
              method: "POST",
              headers,
              search: "",
              body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
            },
            context: async () => createContext(db, undefined, expensive, [], { maxResponseFields: 100_000 }),
          })
          .then((r) => {
            for (const [k, v] of r.headers) response.setHeader(k, v);
            response.statusCode = r.status ?? 200;
            response.end(r.body.kind === "complete" ? r.body.string : "");
          });
      });
    });
    await new Promise<void>((resolve) => bareHttp.listen(0, "127.0.0.1", resolve));
    const bareHttpUrl = `http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}/`;
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    for (const s of shapes) {
      if (!("cypher" in s.limit)) continue;
      const limit = s.limit;
      // This server's Cypher for the shape: what its one request sends.
      const sent: { cypher: string; params: Record<string, unknown> }[] = [];
      const recording = new Proxy(db, {
        get(target, key) {
          if (key === "withCounter")
            return () => {
              const view = target.withCounter();
              return new Proxy(view, {
                get(v, k) {
                  if (k === "read")
                    return (cypher: string, params: Record<string, unknown> = {}) => {
                      sent.push({ cypher, params });
                      return v.read(cypher, params);
                    };
                  const value: unknown = Reflect.get(v, k, v);
                  return typeof value === "function" ? value.bind(v) : value;
                },
              });
            };
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const operation = (into: Database) => () =>
        apollo.executeOperation(
          { query: s.ours.query, variables: s.ours.variables },
          { contextValue: createContext(into, undefined, expensive, [], { maxResponseFields: 100_000 }) },
        );
      await operation(recording)();
      if (process.env.LAYERS_DUMP) {
        const limitRows = await autoCommit(limitDriver, limit.cypher, limit.params as Record<string, unknown>);
        log(`LIMIT ${limit.cypher.length} chars, answer ${JSON.stringify(limitRows).length} chars`);
        for (const q of sent) {
          const rows = await autoCommit(limitDriver, q.cypher, q.params);
          log(
            `OURS ${q.cypher.length} chars, answer ${JSON.stringify(rows).length} chars\n${q.cypher}\n` +
              `${JSON.stringify(q.params)}\n${JSON.stringify(rows).slice(0, 3000)}`,
          );
        }
        continue;
      }
      const body = JSON.stringify({ query: s.ours.query, variables: s.ours.variables });
      const viaHttp: Record<string, string> = {
        "HTTP: this server": ourUrl,
        "HTTP: node:http + executeOperation": bareUrl,
        "HTTP: node:http + executeHTTPGraphQLRequest": bareHttpUrl,
      };
      const ways: Record<string, () => Promise<unknown>> = {
        "limit cypher, session.run": () =>
          autoCommit(limitDriver, limit.cypher, limit.params as Record<string, unknown>),
        "our cypher, session.run": () => Promise.all(sent.map((q) => autoCommit(limitDriver, q.cypher, q.params))),
        "our cypher, Database.read": () => Promise.all(sent.map((q) => db.read(q.cypher, q.params))),
        "GraphQL, executeOperation": operation(db),
      };
      const cpu = new Map<string, number[]>();
      for (let round = 0; round < rounds; round++)
        for (const [name, ask] of Object.entries(ways)) {
          const ms = await cpuPerCall(ask, requests);
          cpu.set(name, [...(cpu.get(name) ?? []), ms]);
          if (name.startsWith("GraphQL"))
            for (const [label, url] of Object.entries(viaHttp)) {
              const httpMs = await cpuPerHttpRequest(url, body, 4);
              cpu.set(label, [...(cpu.get(label) ?? []), httpMs]);
            }
        }
      const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
      log(`${s.key} (${sent.length} queries):`);
      for (const [name, v] of cpu)
        log(`  ${name.padEnd(28)} ${median(v).toFixed(3)} ms/call  [${v.map((x) => x.toFixed(3)).join(" ")}]`);
    }
    await apollo.stop();
    await ours.stop();
    bare.close();
    bareHttp.close();
  } finally {
    await limitDriver.close();
    await db.close();
    await graph.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
