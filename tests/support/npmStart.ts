// `npm start` as a user runs it, for the tests of the real start (workers, supervision, shutdown): the process
// started with an environment, its output, and the processes under it.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { projectRoot } from "../../src/config";

export interface Started {
  npm: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
  url: string;
}

/**
 * `npm start` with the given environment (NEO4J_URI unset unless given); resolves once the server printed its URL.
 * Before it is ready, the server warms up: Neo4j's plans, the reads of the last run, then every kind of GraphQL
 * question once and round again until WARM_UP_SECONDS (5 s by default) have passed. That last part is skipped
 * (WARM_UP_SECONDS=0) unless the test says otherwise: it takes up to a minute on a loaded machine, and these tests
 * are about the start and the stop.
 */
export async function npmStart(env: Record<string, string | undefined>): Promise<Started> {
  const base = {
    ...process.env,
    NEO4J_URI: undefined,
    NEO4J_PASSWORD: undefined,
    PORT: "0",
    LOG_LEVEL: "info",
    WARM_UP_SECONDS: "0",
  };
  const npm = spawn("npm", ["start"], { cwd: projectRoot, env: { ...base, ...env }, stdio: "pipe" });
  let output = "";
  npm.stdout.on("data", (d: Buffer) => (output += d.toString()));
  npm.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 150 s in:\n${output}`)), 150_000);
    const check = () => {
      const match = /GraphQL server ready at (http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      } else if (npm.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${npm.exitCode}:\n${output}`));
      } else setTimeout(check, 100);
    };
    check();
  });
  return { npm, output: () => output, exited, url };
}

/** The processes whose parent is `pid`, with their command lines. */
export function childrenOf(pid: number): { pid: number; args: string }[] {
  let lines: string;
  try {
    lines = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when there is none
  }
  return lines
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const match = /^\s*(\d+)\s+(.*)$/.exec(line)!;
      return { pid: Number(match[1]), args: match[2]! };
    });
}
