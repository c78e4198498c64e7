// Where this server's Node CPU goes per request, by phase of the request, for each shape: the compiled server as
// npm start runs it (WORKERS=1) under V8's sampling profiler, each shape sent by autocannon in turn over the bench's
// Neo4j, each shape's samples cut out by its time window. A sample is charged to the innermost frame on its stack
// that says which phase it is in (native code to its caller; Node's own modules to the first package or module of
// ours above them, else to HTTP), so JSON.stringify called by Apollo counts as serialisation and a socket write from
// neo4j-driver as the driver's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drive, withinWindow, type CpuProfile } from "../cpuProfile";
import type { Connection } from "../graph";
import type { Question } from "../questions";
import { startServer, stopServer } from "../serverProcess";

export const PHASES = [
  "HTTP (Node, Express, sockets)",
  "Apollo request pipeline and plugins",
  "this server's HTTP plugins",
  "parse/validate (document cache hit)",
  "execution (graphql-js)",
  "resolvers (src/graphql)",
  "data layer (src/graph: Cypher text, sessions)",
  "shaping (src/graph: Neo4j values to rows, pages)",
  "neo4j-driver (Bolt)",
  "JSON serialisation",
  "logging",
  "garbage collector",
  "other",
] as const;
export type Phase = (typeof PHASES)[number];

/** The packages of the Express stack (and its Apollo integration): HTTP, not GraphQL. */
const EXPRESS_PACKAGES = [
  "express",
  "router",
  "body-parser",
  "raw-body",
  "negotiator",
  "on-finished",
  "finalhandler",
  "send",
  "cors",
  "qs",
  "type-is",
  "content-type",
  "accepts",
  "iconv-lite",
  "http-errors",
  "depd",
  "statuses",
  "vary",
  "parseurl",
  "@as-integrations/express5",
];
const isExpress = (url: string) => EXPRESS_PACKAGES.some((p) => url.includes(`/node_modules/${p}/`));

/** The phase a frame says a sample is in, or undefined for a frame that does not say (native code, Node's own). */
export function phaseOfFrame(url: string, functionName: string): Phase | undefined {
  if (functionName === "stringify" || functionName === "prettyJSONStringify") return "JSON serialisation";
  if (!url || url.startsWith("node:")) return undefined;
  if (/\/graphql\/(language|validation)\//.test(url)) return "parse/validate (document cache hit)";
  if (/@apollo\/utils\.createhash|\/dist\/http\/(documentCache|documentSize)\.js$/.test(url))
    return "parse/validate (document cache hit)";
  if (/graphql-query-complexity|@escape\.tech\/graphql-armor/.test(url)) return "parse/validate (document cache hit)";
  if (/node_modules\/graphql\//.test(url)) return "execution (graphql-js)";
  if (/\/dist\/graphql\//.test(url)) return "resolvers (src/graphql)";
  if (/\/dist\/graph\/(values|rows|pages|cursor|projections)\.js$/.test(url))
    return "shaping (src/graph: Neo4j values to rows, pages)";
  if (/\/dist\/graph\//.test(url)) return "data layer (src/graph: Cypher text, sessions)";
  if (/node_modules\/neo4j-driver/.test(url)) return "neo4j-driver (Bolt)";
  if (/node_modules\/@apollo\//.test(url)) return "Apollo request pipeline and plugins";
  // The common POST served from node:http (graphqlPost.ts) is the HTTP server itself, as Express is for the rest.
  if (/\/dist\/http\/graphqlPost\.js$/.test(url)) return "HTTP (Node, Express, sockets)";
  if (/\/dist\/http\//.test(url)) return "this server's HTTP plugins";
  if (isExpress(url)) return "HTTP (Node, Express, sockets)";
  if (/node_modules\/(pino|sonic-boom|thread-stream)/.test(url) || /\/dist\/logging\.js$/.test(url)) return "logging";
  return "other";
}

/** CPU ms per phase in a profile: each sample's time to the phase of the innermost frame that names one. */
export function timeByPhase(profile: CpuProfile): Map<Phase | "(idle)", number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes as (CpuProfile["nodes"][number] & { children?: number[] })[])
    for (const child of n.children ?? []) parent.set(child, n.id);
  const memo = new Map<number, Phase | "(idle)">();
  const phaseOfNode = (id: number): Phase | "(idle)" => {
    const known = memo.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    let phase: Phase | "(idle)" | undefined;
    if (functionName === "(garbage collector)") phase = "garbage collector";
    else if (functionName === "(idle)") phase = "(idle)";
    else phase = phaseOfFrame(url, functionName);
    if (!phase) {
      const up = parent.get(id);
      // Node's own code and native code with nothing of a package above them: the event loop serving sockets.
      phase = up === undefined ? "HTTP (Node, Express, sockets)" : phaseOfNode(up);
      if (up !== undefined && phase === "other" && url.startsWith("node:")) phase = "HTTP (Node, Express, sockets)";
    }
    memo.set(id, phase);
    return phase;
  };
  const out = new Map<Phase | "(idle)", number>();
  profile.samples.forEach((id, i) => {
    if (!byId.has(id)) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const phase = phaseOfNode(id);
    out.set(phase, (out.get(phase) ?? 0) + ms);
  });
  return out;
}

export interface PhaseProfile {
  key: string;
  requests: number;
  /** Node CPU ms per request in total (idle excluded) and by phase. */
  totalMs: number;
  byPhase: Partial<Record<Phase, number>>;
}

export interface PhaseOptions {
  connections: number;
  durationS: number;
  warmupS: number;
  log: (line: string) => void;
  /** A folder to keep the profile in (server.cpuprofile) with each shape's time window (windows.json). */
  keepProfile?: string;
}

/** Now on the profiler's clock: microseconds of the monotonic clock, which V8's samples and process.hrtime share. */
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Each question's Node CPU per request by phase, from one run of the compiled server under --cpu-prof. */
export async function profilePhases(
  connection: Connection,
  questions: Question[],
  options: PhaseOptions,
): Promise<PhaseProfile[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bench-phases-"));
  try {
    const { server, url } = await startServer(
      1,
      {
        NEO4J_URI: connection.uri,
        NEO4J_USER: connection.user,
        NEO4J_PASSWORD: connection.password,
        NODE_ENV: "production",
        SEED_WHEN_EMPTY: "false",
      },
      ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    );
    const windows: { key: string; requests: number; from: number; to: number }[] = [];
    try {
      for (const q of questions) {
        const body = JSON.stringify({ query: q.ours.query, variables: q.ours.variables });
        if (options.warmupS > 0) await drive(url, body, options.connections, options.warmupS);
        const from = monotonicMicros();
        const requests = await drive(url, body, options.connections, options.durationS);
        windows.push({ key: q.key, requests, from, to: monotonicMicros() });
        options.log(`  profiled ${q.key}: ${requests} requests`);
      }
    } finally {
      await stopServer(server);
    }
    // The primary and its worker each write one: the worker's, the one that served, is the larger.
    const size = (f: string) => fs.statSync(path.join(dir, f)).size;
    const [file] = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".cpuprofile"))
      .sort((a, b) => size(b) - size(a));
    if (!file) throw new Error(`the server wrote no profile into ${dir}`);
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    if (options.keepProfile) {
      fs.mkdirSync(options.keepProfile, { recursive: true });
      fs.copyFileSync(path.join(dir, file), path.join(options.keepProfile, "server.cpuprofile"));
      fs.writeFileSync(path.join(options.keepProfile, "windows.json"), JSON.stringify(windows));
    }
    return windows.map((w) => {
      const times = timeByPhase(withinWindow(profile, w));
      const byPhase: Partial<Record<Phase, number>> = {};
      let total = 0;
      for (const phase of PHASES) {
        const ms = times.get(phase) ?? 0;
        if (w.requests > 0) byPhase[phase] = ms / w.requests;
        total += ms;
      }
      return { key: w.key, requests: w.requests, totalMs: w.requests > 0 ? total / w.requests : 0, byPhase };
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
