// npm run bench:subscriptions -- [--workers 1,2] [--subscribers 1000] [--rate 50] [--duration 60] [--baseline 10]
// Subscriptions under load (issue 32, item 6): the compiled server as `npm start` runs it (node dist/main.js, the
// embedded Neo4j), N graphql-ws clients over WebSocket, one subscription each, in turn statementAdded by speaker,
// statementAdded by kind, statementAdded without a filter, and changes. Statements are written through the API
// (recordStatement with API_TOKEN) at a steady rate for --duration s, whether or not the last write has returned.
// Measured: delivery latency from each write's commit (the moment its mutation returned) to each receipt, p50/p99;
// per subscriber, the statements lost, duplicated or not its filter's (each knows from its filter what should
// reach it); the memory of the server's Node processes before and after subscribing (RSS and heapUsed after a GC,
// summed over the primary and its workers) per subscriber; and the p50 of a simple query sent one at a time, during
// --baseline s of the same writes without subscribers and during the measured writes with them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { projectRoot } from "../src/config";
import { cpuMs } from "./cpu";
import { percentile, tally, type Interest, type Tally, type Written } from "./subscriptions/accounting";
import { startServer, stopServer } from "./serverProcess";

const TOKEN = "bench-subscriptions-token-0123456789";
const TEXT = 'GENEVA: Jane Doe met the press. "We will sign on Friday," Doe said on Monday.';
const QUOTE = "We will sign on Friday";
const SPAN = { start: TEXT.indexOf(`"${QUOTE}`), end: TEXT.length };
const SPEAKERS = 10;
const KINDS = ["DIRECT_QUOTE", "REPORTED"];
const QUERY = "query ($id: ID!) { person(id: $id) { id name } }";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (json.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/** What a subscription sends: the fields the benchmark selects. */
type Update = { statementAdded?: { id: string }; changes?: { cursor: string; ids: string[] } };

interface Subscriber {
  interest: Interest;
  client: Client;
  received: { id: string; at: number }[];
  errors: string[];
}

/** The i-th subscriber's interest: by speaker, by kind, no filter, changes, in turn. */
function interestOf(i: number, speakers: string[]): Interest {
  switch (i % 4) {
    case 0:
      return { subscription: "statementAdded", speaker: speakers[Math.floor(i / 4) % speakers.length]! };
    case 1:
      return { subscription: "statementAdded", kind: KINDS[Math.floor(i / 4) % KINDS.length]! };
    case 2:
      return { subscription: "statementAdded" };
    default:
      return { subscription: "changes" };
  }
}

function subscribe(wsUrl: string, interest: Interest): Subscriber {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
  const subscriber: Subscriber = { interest, client, received: [], errors: [] };
  const payload =
    interest.subscription === "changes"
      ? { query: "subscription { changes { cursor ids } }" }
      : {
          query: "subscription ($filter: StatementFilter) { statementAdded(filter: $filter) { id } }",
          variables: { filter: { speaker: interest.speaker, kind: interest.kind } },
        };
  client.subscribe<Update>(payload, {
    next: ({ data }) => {
      const at = performance.now();
      if (data?.statementAdded) subscriber.received.push({ id: data.statementAdded.id, at });
      // A recordStatement's entry names the statement (and whatever else the write touched).
      else if (data?.changes) {
        const ids = data.changes.ids;
        subscriber.received.push({ id: ids.find((id) => id.startsWith("statement:")) ?? ids[0]!, at });
      }
    },
    error: (e) => subscriber.errors.push(e instanceof Error ? e.message : JSON.stringify(e)),
    complete: () => {},
  });
  return subscriber;
}

/** Statements written at `rate` per second for `seconds`, each sent on time whether or not the last returned. */
async function writeSteadily(url: string, prefix: string, speakers: string[], rate: number, seconds: number) {
  const written: Written[] = [];
  const failures: string[] = [];
  const pending: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const statement = {
      id: `${prefix}-${i}`,
      speaker: speakers[i % speakers.length]!,
      kind: KINDS[i % 3 === 0 ? 1 : 0]!,
    };
    pending.push(
      post(
        url,
        "mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { id } }",
        {
          input: {
            ...statement,
            text: QUOTE,
            saidOn: "2025-03-03",
            evidence: [{ source: "source:bench-subscriptions", ...SPAN }],
          },
        },
        TOKEN,
      ).then(
        () => void written.push({ ...statement, committedAt: performance.now() }),
        (e: unknown) => void failures.push(String(e)),
      ),
    );
  }
  await Promise.all(pending);
  return { written, failures, behindMs: performance.now() - start - seconds * 1000 };
}

/** Sends the simple query one at a time until `stop` resolves; its latencies in ms. */
async function queryLoop(url: string, stop: Promise<unknown>, speaker: string) {
  let done = false;
  void stop.then(() => (done = true));
  const latencies: number[] = [];
  let failed = 0;
  while (!done) {
    const started = performance.now();
    try {
      await post(url, QUERY, { id: speaker });
      latencies.push(performance.now() - started);
    } catch {
      failed++; // e.g. OVERLOADED when the writes take every query slot: counted, not timed
      await sleep(100);
    }
  }
  return { latencies, failed };
}

function childrenOf(primary: number, java: boolean): number[] {
  const out = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(primary)], { encoding: "utf8" });
  return out
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command !== undefined && (command === "java") === java)
    .map(([pid]) => Number(pid));
}

const nodePids = (primary: number) => [primary, ...childrenOf(primary, false)];

/** CPU used so far by the server's Node processes, its JVM and this process (the clients and the writer), in ms. */
function cpuNow(primary: number) {
  const sum = (pids: number[]) => pids.reduce((n, pid) => n + (cpuMs(pid) ?? 0), 0);
  const own = process.cpuUsage();
  return {
    node: sum(nodePids(primary)),
    neo4j: sum(childrenOf(primary, true)),
    clients: (own.user + own.system) / 1000,
    at: performance.now(),
  };
}

/** RSS and heapUsed after a GC, summed over the server's Node processes (bench/subscriptions/memoryProbe.mjs). */
async function serverMemory(primary: number, dir: string) {
  const pids = nodePids(primary);
  const asked = Date.now();
  for (const pid of pids) process.kill(pid, "SIGUSR2");
  await sleep(1500);
  let rss = 0;
  let heapUsed = 0;
  for (const pid of pids) {
    const file = path.join(dir, `${pid}.json`);
    const probe = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, number>) : {};
    if (!probe.at || probe.at < asked) throw new Error(`process ${pid} did not report its memory`);
    rss += probe.rss!;
    heapUsed += probe.heapUsed!;
  }
  return { rss, heapUsed, processes: pids.length };
}

interface QueryFigures {
  p50?: number;
  n: number;
  failed: number;
}

interface Run {
  workers: number;
  subscribers: number;
  connected: number;
  written: number;
  writeFailures: number;
  writesBehindMs: number;
  delivery: { p50?: number; p99?: number; max?: number; deliveries: number };
  totals: Pick<Tally, "expected" | "received" | "lost" | "duplicated" | "unexpected">;
  /** CPU from the measured writes' start to 5 s after the last returned, in % of one core. */
  cpu: { node: number; neo4j: number; clients: number };
  /** Subscriptions the server ended with an error (their client saw it; nothing after it arrives). */
  subscribersEnded: number;
  subscribersWithLoss: number;
  subscriberErrors: string[];
  /** Why writes failed: the first few distinct messages. */
  writeErrors: string[];
  memory: { before: { rss: number; heapUsed: number }; after: { rss: number; heapUsed: number }; processes: number };
  query: { without: QueryFigures; with: QueryFigures };
}

interface Options {
  subscribers: number;
  rate: number;
  duration: number;
  baseline: number;
}

async function measure(workers: number, env: Record<string, string>, o: Options): Promise<Run> {
  const memoryDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bench-subs-memory-"));
  console.error(`WORKERS=${workers}: starting the compiled server …`);
  const { server, url } = await startServer(
    workers,
    { ...env, BENCH_MEMORY_DIR: memoryDir, SUBSCRIPTION_CONNECTIONS_PER_CLIENT: String(o.subscribers + 100) },
    [
      "--expose-gc",
      "--import",
      path.join(projectRoot, "bench/subscriptions/memoryProbe.mjs"),
      // BENCH_CPU_PROF_DIR: the server's Node processes write a V8 CPU profile there when they stop.
      ...(process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF_DIR] : []),
    ],
  );
  const subscribers: Subscriber[] = [];
  try {
    const run = `w${workers}-${Date.now()}`;
    await post(
      url,
      "mutation ($input: SourceInput!) { createSource(input: $input) { id } }",
      {
        input: {
          id: "source:bench-subscriptions",
          title: "Bench",
          publishedOn: "2025-03-04",
          dateline: "GENEVA",
          text: TEXT,
        },
      },
      TOKEN,
    ).catch(() => undefined); // there from an earlier run on this database
    const speakers: string[] = [];
    for (let i = 0; i < SPEAKERS; i++) {
      const id = `person:bench-${run}-${i}`;
      await post(
        url,
        "mutation ($input: PersonInput!) { createPerson(input: $input) { id } }",
        {
          input: { id, name: `Bench Speaker ${run} ${i}` },
        },
        TOKEN,
      );
      speakers.push(id);
    }
    console.error(`WORKERS=${workers}: warming up (5 s of writes and queries, not counted)`);
    const warm = writeSteadily(url, `statement:warm-${run}`, speakers, o.rate, 5);
    await queryLoop(url, warm, speakers[0]!);

    console.error(`WORKERS=${workers}: ${o.baseline} s of writes at ${o.rate}/s without subscribers`);
    const base = writeSteadily(url, `statement:base-${run}`, speakers, o.rate, o.baseline);
    const without = await queryLoop(url, base, speakers[0]!);
    const before = await serverMemory(server.pid!, memoryDir);

    console.error(`WORKERS=${workers}: subscribing ${o.subscribers} clients`);
    const wsUrl = url.replace(/^http/, "ws");
    let connected = 0;
    for (let i = 0; i < o.subscribers; i++) {
      const subscriber = subscribe(wsUrl, interestOf(i, speakers));
      subscriber.client.on("connected", () => connected++);
      subscribers.push(subscriber);
      if (i % 50 === 49) await sleep(100);
    }
    for (let waited = 0; connected < o.subscribers && waited < 120_000; waited += 200) await sleep(200);
    await sleep(3000); // every process's tail has read the log since its subscribers started
    const after = await serverMemory(server.pid!, memoryDir);

    console.error(`WORKERS=${workers}: ${connected} connected; ${o.duration} s of writes at ${o.rate}/s`);
    const cpuBefore = cpuNow(server.pid!);
    const writes = writeSteadily(url, `statement:live-${run}`, speakers, o.rate, o.duration);
    const withSubscribers = await queryLoop(url, writes, speakers[0]!);
    const { written, failures, behindMs } = await writes;
    await sleep(5000); // the last writes' deliveries
    const cpuAfter = cpuNow(server.pid!);
    const busy = (key: "node" | "neo4j" | "clients") =>
      Math.round(((cpuAfter[key] - cpuBefore[key]) / (cpuAfter.at - cpuBefore.at)) * 100);
    const tallies = subscribers.map((s) => tally(s.interest, written, s.received));
    const latencies = tallies.flatMap((t) => t.latencies);
    const sum = (key: "expected" | "received" | "lost" | "duplicated" | "unexpected") =>
      tallies.reduce((n, t) => n + t[key], 0);
    return {
      workers,
      subscribers: o.subscribers,
      connected,
      written: written.length,
      writeFailures: failures.length,
      writesBehindMs: behindMs,
      delivery: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
        deliveries: latencies.length,
      },
      totals: {
        expected: sum("expected"),
        received: sum("received"),
        lost: sum("lost"),
        duplicated: sum("duplicated"),
        unexpected: sum("unexpected"),
      },
      cpu: { node: busy("node"), neo4j: busy("neo4j"), clients: busy("clients") },
      subscribersEnded: subscribers.filter((sub) => sub.errors.length > 0).length,
      subscribersWithLoss: tallies.filter((t) => t.lost > 0).length,
      subscriberErrors: [...new Set(subscribers.flatMap((s) => s.errors))].slice(0, 5),
      writeErrors: [...new Set(failures.map((f) => f.slice(0, 300)))].slice(0, 3),
      memory: { before, after, processes: after.processes },
      query: {
        without: { p50: percentile(without.latencies, 50), n: without.latencies.length, failed: without.failed },
        with: {
          p50: percentile(withSubscribers.latencies, 50),
          n: withSubscribers.latencies.length,
          failed: withSubscribers.failed,
        },
      },
    };
  } finally {
    await Promise.all(subscribers.map((s) => s.client.dispose()));
    await stopServer(server);
    fs.rmSync(memoryDir, { recursive: true, force: true });
  }
}

const ms = (value?: number) => (value === undefined ? "–" : value < 10 ? value.toFixed(1) : value.toFixed(0));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function table(runs: Run[]): string {
  const lines = [
    "| WORKERS | subscribers (connected) | statements written (failed) | deliveries | delivery p50 ms | p99 ms | " +
      "max ms | lost | duplicated | unexpected | subscribers with loss, ended by an error | RSS MB before → after | " +
      "KB/subscriber RSS, heapUsed | " +
      "query p50 ms (failed) without → with subscribers | CPU % server Node, Neo4j, clients |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of runs) {
    const { before, after } = r.memory;
    const per = (key: "rss" | "heapUsed") => kb((after[key] - before[key]) / r.subscribers);
    lines.push(
      `| ${r.workers} | ${r.subscribers} (${r.connected}) | ${r.written} (${r.writeFailures}) | ` +
        `${r.delivery.deliveries} | ${ms(r.delivery.p50)} | ${ms(r.delivery.p99)} | ${ms(r.delivery.max)} | ` +
        `${r.totals.lost} | ${r.totals.duplicated} | ${r.totals.unexpected} | ` +
        `${r.subscribersWithLoss}, ${r.subscribersEnded} | ${mb(before.rss)} → ${mb(after.rss)} | ` +
        `${per("rss")}, ${per("heapUsed")} | ${ms(r.query.without.p50)} (${r.query.without.failed}) → ` +
        `${ms(r.query.with.p50)} (${r.query.with.failed}) | ${r.cpu.node}, ${r.cpu.neo4j}, ${r.cpu.clients} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      workers: { type: "string", default: "1,2" },
      subscribers: { type: "string", default: "1000" },
      rate: { type: "string", default: "50" },
      duration: { type: "string", default: "60" },
      baseline: { type: "string", default: "10" },
    },
  });
  const options: Options = {
    subscribers: Number(values.subscribers),
    rate: Number(values.rate),
    duration: Number(values.duration),
    baseline: Number(values.baseline),
  };
  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "inherit" });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bench-subscriptions-"));
  const load = os.loadavg();
  try {
    const seedDir = path.join(root, "seed");
    fs.cpSync(path.join(projectRoot, "seed"), seedDir, { recursive: true });
    const env = {
      NEO4J_DATA_DIR: path.join(root, "neo4j"),
      SEED_DIR: seedDir,
      NODE_ENV: "production",
      API_TOKEN: TOKEN,
    };
    const runs: Run[] = [];
    for (const workers of values.workers.split(",").map(Number)) {
      const run = await measure(workers, env, options);
      console.error(JSON.stringify(run));
      runs.push(run);
    }
    const cpus = os.cpus();
    console.log(
      `\n${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}; load average at start ` +
        `${load.map((l) => l.toFixed(2)).join(", ")}, at end ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(", ")}; ` +
        `${options.subscribers} subscribers, ${options.rate} statements/s for ${options.duration} s ` +
        `(baseline ${options.baseline} s)\n`,
    );
    console.log(table(runs));
    for (const r of runs) {
      if (r.subscriberErrors.length)
        console.log(`\nWORKERS=${r.workers} subscriber errors: ${r.subscriberErrors.join("; ")}`);
      if (r.writeErrors.length) console.log(`\nWORKERS=${r.workers} write errors: ${r.writeErrors.join("; ")}`);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
