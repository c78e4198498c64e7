// The machine a benchmark ran on and the code it measured, for the results header.
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

export interface CodeVersion {
  commit?: string;
  /** Files under src/ that differ from the commit when the run started. */
  modified: string[];
  /**
   * Set when the commit or the changed files were different at the end of the run: the figures may mix two
   * versions.
   */
  changedDuringRun?: boolean;
  /** Status and diff size of src/, to notice a change during the run. */
  fingerprint?: string;
}

/** Which code was measured: the commit, and any uncommitted change to src/ (read-only git queries). */
export function describeCode(root: string): CodeVersion {
  const git = (args: string[]) =>
    // trimEnd: porcelain lines start with a status column that may be a space (" M src/…").
    execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trimEnd();
  try {
    const status = git(["status", "--porcelain", "--", "src"]);
    const modified = status
      .split("\n")
      .filter(Boolean)
      .map((line) => line.slice(3));
    return {
      commit: git(["rev-parse", "--short", "HEAD"]),
      modified,
      fingerprint: `${status}\n${git(["diff", "HEAD", "--", "src"]).length}`,
    };
  } catch {
    return { modified: [] };
  }
}
