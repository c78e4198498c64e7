// `npm start` right after SIGTERM to the previous server: the new start waits for the Neo4j that is stopping to exit,
// then starts its own, instead of failing or reusing a database that is about to go away.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { Database } from "../../src/graph/runtime/database";
import { freePort, startEmbeddedNeo4j, type RunningNeo4j } from "../../src/neo4j/embedded";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-restart-"));
const running: RunningNeo4j[] = [];
const log: string[] = [];

async function start(boltPort: number): Promise<RunningNeo4j> {
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    boltPort,
    heapMb: 256,
    pageCacheMb: 32,
    txMemoryMb: 128,
    launcherDir: path.join(projectRoot, "neo4j"),
    log: (line) => log.push(line),
  });
  running.push(neo4j);
  return neo4j;
}

afterAll(async () => {
  for (const neo4j of running) await neo4j.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 90_000);

it("waits for the Neo4j that is stopping to exit, then starts a fresh one on the same folder and port", async () => {
  const port = await freePort();
  const first = await start(port);

  const stopping = first.stop(); // not awaited: the JVM takes seconds to shut down, as after a SIGTERM to the server
  const second = await start(port);
  await stopping;

  expect(second.reused).toBe(false);
  expect(second.pid).not.toBe(first.pid);
  expect(log).toContain(`Waiting for the Neo4j that is stopping (pid ${first.pid}) to exit …`);
  const db = Database.connect({ uri: second.uri, user: second.user, password: second.password, txTimeoutMs: 10_000 });
  try {
    await expect(db.read("RETURN 1 AS one")).resolves.toEqual([{ one: 1 }]);
  } finally {
    await db.close();
  }
}, 180_000);

it("still reuses a healthy running database on the same folder", async () => {
  const owner = running[running.length - 1]!;
  const again = await start(0);
  expect(again).toMatchObject({ reused: true, pid: owner.pid, uri: owner.uri });
}, 60_000);
