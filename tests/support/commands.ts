// Runs the project's commands (src/cli/*.ts) as a user runs them, against the test database: its address and
// password in the environment, the project folder as the working directory.
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/config";

export interface CommandResult {
  code: number | null;
  out: string;
  err: string;
}

const TSX = path.join(projectRoot, "node_modules/.bin/tsx");
const TIMEOUT_MS = 120_000;

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: process.env.TEST_NEO4J_URI,
    NEO4J_USER: "neo4j",
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
    ...extra,
  };
}

/** `tsx src/cli/<script> …args`, waited for. */
export function runCommand(script: string, args: string[], extraEnv: Record<string, string> = {}): CommandResult {
  const result = spawnSync(TSX, [`src/cli/${script}`, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    env: env(extraEnv),
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The same without blocking this process (which may serve an in-process test server the command talks to). */
export function runCommandAsync(
  script: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [`src/cli/${script}`, ...args],
      { cwd: projectRoot, env: env(extraEnv), timeout: TIMEOUT_MS },
      (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }),
    );
  });
}
