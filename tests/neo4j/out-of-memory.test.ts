// A query that exhausts the Java heap ends the JVM (-XX:+ExitOnOutOfMemoryError): the server's log says it ran out of
// memory and which setting was too small, and the supervisor brings Neo4j back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "../../src/config";
import { Database } from "../../src/graph/runtime/database";
import { resolveNeo4j, type Neo4jTarget } from "../../src/neo4j/connect";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-oom-"));
const logged: string[] = [];
let neo4j: Neo4jTarget | undefined;

/** A tiny heap and no transaction memory limit, so the query meets the JVM's limit and not Neo4j's own. */
function tinyHeapConfig(): Config {
  const base = loadConfig({ NEO4J_DATA_DIR: dataDir, NEO4J_HEAP_MB: "128", NEO4J_PAGECACHE_MB: "16" });
  return { ...base, embedded: { ...base.embedded, txMemoryMb: 60_000, txMaxMb: 0 } };
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log:\n${logged.join("\n")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

it("logs that Neo4j ran out of heap, naming NEO4J_HEAP_MB, and restarts it", async () => {
  const record = (line: string) => logged.push(line);
  neo4j = await resolveNeo4j(tinyHeapConfig(), { log: record, warn: record, supervise: true });
  const db = Database.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, txTimeoutMs: 60_000 });
  try {
    await expect(db.read("UNWIND range(1, 200000000) AS x RETURN size(collect(x)) AS n")).rejects.toThrow();
    await until("the warning", () => logged.some((l) => l.startsWith("Neo4j ran out of memory")), 30_000);
    const warning = logged.find((l) => l.startsWith("Neo4j ran out of memory"))!;
    expect(warning).toMatch(/^Neo4j ran out of memory \(java\.lang\.OutOfMemoryError: (Java heap space|GC overhead)/);
    expect(warning).toContain(
      "; exit code 3): the Java heap (NEO4J_HEAP_MB=128) was too small for what it was asked; restarting it in 1 s",
    );
    await until("the restart", () => logged.filter((l) => l.startsWith("Neo4j started in")).length === 2, 120_000);
    await expect(db.read("RETURN 1 AS one")).resolves.toEqual([{ one: 1 }]);
  } finally {
    await db.close();
  }
}, 240_000);
