// Starts the one Neo4j of this test run in a temporary folder on a free port, and applies the graph schema.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { Database } from "../../src/graph/runtime/database";
import { applyConstraintsAndIndexes } from "../../src/graph/constraintsAndIndexes";
import { startEmbeddedNeo4j, type RunningNeo4j } from "../../src/neo4j/embedded";

declare global {
  var __TEST_NEO4J__: { running: RunningNeo4j; dataDir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-test-neo4j-"));
  const running = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    heapMb: 768,
    pageCacheMb: 128,
    txMemoryMb: 512,
    launcherDir: path.join(projectRoot, "neo4j"),
    log: (line) => process.stderr.write(`[neo4j] ${line}\n`),
  });
  globalThis.__TEST_NEO4J__ = { running, dataDir };
  process.env.TEST_NEO4J_URI = running.uri;
  process.env.TEST_NEO4J_PASSWORD = running.password;
  process.env.TEST_NEO4J_DATA_DIR = dataDir;
  const db = Database.connect({
    uri: running.uri,
    user: running.user,
    password: running.password,
    txTimeoutMs: 120_000,
  });
  try {
    await applyConstraintsAndIndexes(db);
  } finally {
    await db.close();
  }
}
