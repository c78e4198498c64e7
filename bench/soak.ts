// npm run bench:soak -- [--connections 100] [--duration 60] [--rate 0] [--url URL]: many concurrent clients on a mix
// of queries against a running server (URL), or against one started here on the embedded Neo4j with the seed. Prints
// the latency percentiles, requests/s and errors; the load comes from a separate process (autocannon).
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, projectRoot } from "../src/config";
import { Database } from "../src/graph/runtime/database";
import { applyConstraintsAndIndexes } from "../src/graph/constraintsAndIndexes";
import { countStatements } from "../src/graph/stats";
import { startHttpServer } from "../src/http/server";
import { datasetFilesIn, loadFiles } from "../src/load/files";
import { resolveNeo4j } from "../src/neo4j/connect";
import type { SoakResult } from "./serverProcess";

const MIX = [
  '{ person(id: "person:volodymyr-zelenskyy") { name statements { nodes { text saidOn venue { name } ' +
    "evidence { excerpt } } } } }",
  '{ event(id: "event:istanbul-talks-round-2") { name startsAt venue { name state { name } } ' +
    "participants { role participant { name } } mentionedIn { nodes { text speaker { name } } } } }",
  '{ statements(filter: { state: "state:ru", from: "2025-01-01" }) { totalCount ' +
    "nodes { text speaker { name } mentions { id } } } }",
  '{ search(query: "ceasefire talks") { nodes { score snippet node { id } } } }',
  '{ path(from: "person:donald-trump", to: "venue:ciragan-palace") { length nodes { id } } }',
  '{ timeline(entity: "state:ua", first: 100) { nodes { __typename ... on Statement { text saidOn } ' +
    "... on Event { name date } } } }",
  '{ venues(filter: { name: "ciragan" }) { nodes { id name locatedIn { name } events { name } } } }',
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** The load generator, in its own process so that it does not share the server's event loop. */
function runClients(url: string, connections: number, duration: number, rate: number): Promise<SoakResult> {
  return new Promise((resolve, reject) => {
    const child = fork(
      path.join(__dirname, "soak-client.ts"),
      [url, String(connections), String(duration), JSON.stringify(MIX), String(rate)],
      {
        execArgv: ["--import", "tsx"],
      },
    );
    child.once("message", (m) => resolve(m as SoakResult));
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

async function main() {
  const connections = Number(arg("connections", "100"));
  const duration = Number(arg("duration", "60"));
  // Requests per second in all (an open load that does not slow down with the server); 0: as fast as answered.
  const rate = Number(arg("rate", "0"));
  let url = arg("url", "");
  let cleanup = async () => {};
  if (!url) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-soak-"));
    const config = loadConfig({ ...process.env, NEO4J_DATA_DIR: dataDir });
    const neo4j = await resolveNeo4j(config, (line) => console.error(line));
    const db = Database.connect({ ...neo4j, txTimeoutMs: config.txTimeoutMs });
    await applyConstraintsAndIndexes(db);
    if ((await countStatements(db)) === 0)
      await loadFiles(db, datasetFilesIn(path.join(projectRoot, "seed")), (l) => console.error(l));
    const server = await startHttpServer({ db, port: 0, host: "127.0.0.1", readiness: { check: async () => [] } });
    url = server.url;
    cleanup = async () => {
      await server.stop();
      await db.close();
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }
  console.error(`${connections} clients for ${duration} s on a mix of ${MIX.length} queries against ${url}`);
  const result = await runClients(url, connections, duration, rate);
  console.log(JSON.stringify({ connections, duration, ...result }, null, 2));
  console.log(
    `${result.requests} requests, ${result.rps.toFixed(0)} req/s, ` +
      `p50 ${result.p50} ms, p90 ${result.p90} ms, p99 ${result.p99} ms, max ${result.max} ms, ` +
      `errors ${result.errors + result.timeouts + result.non2xx}`,
  );
  for (const [i, q] of (result.byQuery ?? []).entries()) {
    console.error(`  p50 ${q.p50} ms, p99 ${q.p99} ms, max ${q.max} ms (${q.requests}): ${MIX[i]!.slice(0, 70)}`);
  }
  for (const [i, w] of (result.byWindow ?? []).entries()) {
    console.error(`  ${i * 5}–${i * 5 + 5} s: p50 ${w.p50} ms, p99 ${w.p99} ms, max ${w.max} ms (${w.requests})`);
  }
  await cleanup();
  process.exit(result.errors + result.timeouts + result.non2xx === 0 ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
