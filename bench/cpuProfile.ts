// npm run bench:cpu -- [--question lookup|latest|traversal|baseline] [--connections 8] [--duration 20]
//   [--warm-up 10] [--out FILE]
// Where this server's CPU goes per request: the compiled server as `npm start` runs it (WORKERS=1, the embedded Neo4j,
// the seed) under V8's sampling profiler (node --cpu-prof), one question sent by autocannon for --duration seconds
// after --warm-up seconds. The profile's self time is summed by where the code lives — this server's modules, each
// package (Apollo Server, graphql-js, neo4j-driver, …), Node's own internals (HTTP, streams, sockets), the garbage
// collector — and divided by the requests answered: CPU milliseconds per request, by part. The raw .cpuprofile is kept
// (open it in Chrome DevTools) next to the report.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { projectRoot } from "../src/config";
import { describeMachine } from "./machine";
import { startServer, stopServer } from "./serverProcess";

/** Questions about the seed, as small as the benchmark's (bench/questions.ts) but on the seed's ids. */
const QUESTIONS: Record<string, string> = {
  lookup: '{ person(id: "person:volodymyr-zelenskyy") { id name aliases } }',
  latest:
    '{ person(id: "person:volodymyr-zelenskyy") { id name statements(first: 20) { nodes { id text saidOn ' +
    "venue { id name } event { id name } } } } }",
  traversal:
    '{ state(id: "state:ua") { id name officeHolders { person { id name statements(first: 5) { nodes { id saidOn ' +
    "mentions { __typename id } } } } } } }",
  baseline: "{ __typename }",
};

export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's code lives: a package, a module of this server, Node itself, or V8's own bookkeeping. */
export function partOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === "(garbage collector)") return "garbage collector";
    if (functionName === "(idle)") return "(idle)";
    if (functionName === "(program)") return "V8 and native code";
    return "native functions";
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return "Node internals (HTTP, streams, sockets, timers)";
  const ours = /\/dist\/(.+)\.js$/.exec(url);
  if (ours) return `this server: ${ours[1]!.split("/").slice(0, 2).join("/")}`;
  return url;
}

/** Self time per part, in ms, from the profile's samples (each sample's time delta goes to the function it hit). */
export function selfTimeByPart(profile: CpuProfile): Map<string, number> {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parts = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    if (!node) return;
    const part = partOf(node.callFrame.url, node.callFrame.functionName);
    // timeDeltas[i] is the time before sample i; sample i is charged with the delta that follows it.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    parts.set(part, (parts.get(part) ?? 0) + ms);
  });
  return parts;
}

/** Sends one request body (a GraphQL operation as JSON) for `duration` seconds; resolves with the requests answered. */
export function drive(url: string, body: string, connections: number, duration: number): Promise<number> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: "POST",
        connections,
        duration,
        headers: { "content-type": "application/json" },
        body,
        verifyBody: (body) => !body.includes('"errors"'),
      },
      (error, result) => {
        if (error) reject(error);
        else if (result.errors + result.mismatches + result.non2xx > 0)
          reject(new Error(`${result.errors + result.mismatches + result.non2xx} failed requests`));
        else resolve(result.requests.total);
      },
    );
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      question: { type: "string", default: "lookup" },
      connections: { type: "string", default: "8" },
      duration: { type: "string", default: "20" },
      "warm-up": { type: "string", default: "10" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(fs.readFileSync(__filename, "utf8").split("\n").slice(0, 7).join("\n"));
    return;
  }
  const query = QUESTIONS[values.question];
  if (!query) throw new Error(`--question must be one of ${Object.keys(QUESTIONS).join(", ")}`);
  const [connections, duration, warmUp] = [values.connections, values.duration, values["warm-up"]].map(Number) as [
    number,
    number,
    number,
  ];
  const out = path.resolve(projectRoot, values.out ?? path.join("bench", "results", `cpu-${values.question}.md`));

  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "inherit" });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bench-cpu-"));
  const profiles = path.join(root, "profiles");
  try {
    const env = { NEO4J_DATA_DIR: path.join(root, "neo4j"), NODE_ENV: "production" };
    console.error("Starting the compiled server under the profiler …");
    // The profile covers the whole process; only the samples of the measured window are counted.
    const { server, url } = await startServer(1, env, ["--cpu-prof", `--cpu-prof-dir=${profiles}`]);
    let requests: number;
    let window: { from: number; to: number };
    try {
      console.error(`Warming up for ${warmUp} s`);
      const body = JSON.stringify({ query });
      await drive(url, body, connections, warmUp);
      const from = monotonicMicros();
      console.error(`Measuring ${values.question} for ${duration} s with ${connections} connections`);
      requests = await drive(url, body, connections, duration);
      window = { from, to: monotonicMicros() };
    } finally {
      await stopServer(server);
    }
    // The primary and its worker (which inherits --cpu-prof) each write one: the worker's, the one that served, is
    // the larger (the primary only waits).
    const size = (f: string) => fs.statSync(path.join(profiles, f)).size;
    const [file] = fs
      .readdirSync(profiles)
      .filter((f) => f.endsWith(".cpuprofile"))
      .sort((a, b) => size(b) - size(a));
    if (!file) throw new Error(`the server wrote no profile into ${profiles}`);
    const profile = JSON.parse(fs.readFileSync(path.join(profiles, file), "utf8")) as CpuProfile;
    const measured = withinWindow(profile, window);
    const parts = [...selfTimeByPart(measured)].filter(([part]) => part !== "(idle)").sort((a, b) => b[1] - a[1]);
    const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
    const machine = describeMachine();
    const lines = [
      `# Node CPU per request: ${values.question}`,
      "",
      `\`npm run bench:cpu -- --question ${values.question} --connections ${connections} --duration ${duration} ` +
        `--warm-up ${warmUp}\`, ${new Date().toISOString().slice(0, 10)}; ${machine.cores} × ${machine.cpu}, ` +
        `Node ${machine.node}; the compiled server (WORKERS=1, NODE_ENV=production) on the embedded Neo4j with the ` +
        "seed, under `node --cpu-prof` (sampling adds a little to every part).",
      "",
      `Query: \`${query}\``,
      "",
      `${requests} requests in ${duration} s: ` +
        `**${(total / requests).toFixed(3)} ms of the server's CPU per request** ` +
        "(Neo4j's JVM not included).",
      "",
      "| part | ms per request | share |",
      "|---|---:|---:|",
      ...parts
        .filter(([, ms]) => ms / total >= 0.005)
        .map(([part, ms]) => `| ${part} | ${(ms / requests).toFixed(3)} | ${((ms / total) * 100).toFixed(1)} % |`),
      "",
    ];
    fs.writeFileSync(out, lines.join("\n"));
    fs.copyFileSync(path.join(profiles, file), out.replace(/\.md$/, ".cpuprofile"));
    console.log(lines.join("\n"));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Now on the profiler's clock: microseconds of the monotonic clock, which V8's samples and process.hrtime share. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** The samples taken between two times of the monotonic clock (µs), as a profile of their own. */
export function withinWindow(profile: CpuProfile, window: { from: number; to: number }): CpuProfile {
  let t = profile.startTime;
  const keep = profile.timeDeltas.map((delta) => {
    t += delta;
    return t >= window.from && t <= window.to;
  });
  return {
    ...profile,
    samples: profile.samples.filter((_, i) => keep[i]),
    timeDeltas: profile.timeDeltas.filter((_, i) => keep[i]),
  };
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
