// WORKERS=2 through `npm start`: the primary starts the embedded Neo4j once and prepares it once, two workers answer on
// one port, readiness covers both, a killed worker is replaced, and SIGTERM lets every worker finish its requests in
// flight before Neo4j stops: nothing is left running.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { processAlive } from "../../src/neo4j/embedded";
import { childrenOf, npmStart, type Started } from "../support/npmStart";

/** The node processes the primary forked (its other child is the JVM). */
function workersOf(primary: number): number[] {
  return childrenOf(primary)
    .filter((child) => child.args.endsWith("dist/main.js"))
    .map((child) => child.pid)
    .sort((a, b) => a - b);
}

/** Processes running now whose command line mentions the text (the test's data folder). */
function processesMentioning(text: string): string[] {
  return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(text) && !line.includes("ps -eo"));
}

const count = (text: string, part: string) => text.split(part).length - 1;

async function ready(url: string): Promise<{ status: number; body: { status: string; problems?: string[] } }> {
  const response = await fetch(url.replace(/\/graphql$/, "/health/ready"));
  return { status: response.status, body: (await response.json()) as { status: string; problems?: string[] } };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One POST on a connection of its own (no keep-alive), so the cluster hands each to the next worker. */
function postOnNewConnection(url: string, query: string, requestId: string): Promise<{ status: number; text: string }> {
  const body = JSON.stringify({ query });
  return new Promise((resolve, reject) => {
    const headers = { "content-type": "application/json", "x-request-id": requestId };
    const request = http.request(url, { method: "POST", headers, agent: false }, (response) => {
      let text = "";
      response.on("data", (d: Buffer) => (text += d.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** A request whose body is still arriving: finish() sends the rest. The server must answer it even while stopping. */
function requestInFlight(url: string): { finish: () => void; answer: Promise<{ status: number; text: string }> } {
  const body = JSON.stringify({ query: "{ __typename }" });
  let finish = () => {};
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
    const request = http.request(url, { method: "POST", headers, agent: false }, (response) => {
      let text = "";
      response.on("data", (d: Buffer) => (text += d.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.write(body.slice(0, 5));
    finish = () => request.end(body.slice(5));
  });
  return { finish, answer };
}

const TOKEN = "workers-test-token-0123456789";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-workers-"));
// Small, so the JVM starts quickly beside the run's own Neo4j; the seed is loaded, once.
const env = {
  WORKERS: "2",
  NEO4J_DATA_DIR: dataDir,
  NEO4J_HEAP_MB: "512",
  NEO4J_PAGECACHE_MB: "64",
  NODE_ENV: "production",
  API_TOKEN: TOKEN,
};
let server: Started;
let primary: number;
let workers: number[];

beforeAll(async () => {
  // What npm start's prestart does; here, so that a compile (when src/ changed) does not count against a test.
  execFileSync("node", ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "pipe", timeout: 280_000 });
  server = await npmStart(env);
  const [node] = childrenOf(server.npm.pid!);
  primary = node!.pid;
  workers = workersOf(primary);
}, 300_000);

afterAll(async () => {
  if (server && server.npm.exitCode === null) {
    server.npm.kill("SIGTERM");
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
  // Whatever a failed test left behind on this folder was started by this file.
  for (const line of processesMentioning(dataDir)) process.kill(Number(line.trim().split(/\s+/)[0]), "SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

it("starts Neo4j once, prepares it once, and says it is ready once both workers are", async () => {
  expect(childrenOf(server.npm.pid!).map((child) => child.args)).toEqual(["node dist/main.js"]);
  expect(workers).toHaveLength(2);
  expect(processesMentioning(`--home=${dataDir}`)).toHaveLength(1);
  const output = server.output();
  expect(count(output, "Neo4j started in")).toBe(1);
  expect(count(output, "The database is empty: loading 1 seed dataset(s)")).toBe(1);
  expect(count(output, "GraphQL server ready at")).toBe(1);
  for (const pid of workers) expect(output).toMatch(new RegExp(`"msg":"worker \\d+ \\(pid ${pid}\\) is ready"`));
  expect(await ready(server.url)).toEqual({ status: 200, body: { status: "ready" } });
  // Production logs are JSON lines, the workers' too (npm's own "> who-said-what-graph start" banner aside).
  const lines = output.split("\n").filter((line) => line.trim() !== "" && !line.startsWith(">"));
  expect(lines.filter((line) => !line.startsWith("{"))).toEqual([]);
}, 30_000);

it("answers on one port from both workers, each logging the requests it served with its pid", async () => {
  const ids = Array.from({ length: 8 }, (_, i) => `workers-test-${i}`);
  const answers = await Promise.all(
    ids.map((id) => postOnNewConnection(server.url, '{ person(id: "person:volodymyr-zelenskyy") { name } }', id)),
  );
  for (const answer of answers) {
    expect(answer).toEqual({ status: 200, text: '{"data":{"person":{"name":"Volodymyr Zelenskyy"}}}\n' });
  }
  const servedBy = await waitFor(
    "a log line for every request",
    async () => {
      const lines = server
        .output()
        .split("\n")
        .filter((line) => line.includes('"msg":"graphql request"'))
        .map((line) => JSON.parse(line) as { requestId: string; pid: number; worker: number });
      const ours = lines.filter((line) => ids.includes(line.requestId));
      return ours.length === ids.length ? ours : undefined;
    },
    5000,
  );
  expect([...new Set(servedBy.map((line) => line.pid))].sort((a, b) => a - b)).toEqual(workers);
  expect(new Set(servedBy.map((line) => line.worker)).size).toBe(2);
}, 30_000);

it("feeds subscribers on both workers from each worker's own tail: every one gets the write, once", async () => {
  const call = async (query: string) => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ query }),
    });
    return ((await response.json()) as { data: any }).data;
  };
  await call(`mutation { createPerson(input: { id: "person:workers-one", name: "Workers One" }) { id } }`);
  const [{ cursor }] = (await call(`{ history(id: "person:workers-one", first: 1) { nodes { cursor } } }`)).history
    .nodes;
  // Four WebSockets, each a connection of its own: the cluster hands them to the workers in turn.
  const clients = Array.from({ length: 4 }, () =>
    createClient({ url: server.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 }),
  );
  try {
    const received = clients.map(
      (client) =>
        new Promise<string[]>((resolve, reject) => {
          const ids: string[] = [];
          client.subscribe(
            {
              query: `subscription ($after: String) { changes(after: $after) { kind ids } }`,
              variables: { after: cursor },
            },
            {
              next: ({ data }) => {
                ids.push(...(data as { changes: { ids: string[] } }).changes.ids);
                if (ids.includes("person:workers-two")) setTimeout(() => resolve(ids), 300);
              },
              error: reject,
              complete: () => {},
            },
          );
        }),
    );
    await call(`mutation { createPerson(input: { id: "person:workers-two", name: "Workers Two" }) { id } }`);
    for (const ids of await Promise.all(received)) expect(ids).toEqual(["person:workers-two"]);
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
  }
}, 30_000);

it("ignores SIGINT sent to a worker (Ctrl-C reaches every process of the terminal): the primary decides", async () => {
  process.kill(workers[0]!, "SIGINT");
  await new Promise((r) => setTimeout(r, 500));
  expect(processAlive(workers[0]!)).toBe(true);
  expect(workersOf(primary)).toEqual(workers);
  expect((await ready(server.url)).status).toBe(200);
});

it("replaces a worker killed with SIGKILL: not ready meanwhile, then ready again, on the same Neo4j", async () => {
  const [killed, survivor] = workers as [number, number];
  process.kill(killed, "SIGKILL");
  const notReady = await waitFor(
    "readiness to say a worker is missing",
    async () => {
      const answer = await ready(server.url);
      return answer.status === 503 ? answer : undefined;
    },
    2000,
  );
  expect(notReady.body).toEqual({ status: "not ready", problems: ["1 of 2 workers are ready, 1 starting"] });
  await waitFor(
    "readiness to come back",
    async () => ((await ready(server.url)).status === 200 ? true : undefined),
    30_000,
  );

  // The log reaches this process on its own pipe, maybe a moment after the readiness answer.
  const output = await waitFor(
    "the log to say so",
    async () => (server.output().includes('"msg":"All 2 workers are ready again"') ? server.output() : undefined),
    5000,
  );
  expect(output).toMatch(new RegExp(`worker \\d+ \\(pid ${killed}\\) was killed by SIGKILL; starting another in 1 s`));
  const now = workersOf(primary);
  expect(now).toHaveLength(2);
  expect(now).toContain(survivor);
  expect(now).not.toContain(killed);
  // Still the one JVM, started and prepared once.
  expect(processesMentioning(`--home=${dataDir}`)).toHaveLength(1);
  expect(count(output, "Neo4j started in")).toBe(1);
  expect(count(output, "The database is empty")).toBe(1);
  expect(count(output, "GraphQL server ready at")).toBe(1);
  workers = now;
}, 60_000);

it("SIGTERM to npm: both workers finish their requests in flight, then Neo4j stops; nothing is left", async () => {
  // Two connections, so that (handed out in turn) each worker holds a request when the signal comes.
  const inFlight = [requestInFlight(server.url), requestInFlight(server.url)];
  await new Promise((r) => setTimeout(r, 300));
  server.npm.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  for (const request of inFlight) request.finish();
  for (const request of inFlight) {
    expect(await request.answer).toEqual({ status: 200, text: '{"data":{"__typename":"Query"}}\n' });
  }
  const stopping = Date.now();
  expect(await server.exited).toBe(0);
  expect(Date.now() - stopping).toBeLessThan(20_000);
  for (const pid of [primary, ...workers]) expect(processAlive(pid)).toBe(false);
  expect(processesMentioning(dataDir)).toEqual([]);

  const output = server.output();
  const afterSignal = output.slice(output.indexOf('"msg":"SIGTERM: finishing requests in flight, then stopping"'));
  expect(afterSignal).toMatch(/"msg":"stopped"/);
  // Stopping workers are not mistaken for crashed ones.
  expect(afterSignal).not.toMatch(/starting another/);
  // The connections were handed out in turn: each worker drained one.
  const logged = afterSignal
    .split("\n")
    .filter((line) => line.includes('"msg":"graphql request"'))
    .map((line) => (JSON.parse(line) as { pid: number }).pid);
  expect(logged.sort((a, b) => a - b)).toEqual(workers);
}, 60_000);
