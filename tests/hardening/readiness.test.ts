// Ready means ready: /health/ready says "the seed is loading" until the seed is in, and a write sent meanwhile waits
// for the seed (up to WRITE_WAIT_MS, then SERVER_NOT_READY) instead of racing it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../bench/generate";
import { projectRoot } from "../../src/config";
import type { Database } from "../../src/graph/runtime/database";
import { countStatements } from "../../src/graph/stats";
import type { HttpServer } from "../../src/http/server";
import { WriteGate } from "../../src/http/limits/writeGate";
import { freePort } from "../../src/neo4j/embedded";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

let db: Database;
beforeAll(() => {
  db = connectTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const auth = { authorization: `Bearer ${TEST_TOKEN}` };
const createPerson = (name: string) => ({ query: `mutation { createPerson(input: { name: "${name}" }) { id name } }` });

async function ready(base: string): Promise<{ status: number; problems: string[] } | undefined> {
  try {
    const response = await fetch(`${base}/health/ready`);
    const body = (await response.json()) as { problems?: string[] };
    return { status: response.status, problems: body.problems ?? [] };
  } catch {
    return undefined; // not listening yet
  }
}

const SEED_STATEMENTS = 200;

describe("npm start with a seed to load", () => {
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-readiness-seed-"));
  afterAll(() => fs.rmSync(seedDir, { recursive: true, force: true }));

  it("is not ready while the seed loads, holds a write until the seed is in, then is ready with it all", async () => {
    // The entities' file alone (530 of them, resolved one by one) keeps the seed loading for seconds: time enough for
    // the write to be sent while it loads. More statements would only make the wait longer.
    generateSyntheticDataset({ statements: SEED_STATEMENTS, out: seedDir, perFile: SEED_STATEMENTS });
    await emptyGraph(db);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const npm = spawn("npm", ["start"], {
      cwd: projectRoot,
      env: {
        ...process.env,
        NEO4J_URI: process.env.TEST_NEO4J_URI,
        NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
        PORT: String(port),
        SEED_DIR: seedDir,
        API_TOKEN: TEST_TOKEN,
        // The write sent during the seed waits for it however slow the seed is on a loaded machine (the seed's own
        // transaction is not bound by NEO4J_TX_TIMEOUT_MS: src/startup/prepareDatabase.ts).
        WRITE_WAIT_MS: "100000",
        // Ready comes after the warm-up, whose GraphQL part (every kind of question once, up to a minute on a loaded
        // machine) is not what this test is about.
        WARM_UP_SECONDS: "0",
        HTTP_REQUEST_TIMEOUT_MS: "120000",
        NODE_ENV: "production",
        LOG_LEVEL: "info",
      },
      stdio: "pipe",
    });
    let output = "";
    npm.stdout.on("data", (d: Buffer) => (output += d.toString()));
    npm.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
    try {
      // Until the seed is in, every answer is 503 with a reason; the seed load is seen at least once.
      let write: Promise<Awaited<ReturnType<typeof post>>> | undefined;
      let statementsWhenReady = -1;
      const deadline = Date.now() + 120_000;
      for (;;) {
        expect(Date.now()).toBeLessThan(deadline);
        const answer = await ready(base);
        if (answer?.status === 200) {
          statementsWhenReady = await countStatements(db);
          break;
        }
        if (answer) {
          expect(answer.status).toBe(503);
          expect(answer.problems.length).toBeGreaterThan(0);
          if (!write && answer.problems.some((p) => p.startsWith("the seed is loading"))) {
            expect(await countStatements(db)).toBe(0);
            write = post(`${base}/graphql`, createPerson("Written During The Seed"), auth);
          }
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(write).toBeDefined();
      expect(statementsWhenReady).toBe(SEED_STATEMENTS);

      const written = await write!;
      expect(written.status).toBe(200);
      expect(written.json).toEqual({
        data: { createPerson: { id: "person:written-during-the-seed", name: "Written During The Seed" } },
      });
      // The write ran once the seed was in (not waiting for the warm-up after it): its request line (written once
      // the response is sent) follows the seed's last line in the log.
      for (let i = 0; i < 50 && !output.includes('"msg":"graphql request"'); i++)
        await new Promise((r) => setTimeout(r, 100));
      const seededAt = output.search(new RegExp(`Loaded .*00001-statements\\.json: ${SEED_STATEMENTS} statements`));
      const writeAt = output.indexOf('"msg":"graphql request"');
      expect(seededAt).toBeGreaterThan(-1);
      expect(writeAt).toBeGreaterThan(seededAt);
      expect(output).toMatch(/GraphQL server ready at/);
    } catch (error) {
      // What npm start said, so that a failure on a loaded machine can be read from the CI log.
      console.error(`npm start's output:\n${output.slice(-6000)}`);
      throw error;
    } finally {
      npm.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  }, 180_000);
});

describe("the write gate", () => {
  let server: HttpServer;
  let gate: WriteGate;
  beforeEach(async () => {
    await emptyGraph(db);
    gate = new WriteGate({ reason: () => "the seed is loading (1 dataset file(s) from seed)", waitMs: 300 });
    server = await startTestServer(db, { writeGate: gate });
  });
  afterEach(async () => {
    await server.stop();
  });

  it("refuses a write that waited too long: 503 SERVER_NOT_READY, saying why; reads pass", async () => {
    const refused = await post(server.url, createPerson("Too Early"), auth);
    expect(refused.status).toBe(503);
    expect(refused.json.errors).toEqual([
      {
        message:
          "The database is not ready for writes yet (the seed is loading (1 dataset file(s) from seed)); this write " +
          "waited 0.3 s and was not run: retry once GET /health/ready answers 200.",
        extensions: { code: "SERVER_NOT_READY" },
      },
    ]);
    expect((await post(server.url, { query: "{ __typename }" })).json).toEqual({ data: { __typename: "Query" } });
    const anonymous = await post(server.url, createPerson("No Token"));
    expect(anonymous.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");

    gate.open();
    const written = await post(server.url, createPerson("In Time"), auth);
    expect(written.json).toEqual({ data: { createPerson: { id: "person:in-time", name: "In Time" } } });
  });

  it("lets a waiting write go ahead once the database is prepared; refuses waiting writes when it stops", async () => {
    const slowGate = new WriteGate({ waitMs: 10_000 });
    const slow = await startTestServer(db, { writeGate: slowGate });
    try {
      const waiting = post(slow.url, createPerson("Waited"), auth);
      await new Promise((r) => setTimeout(r, 200));
      slowGate.open();
      expect((await waiting).json).toEqual({ data: { createPerson: { id: "person:waited", name: "Waited" } } });
    } finally {
      await slow.stop();
    }

    const waiting = post(server.url, createPerson("Never"), auth);
    await new Promise((r) => setTimeout(r, 100));
    gate.close("The server is stopping before its database was prepared");
    const refused = await waiting;
    expect(refused.status).toBe(503);
    expect(refused.json.errors[0]).toEqual({
      message: "The server is stopping before its database was prepared: the write was not run.",
      extensions: { code: "SERVER_NOT_READY" },
    });
  });
});
