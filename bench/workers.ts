// npm run bench:workers -- [--workers 1,2] [--connections 100] [--duration 30] [--warm-up 20] [--rounds 1]
//   [--statements 0]
// What WORKERS buys: the soak mix (bench/soak.ts) against the compiled server as `npm start` runs it (node
// dist/main.js, production mode, the embedded Neo4j with its default memory), once per WORKERS value, side by side on
// the same machine and the same data. Prints requests/s, p50/p99 and errors, and the CPU each part used meanwhile —
// Neo4j's JVM, the Node processes, the load generator, anything else on the machine — which shows where the limit is.
// Each run first drives the same load for --warm-up seconds, not counted: a fresh JVM compiles Neo4j's query code
// under load, and on a busy machine that alone takes tens of seconds. --statements N adds a generated dataset of N
// statements to the seed (the soak mix asks about the seed's entities).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../src/config";
import { cpuMs, machineBusyMs } from "./cpu";
import { generateSyntheticDataset } from "./generate";
import { soak, startServer, stopServer, type SoakResult } from "./serverProcess";

interface Run extends SoakResult {
  workers: number;
  /** 0: the first start on this data; later ones find the reads the previous run sent most (QUERY_HISTORY_FILE). */
  round: number;
  /** CPU used during the soak, in % of one core: 100 is one core busy the whole time. */
  cpu: { neo4j: number; node: number; loadGenerator: number; other: number };
  /** CPU milliseconds per request: what one request costs each side, whatever else ran on the machine. */
  perRequest: { neo4j: number; node: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function childrenOf(pid: number): { pid: number; command: string }[] {
  try {
    return execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [p, command] = line.trim().split(/\s+/);
        return { pid: Number(p), command: command ?? "" };
      });
  } catch {
    return [];
  }
}

/** CPU time of a changing set of processes: each counted from when it was first seen to when it was last seen. */
class CpuTally {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();

  sample(pids: number[]): void {
    for (const pid of pids) {
      const ms = cpuMs(pid);
      if (ms === undefined) continue;
      if (!this.first.has(pid)) this.first.set(pid, ms);
      this.last.set(pid, ms);
    }
  }

  usedMs(pids?: number[]): number {
    let total = 0;
    for (const [pid, last] of this.last) if (!pids || pids.includes(pid)) total += last - this.first.get(pid)!;
    return total;
  }
}

interface Load {
  connections: number;
  duration: number;
  warmUp: number;
}

async function measure(
  workers: number,
  round: number,
  env: Record<string, string>,
  { connections, duration, warmUp }: Load,
) {
  console.error(`WORKERS=${workers}: starting the compiled server …`);
  const { server, url, warmUp: warmUpLines } = await startServer(workers, env);
  for (const line of warmUpLines) console.error(`  server: ${line.trim()}`);
  try {
    // As the soak: the load starts 5 s after the server says it is ready.
    await sleep(5000);
    if (warmUp > 0) {
      console.error(`WORKERS=${workers}: warming up for ${warmUp} s (not counted)`);
      await soak(url, connections, warmUp).result;
    }
    const primary = server.pid!;
    const children = childrenOf(primary);
    const jvm = children.filter((c) => c.command === "java").map((c) => c.pid);
    const node = [primary, ...children.filter((c) => c.command !== "java").map((c) => c.pid)];
    const tally = new CpuTally();
    const busyAtStart = machineBusyMs()!;
    const startedAt = performance.now();
    console.error(`WORKERS=${workers}: ${connections} connections for ${duration} s against ${url}`);
    const run = soak(url, connections, duration);
    const loadGenerator = () => [run.child.pid!, ...childrenOf(run.child.pid!).map((c) => c.pid)];
    tally.sample([...jvm, ...node, ...loadGenerator()]);
    const sampler = setInterval(() => tally.sample([...jvm, ...node, ...loadGenerator()]), 500);
    let result: SoakResult;
    try {
      result = await run.result;
    } finally {
      clearInterval(sampler);
    }
    const elapsed = performance.now() - startedAt;
    const percent = (ms: number) => Math.round((ms / elapsed) * 100);
    const ours = tally.usedMs();
    return {
      workers,
      round,
      ...result,
      cpu: {
        neo4j: percent(tally.usedMs(jvm)),
        node: percent(tally.usedMs(node)),
        loadGenerator: percent(ours - tally.usedMs(jvm) - tally.usedMs(node)),
        other: percent(Math.max(0, machineBusyMs()! - busyAtStart - ours)),
      },
      perRequest: { neo4j: tally.usedMs(jvm) / result.requests, node: tally.usedMs(node) / result.requests },
    } satisfies Run;
  } finally {
    await stopServer(server);
  }
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

function table(runs: Run[]): string {
  const lines = [
    "| WORKERS | start | req/s | p50 ms | p99 ms | max ms | errors | CPU Neo4j | CPU Node | CPU load generator " +
      "| CPU other | CPU ms per request: Neo4j, Node |",
    "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of runs) {
    const latency = [r.p50, r.p99, r.max].map(ms);
    const errors = r.errors + r.timeouts + r.non2xx;
    const cpu = [r.cpu.neo4j, r.cpu.node, r.cpu.loadGenerator, r.cpu.other].map((p) => `${p} %`);
    cpu.push(`${r.perRequest.neo4j.toFixed(1)}, ${r.perRequest.node.toFixed(1)}`);
    const start = r.round === 0 ? "first" : "again, with the last run's reads";
    const measured = [r.rps.toFixed(0), ...latency, errors, ...cpu];
    lines.push(`| ${r.workers} | ${start} | ${measured.join(" | ")} |`);
  }
  return lines.join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      workers: { type: "string", default: "1,2" },
      connections: { type: "string", default: "100" },
      duration: { type: "string", default: "30" },
      "warm-up": { type: "string", default: "20" },
      rounds: { type: "string", default: "1" },
      statements: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(fs.readFileSync(__filename, "utf8").split("\n").slice(0, 10).join("\n"));
    return;
  }
  const counts = values.workers.split(",").map(Number);
  const [connections, duration, warmUp, rounds, statements] = [
    values.connections,
    values.duration,
    values["warm-up"],
    values.rounds,
    values.statements,
  ].map(Number) as [number, number, number, number, number];

  // What `npm start` runs; rebuilt only when src/ changed.
  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "inherit" });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bench-workers-"));
  try {
    const seedDir = path.join(root, "seed");
    fs.cpSync(path.join(projectRoot, "seed"), seedDir, { recursive: true });
    if (statements > 0) generateSyntheticDataset({ statements, out: seedDir });
    // One database for every run: the first start loads it, the later ones find it full (each restarts the JVM) and
    // warm up on the reads the run before sent most.
    const env = { NEO4J_DATA_DIR: path.join(root, "neo4j"), SEED_DIR: seedDir, NODE_ENV: "production" };
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const workers of counts) runs.push(await measure(workers, round, env, { connections, duration, warmUp }));
    }
    const cpus = os.cpus();
    console.log(
      `\n${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}; seed` +
        (statements ? ` + ${statements} generated statements` : "") +
        `; ${connections} connections × ${duration} s of the soak mix per run, after ${warmUp} s of warm-up; ` +
        "CPU in % of one core " +
        `(${cpus.length * 100} % is the whole machine)\n`,
    );
    console.log(table(runs));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
