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
  // Every other JVM of the run (the Neo4j a test starts of its own, npm start's, the importer) lives for seconds of
  // work after a start-up whose JIT compiling is half its CPU: C1 alone starts Neo4j on 12 CPU-seconds instead of 21.
  // Set after the run's own Neo4j started, which serves every test and keeps the optimising compiler.
  process.env.JAVA_TOOL_OPTIONS = [process.env.JAVA_TOOL_OPTIONS, "-XX:TieredStopAtLevel=1"].filter(Boolean).join(" ");
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
