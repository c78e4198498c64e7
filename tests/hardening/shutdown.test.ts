// `npm start` as the README runs it: the compiled server, built when stale. SIGTERM or SIGINT, to npm or to the server
// it started, finishes the requests in flight, closes the driver and stops the embedded Neo4j: nothing is left running.
// What it keeps: the reads clients sent most, for the next start's warm-up.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { processAlive } from "../../src/neo4j/embedded";
import { PLACEHOLDER, readHistory } from "../../src/graph/runtime/queryHistory";
import { npmStart } from "../support/npmStart";

/** Command lines of the processes running now whose command line mentions the text (the test's data folder). */
function processesMentioning(text: string): string[] {
  return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(text) && !line.includes("ps -eo"));
}

/** The process npm started for the script: with `exec` in the script there is no shell in between. */
function childOf(pid: number): { pid: number; args: string } {
  const lines = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" })
    .trim()
    .split("\n");
  expect(lines).toHaveLength(1);
  const match = /^\s*(\d+)\s+(.*)$/.exec(lines[0]!)!;
  return { pid: Number(match[1]), args: match[2]! };
}

/** A GraphQL request whose body is still arriving when the signal goes out: the server must finish it. */
function requestAcrossSignal(url: string, signal: () => void): Promise<{ status: number; text: string }> {
  const body = JSON.stringify({ query: "{ __typename }" });
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
    const request = http.request(url, { method: "POST", headers }, (response) => {
      let text = "";
      response.on("data", (d: Buffer) => (text += d.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.write(body.slice(0, 5));
    setTimeout(() => {
      signal();
      setTimeout(() => request.end(body.slice(5)), 500);
    }, 300);
  });
}

const dataDirs: string[] = [];
function temporaryDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-shutdown-"));
  dataDirs.push(dir);
  return dir;
}
// Small, so the JVM starts quickly beside the run's own Neo4j.
const embedded = { NEO4J_HEAP_MB: "512", NEO4J_PAGECACHE_MB: "64", SEED_WHEN_EMPTY: "false" };

beforeAll(() => {
  // What npm start's prestart does; here, so that a compile (when src/ changed) does not count against a test.
  execFileSync("node", ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "pipe", timeout: 280_000 });
}, 300_000);

afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

it("compiles nothing when nothing changed: npm start runs dist/main.js with plain node", () => {
  const started = Date.now();
  const output = execFileSync("node", ["scripts/build-if-stale.mjs"], { cwd: projectRoot, encoding: "utf8" });
  expect(output).toBe("");
  expect(Date.now() - started).toBeLessThan(3000);
  const scripts = (JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as any).scripts;
  expect(scripts.start).toBe("exec node dist/main.js");
  expect(fs.existsSync(path.join(projectRoot, "dist", "main.js"))).toBe(true);
  expect(fs.readdirSync(path.join(projectRoot, "dist")).filter((f) => f.endsWith(".map"))).toEqual([]);
});

it("SIGTERM to npm: the request in flight finishes, npm exits 0, no server and no JVM are left", async () => {
  const dataDir = temporaryDataDir();
  const server = await npmStart({ ...embedded, NEO4J_DATA_DIR: dataDir, NODE_ENV: "production" });
  const node = childOf(server.npm.pid!);
  expect(node.args).toBe("node dist/main.js");
  const jvms = processesMentioning(`--home=${dataDir}`);
  expect(jvms).toHaveLength(1);

  const answer = requestAcrossSignal(server.url, () => server.npm.kill("SIGTERM"));
  expect(await answer).toEqual({ status: 200, text: '{"data":{"__typename":"Query"}}\n' });
  const stopping = Date.now();
  expect(await server.exited).toBe(0);
  expect(Date.now() - stopping).toBeLessThan(20_000);
  expect(processAlive(node.pid)).toBe(false);
  expect(processesMentioning(dataDir)).toEqual([]);

  // Production logs are JSON lines (npm's own "> who-said-what-graph start" banner aside).
  const logLines = server
    .output()
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith(">"));
  expect(logLines.every((line) => line.startsWith("{"))).toBe(true);
  expect(server.output()).toMatch(/"msg":"SIGTERM: finishing requests in flight, then stopping"/);
  expect(server.output()).toMatch(/"msg":"stopped"/);
}, 180_000);

it("SIGINT to npm (what Ctrl-C sends) stops everything the same way", async () => {
  const dataDir = temporaryDataDir();
  const server = await npmStart({ ...embedded, NEO4J_DATA_DIR: dataDir, NODE_ENV: "development" });
  const node = childOf(server.npm.pid!);
  expect(processesMentioning(`--home=${dataDir}`)).toHaveLength(1);

  const answer = requestAcrossSignal(server.url, () => server.npm.kill("SIGINT"));
  expect((await answer).status).toBe(200);
  expect(await server.exited).toBe(0);
  expect(processAlive(node.pid)).toBe(false);
  expect(processesMentioning(dataDir)).toEqual([]);
  expect(server.output()).toMatch(/SIGINT: finishing requests in flight, then stopping\n(.*\n)*stopped\n/);
}, 180_000);

it("SIGTERM to the server process npm started (not to npm) finishes the request, and npm exits 0 with it", async () => {
  const server = await npmStart({
    NEO4J_URI: process.env.TEST_NEO4J_URI,
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
    SEED_WHEN_EMPTY: "false",
    NODE_ENV: "production",
  });
  const node = childOf(server.npm.pid!);
  const answer = requestAcrossSignal(server.url, () => process.kill(node.pid, "SIGTERM"));
  expect(await answer).toEqual({ status: 200, text: '{"data":{"__typename":"Query"}}\n' });
  expect(await server.exited).toBe(0);
  expect(processAlive(node.pid)).toBe(false);
  expect(server.output()).toMatch(/"msg":"stopped"/);
}, 120_000);

it("keeps the reads clients sent most when it stops, and the next start warms up on them first", async () => {
  // On the run's Neo4j, so that neither start waits for a JVM of its own; the history goes to a file of this test's
  // (where it goes by default is pinned in tests/unit/config.test.ts).
  const file = path.join(temporaryDataDir(), "query-history.json");
  const env = {
    NEO4J_URI: process.env.TEST_NEO4J_URI,
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
    QUERY_HISTORY_FILE: file,
    WORKERS: "1",
    SEED_WHEN_EMPTY: "false",
    NODE_ENV: "development",
    WARM_UP_SECONDS: "1",
  };
  const first = await npmStart(env);
  const query = '{ person(id: "person:kept-for-warm-up") { name } }';
  for (let i = 0; i < 3; i++) {
    // A text counts at most once a second.
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await fetch(first.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    expect(await response.json()).toEqual({ data: { person: null } });
  }
  first.npm.kill("SIGTERM");
  expect(await first.exited).toBe(0);
  const kept = readHistory(file);
  const asked = (q: { cypher: string; params: object }) =>
    q.cypher.includes("(named:Person {id:") && JSON.stringify(q.params).includes(`"${PLACEHOLDER}"`);
  const read = kept.find(asked);
  // Counted in three seconds (the warm-up's own reads are not counted), by its shape: not what was looked up.
  expect(read?.count).toBe(3);
  expect(JSON.stringify(kept)).not.toContain("kept-for-warm-up");

  const again = await npmStart(env);
  // The worker's log lines may reach the output a moment after the URL.
  const replayed = /Warm-up: \d+ reads of the last run, \d+ runs in/;
  for (let waited = 0; !replayed.test(again.output()) && waited < 5000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(again.output()).toMatch(replayed);
  again.npm.kill("SIGTERM");
  expect(await again.exited).toBe(0);
  // The first start's counts now count for half.
  expect(readHistory(file).find(asked)?.count).toBe(2);
}, 240_000);
