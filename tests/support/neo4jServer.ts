// A real Neo4j server process for tests that need one apart from the run's embedded database: Neo4j's own entry
// point (org.neo4j.server.CommunityEntryPoint, in org.neo4j:neo4j) on the launcher's classpath, with a home and a
// neo4j.conf of its own in a temporary folder, Bolt on a free port, auth on with a generated password.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import { projectRoot } from "../../src/config";
import { freePort, portAcceptsConnections } from "../../src/neo4j/embedded";
import { ensureLauncherBuilt } from "../../src/neo4j/prerequisites";

export interface Neo4jServer {
  /** neo4j://127.0.0.1:<port>: the driver asks the server for its routing table, as it does with a cluster. */
  uri: string;
  port: number;
  user: string;
  password: string;
  /** NEO4J_HOME: conf/, data/, logs/ (logs/neo4j.log and logs/debug.log say what the server did). */
  home: string;
  pid: number;
  stop(): Promise<void>;
}

export interface Neo4jServerOptions {
  /** neo4j.conf settings added to (or replacing) the defaults below, e.g. db.transaction.bookmark_ready_timeout. */
  settings?: Record<string, string>;
  heapMb?: number;
  startTimeoutMs?: number;
}

/** The JVM flags Neo4j's own start script gives it that Neo4j needs (as src/neo4j/embedded.ts does). */
const JVM_FLAGS = [
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  "-Dfile.encoding=UTF-8",
];

function conf(port: number, overrides: Record<string, string>): string {
  const settings: Record<string, string> = {
    "server.bolt.listen_address": `127.0.0.1:${port}`,
    // What the routing table names: the driver connects to the addresses it lists, not to the URI it was given.
    "server.bolt.advertised_address": `127.0.0.1:${port}`,
    "server.http.enabled": "false",
    "server.https.enabled": "false",
    "dbms.security.auth_enabled": "true",
    "dbms.usage_report.enabled": "false",
    "server.memory.pagecache.size": "64m",
    "db.memory.transaction.total.max": "256m",
    // Bolt's Netty waits out a ~10 s quiet period on shutdown; the tests close their drivers first.
    "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
    "internal.dbms.bolt.netty_server_shutdown_timeout": "3s",
    ...overrides,
  };
  return Object.entries(settings)
    .map(([key, value]) => `${key}=${value}\n`)
    .join("");
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no file)";
  }
}

/** `neo4j-admin dbms set-initial-password`, run from the same jars before the first start. */
function setInitialPassword(javaBin: string, classpath: string, home: string, password: string): void {
  const run = spawnSync(
    javaBin,
    [...JVM_FLAGS, "-cp", classpath, "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password],
    { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, "conf") }, encoding: "utf8" },
  );
  if (run.status !== 0) {
    throw new Error(`neo4j-admin dbms set-initial-password failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** Resolves once Bolt answers and the driver can open a session through the routing URI; rejects if the JVM exits. */
async function waitForBolt(child: ChildProcess, server: Omit<Neo4jServer, "stop">, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once("exit", (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  while (!(await portAcceptsConnections(server.port, 500))) {
    if (exited) throw new Error(`Neo4j ${exited} during start-up`);
    if (Date.now() > deadline) throw new Error(`Neo4j did not open Bolt on port ${server.port} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  try {
    await driver.verifyConnectivity();
  } finally {
    await driver.close();
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // SIGTERM runs Neo4j's shutdown hook (a clean stop); SIGKILL only if it hangs.
    const kill = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startNeo4jServer(options: Neo4jServerOptions = {}): Promise<Neo4jServer> {
  const build = ensureLauncherBuilt(path.join(projectRoot, "neo4j"), (line) => process.stderr.write(`${line}\n`));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "kg-neo4j-server-"));
  const port = await freePort();
  fs.mkdirSync(path.join(home, "conf"));
  fs.writeFileSync(path.join(home, "conf", "neo4j.conf"), conf(port, options.settings ?? {}));
  const password = crypto.randomBytes(18).toString("base64url");
  setInitialPassword(build.javaBin, build.classpath, home, password);

  const heapMb = options.heapMb ?? 512;
  const child = spawn(
    build.javaBin,
    [
      `-Xms${Math.min(128, heapMb)}m`,
      `-Xmx${heapMb}m`,
      ...JVM_FLAGS,
      "-cp",
      build.classpath,
      "org.neo4j.server.CommunityEntryPoint",
      `--home-dir=${home}`,
      `--config-dir=${path.join(home, "conf")}`,
    ],
    { cwd: home, stdio: ["ignore", "ignore", "pipe"] },
  );
  const stderr: string[] = [];
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => stderr.push(chunk));
  // A test process that ends without calling stop() (a crash, an interrupted run) must not leave the JVM behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const server = { uri: `neo4j://127.0.0.1:${port}`, port, user: "neo4j", password, home, pid: child.pid ?? -1 };
  const stop = async () => {
    await stopProcess(child);
    process.off("exit", killOnExit);
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForBolt(child, server, options.startTimeoutMs ?? 120_000);
  } catch (error) {
    const log = tail(path.join(home, "logs", "neo4j.log"));
    await stop();
    throw new Error(
      `${(error as Error).message}\nneo4j.log:\n${log}\nstderr:\n${stderr.join("").trim().slice(-2000) || "(empty)"}`,
    );
  }
  return { ...server, stop };
}
