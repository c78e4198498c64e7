// Starts (or reuses) the project's own Neo4j Community through the Java launcher in neo4j/, and stops it again.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";
import { ensureLauncherBuilt, PrerequisiteError } from "./prerequisites";

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  boltPort: number;
  heapMb: number;
  pageCacheMb: number;
  /** Memory all transactions together may use; one dataset file is one transaction. */
  txMemoryMb: number;
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
  stop(): Promise<void>;
}

interface LockFile {
  pid: number;
  port: number;
}

const JVM_FLAGS = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  "-Dfile.encoding=UTF-8",
];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
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

function processAlive(pid: number): boolean {
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

async function waitForPort(port: number, pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && processAlive(pid)) {
    if (await portAcceptsConnections(port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<RunningNeo4j> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const password = readOrCreatePassword(options.dataDir);
  const lockFile = path.join(options.dataDir, "launcher.json");

  // A second start on the same data folder connects to the running database instead of opening its files twice.
  const lock = readLock(lockFile);
  if (lock && processAlive(lock.pid)) {
    if (await waitForPort(lock.port, lock.pid, options.startTimeoutMs ?? 120_000)) {
      options.log(`Reusing the Neo4j already running for ${options.dataDir} (pid ${lock.pid}, bolt://127.0.0.1:${lock.port}).`);
      return {
        uri: `bolt://127.0.0.1:${lock.port}`,
        port: lock.port,
        user: "neo4j",
        password,
        reused: true,
        pid: lock.pid,
        stop: async () => {},
      };
    }
    throw new PrerequisiteError(
      `Another process (pid ${lock.pid}) holds the Neo4j data in ${options.dataDir} but does not answer on port ${lock.port}: stop it, or set NEO4J_DATA_DIR to another folder.`,
    );
  }

  const build = ensureLauncherBuilt(options.launcherDir, options.log);
  const port = options.boltPort || (await freePort());
  if (options.boltPort && (await portAcceptsConnections(port))) {
    throw new PrerequisiteError(`Port ${port} (NEO4J_BOLT_PORT) is already in use: choose another port, or leave NEO4J_BOLT_PORT unset to pick a free one.`);
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

  await waitForReady(child, options.startTimeoutMs ?? 180_000, stderrTail);
  fs.writeFileSync(lockFile, JSON.stringify({ pid: child.pid ?? -1, port } satisfies LockFile));
  options.log(`Neo4j started in ${((Date.now() - started) / 1000).toFixed(1)} s on bolt://127.0.0.1:${port} (data in ${options.dataDir}).`);

  let stopping: Promise<void> | undefined;
  child.once("exit", (code, signal) => {
    if (stopping) return;
    const current = readLock(lockFile);
    if (current?.pid === child.pid) fs.rmSync(lockFile, { force: true });
    options.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exited with code ${code}`);
  });
  const stop = () => {
    stopping ??= stopChild(child).finally(() => {
      const current = readLock(lockFile);
      if (current?.pid === child.pid) fs.rmSync(lockFile, { force: true });
    });
    return stopping;
  };
  return { uri: `bolt://127.0.0.1:${port}`, port, user: "neo4j", password, reused: false, pid: child.pid ?? -1, stop };
}

function waitForReady(child: ChildProcess, timeoutMs: number, stderrTail: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new PrerequisiteError(`Neo4j did not start within ${timeoutMs / 1000} s. Last output:\n${stderrTail.join("\n")}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new PrerequisiteError(`Neo4j exited during start-up (code ${code}). Last output:\n${stderrTail.join("\n")}`));
    };
    child.once("exit", onExit);
    lines.on("line", (line) => {
      if (line.startsWith("READY ")) {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve();
      } else if (line.startsWith("ERROR ")) {
        clearTimeout(timer);
        child.off("exit", onExit);
        reject(new PrerequisiteError(explainLauncherError(line.slice(6))));
      }
    });
  });
}

function explainLauncherError(message: string): string {
  if (/lock/i.test(message)) {
    return `Neo4j could not lock its data folder; another Neo4j is using it. Stop that process or set NEO4J_DATA_DIR to another folder. (${message})`;
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
