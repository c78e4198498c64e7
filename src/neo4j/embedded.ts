// Starts (or reuses) the project's own Neo4j Community through the Java launcher in neo4j/, and stops it again.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { ensureLauncherBuilt, PrerequisiteError } from "./prerequisites";

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  boltPort: number;
  heapMb: number;
  pageCacheMb: number;
  /** Memory all transactions together may use. */
  txMemoryMb: number;
  /** Memory one transaction may use (one query, or one dataset file); 0 or unset: only the total applies. */
  txMaxMb?: number;
  launcherDir: string;
  log: (line: string) => void;
  startTimeoutMs?: number;
  /** Called when Neo4j exits without being asked to (a crash, a kill). */
  onUnexpectedExit?: (description: string) => void;
}

export interface RunningNeo4j {
  uri: string;
  port: number;
  user: string;
  password: string;
  /** True when another process of ours already ran this database and we only connected to it. */
  reused: boolean;
  pid: number;
  /** Tells later starts on this folder that this database is going away (they wait for it instead of reusing it). */
  markStopping(): void;
  stop(): Promise<void>;
}

/** launcher.json in the data folder: which JVM serves this data, and whether its owner has begun stopping it. */
interface LockFile {
  pid: number;
  port: number;
  /** The Node process that started the JVM; when it is gone, the launcher is shutting down (its stdin closed). */
  owner?: number;
  /** Written by stop() before it asks the JVM to exit: a new start must wait for it, not reuse it. */
  stopping?: boolean;
}

/** How long a start waits for a stopping Neo4j to exit (it releases the store lock only when its process ends). */
const STOPPING_WAIT_MS = 60_000;

/** Flags every JVM of ours gets (the embedded server, the bulk importer): what Neo4j's own scripts give it. */
export const JVM_FLAGS = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  // The VM's own messages ("Terminating due to java.lang.OutOfMemoryError…") go to stdout by default: send them to
  // stderr, where describeExit reads them, and keep stdout for the launcher's READY/ERROR lines.
  "-XX:+DisplayVMOutputToStderr",
  "-Dfile.encoding=UTF-8",
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export function portAcceptsConnections(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The password lives next to the data it protects, readable by its owner only; generated on first use. */
function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function readLock(file: string): LockFile | undefined {
  try {
    const lock = JSON.parse(fs.readFileSync(file, "utf8")) as LockFile;
    return Number.isInteger(lock.pid) && Number.isInteger(lock.port) ? lock : undefined;
  } catch {
    return undefined;
  }
}

/** Write-then-rename, so a start reading the lock at the same moment never sees half a file (and no lock at all). */
function writeLock(file: string, lock: LockFile): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(lock));
  fs.renameSync(temporary, file);
}

/** Still the lock of this JVM, and its owner said it is stopping it (or the owner is gone, which stops it too). */
function isStopping(file: string, pid: number): boolean {
  const lock = readLock(file);
  if (lock?.pid !== pid) return false;
  return lock.stopping === true || (lock.owner !== undefined && !processAlive(lock.owner));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type PreviousState = "answers" | "stopping" | "exited" | "silent";

/**
 * Watches the JVM named in the lock until it answers on its port (reuse it), is stopping or has exited (start a
 * fresh one once it is gone), or stays silent past the deadline (hung, or its pid now belongs to something else).
 */
async function watchPrevious(file: string, lock: LockFile, timeoutMs: number): Promise<PreviousState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!processAlive(lock.pid)) return "exited";
    if (isStopping(file, lock.pid)) return "stopping";
    // Checked again after the port answers: stop() may have marked the lock while we were connecting.
    if (await portAcceptsConnections(lock.port)) return isStopping(file, lock.pid) ? "stopping" : "answers";
    if (Date.now() >= deadline) return "silent";
    await sleep(250);
  }
}

/** Waits for a stopping JVM to be gone: its store lock and its port are free only once the process has ended. */
async function waitForExit(pid: number, log: (line: string) => void): Promise<void> {
  log(`Waiting for the Neo4j that is stopping (pid ${pid}) to exit …`);
  const deadline = Date.now() + STOPPING_WAIT_MS;
  while (processAlive(pid)) {
    if (Date.now() >= deadline) {
      throw new PrerequisiteError(
        `The Neo4j that is stopping (pid ${pid}) did not exit within ${STOPPING_WAIT_MS / 1000} s: ` +
          `stop it (kill ${pid}), or set NEO4J_DATA_DIR to another folder.`,
      );
    }
    await sleep(200);
  }
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<RunningNeo4j> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const password = readOrCreatePassword(options.dataDir);
  const lockFile = path.join(options.dataDir, "launcher.json");

  // A second start on the same data folder connects to the running database instead of opening its files twice;
  // one that is stopping (a restart right after SIGTERM) is waited for, then replaced by a fresh JVM.
  const lock = readLock(lockFile);
  if (lock && processAlive(lock.pid)) {
    const state = await watchPrevious(lockFile, lock, options.startTimeoutMs ?? 120_000);
    if (state === "answers") {
      options.log(
        `Reusing the Neo4j already running for ${options.dataDir} (pid ${lock.pid}, bolt://127.0.0.1:${lock.port}).`,
      );
      return {
        uri: `bolt://127.0.0.1:${lock.port}`,
        port: lock.port,
        user: "neo4j",
        password,
        reused: true,
        pid: lock.pid,
        markStopping: () => {},
        stop: async () => {},
      };
    }
    if (state === "silent") {
      throw new PrerequisiteError(
        `Another process (pid ${lock.pid}) holds the Neo4j data in ${options.dataDir} but does not answer on port ` +
          `${lock.port}: stop it, or set NEO4J_DATA_DIR to another folder.`,
      );
    }
    if (state === "stopping") await waitForExit(lock.pid, options.log);
  }

  const build = ensureLauncherBuilt(options.launcherDir, options.log);
  const port = options.boltPort || (await freePort());
  if (options.boltPort && (await portAcceptsConnections(port))) {
    throw new PrerequisiteError(
      `Port ${port} (NEO4J_BOLT_PORT) is already in use: ` +
        "choose another port, or leave NEO4J_BOLT_PORT unset to pick a free one.",
    );
  }

  const args = [
    `-Xms${Math.min(256, options.heapMb)}m`,
    `-Xmx${options.heapMb}m`,
    ...JVM_FLAGS,
    "-cp",
    build.classpath,
    "kg.launcher.Launcher",
    `--home=${options.dataDir}`,
    `--port=${port}`,
    `--pagecache-mb=${options.pageCacheMb}`,
    `--tx-memory-mb=${options.txMemoryMb}`,
    `--tx-max-mb=${options.txMaxMb ?? 0}`,
  ];
  const started = Date.now();
  const child = spawn(build.javaBin, args, {
    cwd: options.dataDir,
    env: { ...process.env, NEO4J_LAUNCHER_PASSWORD: password },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stderrTail: string[] = [];
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => {
    stderrTail.push(...chunk.split("\n").filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });
  // If Node dies, the pipe closes and the launcher shuts Neo4j down; until then keep it from holding the event loop.
  child.stdin!.on("error", () => {});

  await waitForReady(child, options.startTimeoutMs ?? 180_000, stderrTail, options.heapMb);
  const ours: LockFile = { pid: child.pid ?? -1, port, owner: process.pid };
  writeLock(lockFile, ours);
  options.log(
    `Neo4j started in ${((Date.now() - started) / 1000).toFixed(1)} s on bolt://127.0.0.1:${port} ` +
      `(data in ${options.dataDir}).`,
  );

  const removeLock = () => {
    if (readLock(lockFile)?.pid === child.pid) fs.rmSync(lockFile, { force: true });
  };
  let stopping: Promise<void> | undefined;
  // "close", not "exit": the JVM's last words on stderr (an OutOfMemoryError) may arrive after it has exited.
  child.once("close", (code, signal) => {
    if (stopping) return;
    removeLock();
    const why = describeExit(code, signal, stderrTail, options.heapMb);
    if (options.onUnexpectedExit) options.onUnexpectedExit(why);
    else options.log(`Neo4j ${why}.`);
  });
  const markStopping = () => {
    if (!stopping && readLock(lockFile)?.pid === child.pid) writeLock(lockFile, { ...ours, stopping: true });
  };
  const stop = () => {
    markStopping();
    stopping ??= stopChild(child).finally(removeLock);
    return stopping;
  };
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    user: "neo4j",
    password,
    reused: false,
    pid: child.pid ?? -1,
    markStopping,
    stop,
  };
}

function waitForReady(child: ChildProcess, timeoutMs: number, stderrTail: string[], heapMb: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new PrerequisiteError(
          `Neo4j did not start within ${timeoutMs / 1000} s. Last output:\n${stderrTail.join("\n")}`,
        ),
      );
    }, timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      const why = describeExit(code, signal, stderrTail, heapMb);
      reject(new PrerequisiteError(`Neo4j exited during start-up: it ${why}. Last output:\n${stderrTail.join("\n")}`));
    };
    child.once("close", onExit);
    lines.on("line", (line) => {
      if (line.startsWith("READY ")) {
        clearTimeout(timer);
        child.off("close", onExit);
        resolve();
      } else if (line.startsWith("ERROR ")) {
        clearTimeout(timer);
        child.off("close", onExit);
        reject(new PrerequisiteError(explainLauncherError(line.slice(6))));
      }
    });
  });
}

/** What -XX:+ExitOnOutOfMemoryError exits with; the JVM prints "Terminating due to java.lang.OutOfMemoryError…". */
const OUT_OF_MEMORY_EXIT_CODE = 3;

/**
 * Why the JVM ended, in words for the log (it follows "Neo4j "): out of memory, a signal, or an exit code with its
 * last lines on stderr. A signal number shows up as 128 + n when the JVM handled the signal itself (SIGTERM → 143).
 */
export function describeExit(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderrTail: readonly string[],
  heapMb: number,
): string {
  const error = stderrTail
    .map((line) => /java\.lang\.OutOfMemoryError.*/.exec(line)?.[0])
    .filter((match) => match !== undefined)
    .pop();
  if (error !== undefined || code === OUT_OF_MEMORY_EXIT_CODE) return describeOutOfMemory(error, code, heapMb);
  const signalName = signal ?? (code !== null && code > 128 ? signalNamed(code - 128) : undefined);
  if (signalName) return describeSignal(signalName, signal ? undefined : code);
  const last = stderrTail.slice(-5).join(" | ");
  return `exited with code ${code}${last ? ` (last output: ${last})` : " without output on stderr"}`;
}

function describeOutOfMemory(error: string | undefined, code: number | null, heapMb: number): string {
  const heap = `the Java heap (NEO4J_HEAP_MB=${heapMb})`;
  if (error === undefined) {
    return `exited with code ${code}, the JVM's code for running out of memory: ${heap} was probably too small`;
  }
  // Heap space and GC overhead are the heap; Metaspace, direct buffers or native threads are memory outside it.
  const inHeap = /heap space|GC overhead/i.test(error);
  const cause = inHeap ? `${heap} was too small for what it was asked` : `memory outside ${heap} ran short`;
  return `ran out of memory (${error}; exit code ${code}): ${cause}`;
}

function describeSignal(signal: string, code: number | null | undefined): string {
  const exitCode = code === undefined ? "" : `exit code ${code}`;
  if (signal === "SIGKILL") {
    const who = "by another process or the kernel's out-of-memory killer";
    return `was killed by SIGKILL (${who}${exitCode && `; ${exitCode}`})`;
  }
  const stopped = ["SIGTERM", "SIGINT", "SIGHUP"].includes(signal);
  const what = stopped ? `was stopped by ${signal} from another process` : `was ended by ${signal}`;
  return exitCode ? `${what} (${exitCode})` : what;
}

function signalNamed(n: number): string | undefined {
  return Object.entries(os.constants.signals).find(([, number]) => number === n)?.[0];
}

function explainLauncherError(message: string): string {
  if (/lock/i.test(message)) {
    return (
      "Neo4j could not lock its data folder; another Neo4j is using it. " +
      `Stop that process or set NEO4J_DATA_DIR to another folder. (${message})`
    );
  }
  if (/address already in use|bind/i.test(message)) {
    return `Neo4j could not listen on its Bolt port: ${message}. Set NEO4J_BOLT_PORT to a free port or leave it unset.`;
  }
  return `Neo4j failed to start: ${message}`;
}

/** Closing stdin asks the launcher to shut down cleanly; signals follow only if it does not. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const term = setTimeout(() => child.kill("SIGTERM"), 30_000);
    const kill = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.once("exit", () => {
      clearTimeout(term);
      clearTimeout(kill);
      resolve();
    });
    child.stdin!.end();
  });
}
