// npm run bench:overload -- [--connections 100] [--duration 30] [--warm-up 20] [--factor 4] [--clients N]
//   [--statements 0] [--out bench/results/overload.md]
// Overload as production meets it: the compiled server as `npm start` runs it (WORKERS=1, the embedded Neo4j, the
// seed). First the soak mix at --connections clients as fast as they are answered, which gives the server's
// throughput R; then --factor × R requests/s (autocannon's overall rate) from --clients clients (default 16 ×
// --connections; each waits for its answer, so the rate reached is what they sustain: the table shows both), while a
// probe sends one request every 250 ms and reads each answer whole (status, Retry-After, the error code). Then how
// long until a request is answered normally again.
// The targets (issue 16): no 5xx but the documented 503 OVERLOADED with Retry-After, and normal answers within 5 s
// after the load stops.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../src/config";
import { generateSyntheticDataset } from "./generate";
import { describeMachine } from "./machine";
import { soak, startServer, stopServer, type SoakResult } from "./serverProcess";

const PROBE = JSON.stringify({
  query: '{ person(id: "person:volodymyr-zelenskyy") { name statements { totalCount } } }',
});
const PROBE_EVERY_MS = 250;
const RECOVERY_TARGET_MS = 5000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One probe's answer, read whole. */
interface ProbeAnswer {
  status: number;
  retryAfter: string | null;
  /** The first error's extensions.code, when the answer has errors. */
  code: string | null;
  ms: number;
}

async function probe(url: string): Promise<ProbeAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: PROBE,
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      code: body.errors?.[0]?.extensions?.code ?? null,
      ms: performance.now() - started,
    };
  } catch (e) {
    return { status: 0, retryAfter: null, code: (e as Error).name, ms: performance.now() - started };
  }
}

/** Probes every PROBE_EVERY_MS until stopped; each probe runs on its own, so a slow answer does not delay the next. */
function probeWhile(url: string): { stop: () => Promise<ProbeAnswer[]> } {
  const pending: Promise<ProbeAnswer>[] = [];
  const timer = setInterval(() => pending.push(probe(url)), PROBE_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      return Promise.all(pending);
    },
  };
}

/** Milliseconds from now until the probe is answered normally (200, no errors). */
async function recovery(url: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const answer = await probe(url);
    if (answer.status === 200 && answer.code === null) return performance.now() - started;
    if (performance.now() - started > 60_000) return Number.POSITIVE_INFINITY;
    await sleep(100);
  }
}

/** The probes' answers by kind: normal, the documented overload answer, anything else (which fails the target). */
function classify(answers: ProbeAnswer[]) {
  const normal = answers.filter((a) => a.status === 200 && a.code === null);
  const overloaded = answers.filter((a) => a.status === 503 && a.code === "OVERLOADED" && a.retryAfter !== null);
  const other = answers.filter((a) => !normal.includes(a) && !overloaded.includes(a));
  return { normal, overloaded, other };
}

const count = (codes: Record<string, number>, test: (status: number) => boolean) =>
  Object.entries(codes)
    .filter(([status]) => test(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0);

function report(
  options: {
    connections: number;
    duration: number;
    warmUp: number;
    factor: number;
    statements: number;
    clients: number;
  },
  baseline: SoakResult,
  offered: number,
  overload: SoakResult,
  probes: ProbeAnswer[],
  recoveryMs: number,
): string {
  const machine = describeMachine();
  const { normal, overloaded, other } = classify(probes);
  const serverErrors = count(overload.statusCodes, (s) => s >= 500 && s !== 503);
  const otherStatuses = count(overload.statusCodes, (s) => s !== 200 && s !== 503 && s < 500);
  const codes = Object.entries(overload.statusCodes)
    .map(([status, n]) => `${status}: ${n}`)
    .join(", ");
  const otherProbes = other.map((a) => `${a.status}${a.code ? ` ${a.code}` : ""}`).join(", ") || "none";
  const held = serverErrors === 0 && other.length === 0 && recoveryMs <= RECOVERY_TARGET_MS;
  return [
    `# Overload: the soak mix at ${options.factor}× the server's throughput`,
    "",
    `\`npm run bench:overload -- --connections ${options.connections} --duration ${options.duration} ` +
      `--warm-up ${options.warmUp} --factor ${options.factor} --clients ${options.clients}` +
      (options.statements ? ` --statements ${options.statements}` : "") +
      "`, " +
      `${new Date().toISOString().slice(0, 10)}; ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, ` +
      `Node ${machine.node}; the compiled server (WORKERS=1, NODE_ENV=production) on the embedded Neo4j with the seed` +
      (options.statements ? ` and ${options.statements} generated statements` : "") +
      "; default QUEUE_WAIT_MS and MAX_QUEUED.",
    "",
    "| phase | offered | answered req/s | p50 ms | p99 ms | responses by status |",
    "|---|---:|---:|---:|---:|---|",
    `| throughput: ${options.connections} clients as fast as answered | – | ${baseline.rps.toFixed(0)} | ` +
      `${baseline.p50.toFixed(0)} | ${baseline.p99.toFixed(0)} | ${Object.entries(baseline.statusCodes)
        .map(([s, n]) => `${s}: ${n}`)
        .join(", ")} |`,
    `| overload: ${options.clients} clients, at most ${options.factor}× | ${offered.toFixed(0)} req/s | ` +
      `${overload.rps.toFixed(0)} | ${overload.p50.toFixed(0)} | ${overload.p99.toFixed(0)} | ${codes} |`,
    "",
    `- 5xx other than 503 during the overload: **${serverErrors}**; other non-2xx: ${otherStatuses}; ` +
      `time-outs: ${overload.timeouts}.`,
    `- Probes read whole (one every ${PROBE_EVERY_MS} ms): ${probes.length}; answered normally ${normal.length}, ` +
      `503 with Retry-After and OVERLOADED ${overloaded.length}, anything else: ${otherProbes}.`,
    `- Answered normally again ${Number.isFinite(recoveryMs) ? `${(recoveryMs / 1000).toFixed(2)} s` : "never"} ` +
      `after the load stopped (target ≤ ${RECOVERY_TARGET_MS / 1000} s).`,
    `- Targets: ${held ? "**held**" : "**not held**"}.`,
    "",
  ].join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      connections: { type: "string", default: "100" },
      duration: { type: "string", default: "30" },
      "warm-up": { type: "string", default: "20" },
      factor: { type: "string", default: "4" },
      clients: { type: "string" },
      statements: { type: "string", default: "0" },
      out: { type: "string", default: path.join("bench", "results", "overload.md") },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(fs.readFileSync(__filename, "utf8").split("\n").slice(0, 9).join("\n"));
    return;
  }
  const [connections, duration, warmUp, factor, statements] = [
    values.connections,
    values.duration,
    values["warm-up"],
    values.factor,
    values.statements,
  ].map(Number) as [number, number, number, number, number];
  const clients = Number(values.clients ?? connections * 16);

  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "inherit" });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bench-overload-"));
  try {
    const seedDir = path.join(root, "seed");
    fs.cpSync(path.join(projectRoot, "seed"), seedDir, { recursive: true });
    if (statements > 0) generateSyntheticDataset({ statements, out: seedDir });
    const env = { NEO4J_DATA_DIR: path.join(root, "neo4j"), SEED_DIR: seedDir, NODE_ENV: "production" };
    console.error("Starting the compiled server …");
    const { server, url } = await startServer(1, env);
    try {
      await sleep(5000);
      if (warmUp > 0) {
        console.error(`Warming up for ${warmUp} s (not counted)`);
        await soak(url, connections, warmUp).result;
      }
      console.error(`Throughput: ${connections} clients for ${duration} s`);
      const baseline = await soak(url, connections, duration).result;
      const offered = baseline.rps * factor;
      console.error(`Overload: ${offered.toFixed(0)} req/s from ${clients} clients for ${duration} s`);
      const probes = probeWhile(url);
      const overload = await soak(url, clients, duration, offered).result;
      const recoveryMs = await recovery(url);
      const answers = await probes.stop();
      const text = report(
        { connections, duration, warmUp, factor, statements, clients },
        baseline,
        offered,
        overload,
        answers,
        recoveryMs,
      );
      fs.writeFileSync(path.resolve(projectRoot, values.out), text);
      console.log(text);
    } finally {
      await stopServer(server);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
