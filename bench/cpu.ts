// CPU time a process has used so far (user + system), from /proc on Linux; undefined elsewhere or for unknown pids.
// Divided by the requests of a run it shows where each request's time goes: Neo4j, the Node server, the load generator.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || pid <= 0) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
    return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : undefined;
  } catch {
    return undefined;
  }
}

/** The children of a process (Linux), e.g. the workers of a cluster primary. */
function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU time of a process and its children (a server with WORKERS above 1 serves from its children). */
export function cpuMsWithChildren(pid: number | undefined): number | undefined {
  const own = cpuMs(pid);
  if (own === undefined || pid === undefined) return own;
  return childPids(pid).reduce((sum, child) => sum + (cpuMs(child) ?? 0), own);
}

/** Resident memory of a process (Linux), or undefined. */
export function rssBytes(pid: number | undefined): number | undefined {
  if (pid === undefined || pid <= 0) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Resident memory of a process and its children (a server with WORKERS above 1 serves from its children). */
export function rssBytesWithChildren(pid: number | undefined): number | undefined {
  const own = rssBytes(pid);
  if (own === undefined || pid === undefined) return own;
  return childPids(pid).reduce((sum, child) => sum + (rssBytes(child) ?? 0), own);
}

/** CPU time all processes of the machine have used so far (every core), from /proc/stat. */
export function machineBusyMs(): number | undefined {
  try {
    const [cpu] = fs.readFileSync("/proc/stat", "utf8").split("\n");
    const [, user, nice, system, , , irq, softirq, steal] = (cpu ?? "").trim().split(/\s+/).map(Number);
    const ticks = [user, nice, system, irq, softirq, steal].reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : undefined;
  } catch {
    return undefined;
  }
}

/** CPU used by each given process between two samples, and by everything else on the machine. */
export class CpuMeter<K extends string> {
  private readonly start: Record<K, number | undefined>;
  private readonly startBusy = machineBusyMs();
  private readonly startSelf = cpuMs(process.pid);
  private readonly startedAt = performance.now();

  constructor(private readonly pids: Record<K, number | undefined>) {
    this.start = this.sample();
  }

  /**
   * Share of the machine's CPU (all cores, in %) used by processes other than the measured ones and this one since
   * the meter was made: another job on the machine makes a run unreliable. Undefined unless every pid is known.
   */
  otherLoadPercent(cores: number): number | undefined {
    // A process of the run that cannot be sampled (a database someone else started) would count as "other".
    if (Object.values(this.pids).some((pid) => pid === undefined)) return undefined;
    const busy = machineBusyMs();
    const self = cpuMs(process.pid);
    if (busy === undefined || this.startBusy === undefined || self === undefined || this.startSelf === undefined)
      return undefined;
    const end = this.sample();
    let ours = self - this.startSelf;
    for (const key of Object.keys(this.pids) as K[]) {
      const a = this.start[key];
      const b = end[key];
      if (a !== undefined && b !== undefined) ours += b - a;
    }
    const elapsed = performance.now() - this.startedAt;
    return Math.max(0, ((busy - this.startBusy - ours) / (elapsed * cores)) * 100);
  }

  private sample(): Record<K, number | undefined> {
    const out = {} as Record<K, number | undefined>;
    for (const key of Object.keys(this.pids) as K[]) out[key] = cpuMsWithChildren(this.pids[key]);
    return out;
  }

  /** CPU ms per request of each process since the meter was made. */
  perRequest(requests: number): Partial<Record<K, number>> {
    const end = this.sample();
    const out: Partial<Record<K, number>> = {};
    for (const key of Object.keys(this.pids) as K[]) {
      const a = this.start[key];
      const b = end[key];
      if (a !== undefined && b !== undefined && requests > 0) out[key] = (b - a) / requests;
    }
    return out;
  }
}
