// Neo4j dies under the server (SIGKILL) and comes back: requests fail fast and clearly, the server recovers by
// itself, and no acknowledged write is lost.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { Database } from "../../src/graph/runtime/database";
import { applyConstraintsAndIndexes } from "../../src/graph/constraintsAndIndexes";
import type { HttpServer } from "../../src/http/server";
import { freePort, startEmbeddedNeo4j, type RunningNeo4j } from "../../src/neo4j/embedded";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-outage-"));
let port: number;
let neo4j: RunningNeo4j;
let db: Database;
let server: HttpServer;

const start = () =>
  startEmbeddedNeo4j({
    dataDir,
    boltPort: port,
    heapMb: 256,
    pageCacheMb: 32,
    txMemoryMb: 128,
    launcherDir: path.join(projectRoot, "neo4j"),
    log: () => {},
  });

beforeAll(async () => {
  port = await freePort();
  neo4j = await start();
  db = Database.connect({
    uri: neo4j.uri,
    user: neo4j.user,
    password: neo4j.password,
    txTimeoutMs: 10_000,
    retryMs: 1000,
  });
  await applyConstraintsAndIndexes(db);
  server = await startTestServer(db, {
    readiness: {
      check: async () => {
        try {
          await db.verifyConnectivity();
          return [];
        } catch (e) {
          return [(e as Error).message];
        }
      },
    },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

const COUNT = "{ people { totalCount } }";
const base = () => server.url.replace(/\/graphql$/, "");

async function createPerson(i: number): Promise<boolean> {
  const response = await post(
    server.url,
    { query: `mutation { createPerson(input: { name: "Writer ${i}" }) { id } }` },
    { authorization: `Bearer ${TEST_TOKEN}` },
  );
  return response.status === 200 && !response.json.errors;
}

it("fails fast while Neo4j is down, recovers when it returns, and loses no acknowledged write", async () => {
  let acknowledged = 0;
  for (let i = 0; i < 25; i++) if (await createPerson(i)) acknowledged++;
  expect(acknowledged).toBe(25);

  process.kill(neo4j.pid, "SIGKILL");
  await new Promise((r) => setTimeout(r, 300));

  const started = Date.now();
  const during = await post(server.url, { query: COUNT });
  const failFastMs = Date.now() - started;
  expect(during.json.errors[0]).toMatchObject({
    message: "The database is unavailable; try again shortly.",
    extensions: { code: "DATABASE_UNAVAILABLE" },
  });
  expect(failFastMs).toBeLessThan(8000);
  if (await createPerson(1000)) acknowledged++; // refused while down: not acknowledged, so not counted
  const ready = await fetch(`${base()}/health/ready`);
  expect(ready.status).toBe(503);
  expect((await fetch(`${base()}/health/live`)).status).toBe(200);

  const restarted = Date.now();
  neo4j = await start();
  let recoveredMs = -1;
  while (Date.now() - restarted < 60_000) {
    const response = await post(server.url, { query: COUNT });
    if (!response.json.errors) {
      recoveredMs = Date.now() - restarted;
      expect(response.json.data.people.totalCount).toBe(acknowledged);
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(recoveredMs).toBeGreaterThan(0);
  expect((await fetch(`${base()}/health/ready`)).status).toBe(200);
  for (let i = 100; i < 105; i++) if (await createPerson(i)) acknowledged++;
  const after = await post(server.url, { query: COUNT });
  expect(after.json.data.people.totalCount).toBe(acknowledged);
  process.stderr.write(
    `[outage] failed fast in ${failFastMs} ms; answered again ${recoveredMs} ms after Neo4j was restarted; ` +
      `${acknowledged} acknowledged writes, 0 lost\n`,
  );
}, 180_000);
