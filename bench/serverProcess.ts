// The compiled server as `npm start` runs it (node dist/main.js), started and stopped by a benchmark, and the soak
// mix (bench/soak.ts --url) driven against it from a separate process.
import { spawn, type ChildProcess } from "node:child_process";
import { projectRoot } from "../src/config";
import { freePort } from "../src/neo4j/embedded";

export interface SoakResult {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Responses by HTTP status, e.g. { "200": 1234, "503": 56 }. */
  statusCodes: Record<string, number>;
  /** Latencies per query of the mix, in its order (bench/soak.ts MIX). */
  byQuery?: { requests: number; p50: number; p99: number; max: number }[];
  /** Latencies of the answers in each 5 s of the run, in order. */
  byWindow?: { requests: number; p50: number; p99: number; max: number }[];
}

/** Starts `node dist/main.js` as npm start does; resolves with its URL once it says it is ready. */
export async function startServer(
  workers: number,
  env: Record<string, string | undefined>,
  /** Options for Node itself, e.g. --cpu-prof. */
  nodeOptions: string[] = [],
): Promise<{ server: ChildProcess; url: string; warmUp: string[] }> {
  const port = await freePort();
  const server = spawn(process.execPath, [...nodeOptions, "dist/main.js"], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: undefined, ...env, WORKERS: String(workers), PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 15 min:\n${tail}`)), 15 * 60_000);
    const onData = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-20_000);
      const match = /GraphQL server ready at (http:\/\/\S+\/graphql)/.exec(tail);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout!.on("data", onData);
    server.stderr!.on("data", onData);
    server.once("exit", (code) => reject(new Error(`the server exited with ${code}:\n${tail}`)));
  });
  // What the start-up's warm-up did and how long it took: the first minute of a run depends on it.
  const warmUp = tail.split("\n").filter((line) => /warm-up/i.test(line));
  return { server, url, warmUp };
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

/**
 * bench/soak.ts --url: the mix from a separate process (autocannon); its JSON result is on stdout. With a rate, the
 * clients send that many requests per second in all, however fast the server answers (an open load).
 */
export function soak(
  url: string,
  connections: number,
  duration: number,
  rate?: number,
): { child: ChildProcess; result: Promise<SoakResult> } {
  const args = ["--import", "tsx", "bench/soak.ts", "--url", url];
  args.push("--connections", String(connections), "--duration", String(duration));
  if (rate) args.push("--rate", String(Math.round(rate)));
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  const result = new Promise<SoakResult>((resolve, reject) => {
    child.once("exit", () => {
      const json = /\{[\s\S]*\}/.exec(stdout)?.[0];
      if (json) resolve(JSON.parse(json) as SoakResult);
      else reject(new Error(`bench/soak.ts printed no result:\n${stdout}`));
    });
  });
  return { child, result };
}
