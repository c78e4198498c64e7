// A server as `npm start` runs it (the embedded Neo4j with the default memory settings) on a generated graph whose
// sources are long articles (~680,000 characters each), for hostile-load tests and the hostile bench.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, projectRoot } from "../../src/config";
import { Database } from "../../src/graph/runtime/database";
import { applyConstraintsAndIndexes } from "../../src/graph/constraintsAndIndexes";
import { startHttpServer, type HttpServer } from "../../src/http/server";
import { LOAD_TX_TIMEOUT_MS } from "../../src/load/run";
import { startEmbeddedNeo4j, type RunningNeo4j } from "../../src/neo4j/embedded";
import { generateSyntheticDataset } from "../generate";
import { loadDirectory } from "../load";

export interface HostileWorld {
  server: HttpServer;
  neo4j: RunningNeo4j;
  db: Database;
  /** Why the Neo4j JVM exited on its own, each time it did (empty while it never did). */
  unexpectedExits: string[];
  heapMb: number;
  stop(): Promise<void>;
}

export interface WorldOptions {
  statements: number;
  log?: (line: string) => void;
  apiToken?: string;
}

export async function startHostileWorld(options: WorldOptions): Promise<HostileWorld> {
  const log = options.log ?? (() => {});
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kg-hostile-"));
  const config = loadConfig({ NEO4J_DATA_DIR: path.join(root, "neo4j") });
  const unexpectedExits: string[] = [];
  const neo4j = await startEmbeddedNeo4j({
    ...config.embedded,
    launcherDir: path.join(projectRoot, "neo4j"),
    log,
    onUnexpectedExit: (why) => unexpectedExits.push(why),
  });
  // Loading is not what is measured: a file is one transaction and may take longer than a request may.
  const loader = Database.connect({ ...neo4j, txTimeoutMs: LOAD_TX_TIMEOUT_MS });
  const db = Database.connect({ ...neo4j, txTimeoutMs: config.txTimeoutMs, retryMs: config.retryMs });
  try {
    await applyConstraintsAndIndexes(loader);
    const data = path.join(root, "data");
    generateSyntheticDataset({ statements: options.statements, out: data, perFile: 5000 });
    const loaded = await loadDirectory(loader, data, { progress: false });
    log(`Loaded ${loaded.statements} statements in ${(loaded.ms / 1000).toFixed(1)} s`);
  } finally {
    await loader.close();
  }
  const server = await startHttpServer({
    db,
    port: 0,
    host: "127.0.0.1",
    apiToken: options.apiToken,
    readiness: { check: async () => [] },
    apollo: { limits: config.limits, introspection: false, production: true, logError: () => {} },
  });
  return {
    server,
    neo4j,
    db,
    unexpectedExits,
    heapMb: config.embedded.heapMb,
    async stop() {
      await server.stop();
      await db.close();
      await neo4j.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface AttackOutcome {
  status: number;
  ms: number;
  codes: string[];
  /** Bytes of the response body. */
  bytes: number;
  hasData: boolean;
}

export async function send(url: string, body: unknown): Promise<AttackOutcome> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: { data?: unknown; errors?: { extensions?: { code?: string } }[] } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: status says what happened
  }
  const codes = [...new Set((json.errors ?? []).map((e) => e.extensions?.code ?? "NONE"))];
  const hasData =
    json.data !== undefined && json.data !== null && Object.values(json.data as object).some((v) => v !== null);
  return { status: response.status, ms, codes, bytes: text.length, hasData };
}

/** Polls /health/live every 100 ms until stopped; resolves with the slowest answer in ms. */
export function watchLiveness(url: string): { stop(): Promise<number> } {
  const live = url.replace(/\/graphql$/, "/health/live");
  let slowest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        await fetch(live, { signal: AbortSignal.timeout(5000) });
      } catch {
        // a time-out counts as its full time
      }
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return slowest;
    },
  };
}
