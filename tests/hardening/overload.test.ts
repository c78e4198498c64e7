// More requests than Neo4j may take at once: they wait their turn, and those that cannot get one in time are told
// 503 OVERLOADED with Retry-After; never a 500 or DATABASE_UNAVAILABLE, and the server answers normally right after.
// Expensive operations beyond MAX_CONCURRENT_EXPENSIVE are refused the same way (503 SERVER_BUSY) after a short wait.
// A database that is really gone is still DATABASE_UNAVAILABLE. And the start-up warm-up that spares the first
// users the cold plan cache.
import { loadConfig, type AdmissionSettings } from "../../src/config";
import { Database } from "../../src/graph/runtime/database";
import { warmUp } from "../../src/graph/reads/warmUp";
import type { HttpServer } from "../../src/http/server";
import { freePort } from "../../src/neo4j/embedded";
import { emptyGraph } from "../support/database";
import { loadIstanbulSeed } from "../support/seed";
import { post, startTestServer } from "../support/server";

const databases: Database[] = [];
const servers: HttpServer[] = [];

/** A connection to the run's Neo4j (or to uri) with its own, small admission queue. */
function connect(
  admission: AdmissionSettings,
  uri = process.env.TEST_NEO4J_URI!,
  retryMs?: number,
  shareQueuedReads?: boolean,
): Database {
  const db = Database.connect({
    uri,
    user: "neo4j",
    password: process.env.TEST_NEO4J_PASSWORD!,
    txTimeoutMs: 60_000,
    retryMs,
    admission,
    shareQueuedReads,
  });
  databases.push(db);
  return db;
}

async function serve(db: Database, limits: Partial<ReturnType<typeof loadConfig>["limits"]> = {}): Promise<string> {
  const apollo = {
    limits: { ...loadConfig({}).limits, ...limits },
    introspection: true,
    production: false,
    logError: () => {},
  };
  const server = await startTestServer(db, { apollo });
  servers.push(server);
  return server.url;
}

beforeAll(async () => {
  const db = connect({ maxInFlight: 4, maxWaitMs: 5000, maxQueued: 100 });
  await emptyGraph(db);
  await loadIstanbulSeed(db);
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all(databases.map((d) => d.close()));
});

/** A statement page; pages of different sizes are different reads (identical waiting reads run once). */
const statementsPage = (first = 100) => `{ statements(first: ${first}) {
  totalCount nodes { id text speaker { id } venue { name } event { name } mentions { id } }
} }`;
const STATEMENTS = statementsPage();
const PATH = `{ path(from: "person:volodymyr-zelenskyy", to: "event:istanbul-talks-round-2") { nodes { id } } }`;
const SEARCH = `{ search(query: "ceasefire prisoners exchange") { nodes { score } } }`;

type Response = Awaited<ReturnType<typeof post>> & { retryAfter: string | null };

async function send(url: string, query: string): Promise<Response> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text), retryAfter: response.headers.get("retry-after") };
}

const isAnswer = (r: Response) => r.status === 200 && r.json.data && !r.json.errors;
const isOverloaded = (r: Response) =>
  r.status === 503 &&
  r.retryAfter !== null &&
  Number(r.retryAfter) >= 1 &&
  r.json.errors.length > 0 &&
  r.json.errors.every((e: { extensions: { code: string } }) => e.extensions.code === "OVERLOADED");

/** Holds every query slot of db with open read transactions until release() is called. */
function occupy(db: Database, slots: number) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const holding = Array.from({ length: slots }, () =>
    db.readTransaction(async (tx) => {
      await tx.run("RETURN 1");
      await released;
    }),
  );
  return { release: async () => (release(), await Promise.all(holding)) };
}

it("lets a few wait for their turn and refuses the rest at once with 503 OVERLOADED and Retry-After", async () => {
  const db = connect({ maxInFlight: 2, maxWaitMs: 5000, maxQueued: 5 });
  const url = await serve(db);
  const held = occupy(db, 2);
  const responses = Promise.all(Array.from({ length: 20 }, (_, i) => send(url, statementsPage(80 + i))));
  await new Promise((r) => setTimeout(r, 1500));
  await held.release();
  const all = await responses;

  const answered = all.filter(isAnswer);
  const refused = all.filter(isOverloaded);
  expect(answered.length + refused.length).toBe(20);
  // The five that queued while the slots were held got their turn once they were free, the rest were refused.
  expect(answered.length).toBeGreaterThanOrEqual(5);
  expect(refused.length).toBeGreaterThan(0);
  expect(refused[0]!.retryAfter).toBe("5");
  expect(refused[0]!.json.errors[0]).toMatchObject({
    message:
      "The server is overloaded: 2 queries are running in Neo4j and 5 are waiting, the most allowed " +
      "(NEO4J_MAX_IN_FLIGHT, MAX_QUEUED). Nothing was run; retry after 5 s.",
    extensions: { code: "OVERLOADED", retryAfterSeconds: 5 },
  });
  expect(answered[0]!.json.data.statements.totalCount).toBeGreaterThan(0);
});

it("runs identical reads that wait for their turn once, and answers every request that asked", async () => {
  const db = connect({ maxInFlight: 2, maxWaitMs: 5000, maxQueued: 5 });
  const url = await serve(db);
  // Run once first, so that the copies do not wait for the text's first run (firstRuns.ts) but for a turn.
  expect(isAnswer(await send(url, STATEMENTS))).toBe(true);
  const held = occupy(db, 2);
  // 20 copies of one page while both slots are held: they join one waiting read instead of filling the queue.
  const responses = Promise.all(Array.from({ length: 20 }, () => send(url, STATEMENTS)));
  await new Promise((r) => setTimeout(r, 1500));
  const joined = db.sharedWaits.joined;
  await held.release();
  const all = await responses;
  expect(all.filter(isAnswer)).toHaveLength(20);
  expect(joined).toBe(19);
  expect(new Set(all.map((r) => r.text)).size).toBe(1);

  // With SHARE_QUEUED_READS=false each waits on its own: the queue of 5 fills and the rest are refused.
  const separate = connect({ maxInFlight: 2, maxWaitMs: 5000, maxQueued: 5 }, undefined, undefined, false);
  const separateUrl = await serve(separate);
  expect(isAnswer(await send(separateUrl, STATEMENTS))).toBe(true);
  const heldToo = occupy(separate, 2);
  const alone = Promise.all(Array.from({ length: 20 }, () => send(separateUrl, STATEMENTS)));
  await new Promise((r) => setTimeout(r, 1500));
  await heldToo.release();
  const outcomes = await alone;
  expect(outcomes.filter(isAnswer)).toHaveLength(5);
  expect(outcomes.filter(isOverloaded)).toHaveLength(15);
  expect(separate.sharedWaits.joined).toBe(0);
});

it("answers a burst of 50 slow queries with data or 503 OVERLOADED, never 500, and normally right after", async () => {
  const db = connect({ maxInFlight: 2, maxWaitMs: 200, maxQueued: 10 });
  const url = await serve(db);
  const queries = [statementsPage(50), PATH, SEARCH];
  const all = await Promise.all(
    Array.from({ length: 50 }, (_, i) => send(url, i % 3 === 0 ? statementsPage(50 + i) : queries[i % 3]!)),
  );

  const unexpected = all.filter((r) => !isAnswer(r) && !isOverloaded(r)).map((r) => `${r.status} ${r.text}`);
  expect(unexpected).toEqual([]);
  expect(all.some((r) => /DATABASE_UNAVAILABLE|INTERNAL_SERVER_ERROR/.test(r.text))).toBe(false);

  const started = Date.now();
  const after = await send(url, STATEMENTS);
  const afterMs = Date.now() - started;
  expect(isAnswer(after)).toBe(true);
  expect(afterMs).toBeLessThan(2000);
  expect([db.admission.inFlight, db.admission.queued]).toEqual([0, 0]);
  process.stderr.write(
    `[overload] 50 at once through 2 query slots: ${all.filter(isAnswer).length} answered, ` +
      `${all.filter(isOverloaded).length} refused with 503 OVERLOADED; the next query answered in ${afterMs} ms\n`,
  );
});

it("refuses expensive operations that get no turn in time: 503 SERVER_BUSY with Retry-After, never a 200", async () => {
  // The default wait is short (2 s) and documented; here 300 ms, with one expensive operation at a time.
  expect(loadConfig({}).limits.expensiveWaitMs).toBe(2000);
  const db = connect({ maxInFlight: 1, maxWaitMs: 5000, maxQueued: 100 });
  const url = await serve(db, { maxConcurrentExpensive: 1, expensiveWaitMs: 300 });
  // Neo4j's only query slot is held, so the first path holds the only expensive turn while it waits for the slot.
  const held = occupy(db, 1);
  const timed = async (query: string) => {
    const started = Date.now();
    const response = await send(url, query);
    return { ...response, ms: Date.now() - started };
  };
  const first = timed(PATH);
  await new Promise((r) => setTimeout(r, 200));
  const statements = ["kremlin-meeting-only-after-agreements", "zelenskyy-leaders-resolve-key-issues"];
  const others = [
    ...["ceasefire", "prisoners", "memorandum"].map((word) => `{ search(query: "${word}") { nodes { score } } }`),
    ...statements.map((id) => `{ conversation(statement: "statement:${id}", maxDepth: 3) { id } }`),
    `{ path(from: "person:volodymyr-zelenskyy", to: "venue:ciragan-palace") { nodes { id } } }`,
    `{ timeline(entity: "person:volodymyr-zelenskyy", first: 5) { nodes { __typename } } }`,
  ].map(timed);
  await new Promise((r) => setTimeout(r, 1000));
  await held.release();
  const all = [await first, ...(await Promise.all(others))];

  const busy = all.filter((r) => r.status === 503);
  expect(isAnswer(all[0]!)).toBe(true);
  expect(busy.length).toBeGreaterThanOrEqual(6);
  for (const refused of busy) {
    expect(refused.retryAfter).toBe("1");
    expect(refused.json.errors).toHaveLength(1);
    expect(refused.json.errors[0]).toMatchObject({
      message: expect.stringMatching(
        new RegExp(
          "^The server is busy: (search|conversation|path|timeline) " +
            "waited 300 ms behind 1 running expensive operations " +
            String.raw`\(MAX_CONCURRENT_EXPENSIVE, EXPENSIVE_WAIT_MS\)\. Nothing was run; retry after 1 s\.$`,
        ),
      ),
      extensions: { code: "SERVER_BUSY", retryAfterSeconds: 1 },
    });
    // Refused within the wait (and the HTTP round trip), not after the operation it waited behind.
    expect(refused.ms).toBeLessThan(300 + 700);
  }
  // Everything else was answered: no 200 carries SERVER_BUSY (or any error).
  for (const response of all.filter((r) => r.status !== 503)) expect(isAnswer(response)).toBe(true);
});

it("still says DATABASE_UNAVAILABLE, not OVERLOADED, when Neo4j is not there at all", async () => {
  const db = connect({ maxInFlight: 2, maxWaitMs: 1000, maxQueued: 100 }, `bolt://127.0.0.1:${await freePort()}`, 500);
  const url = await serve(db);
  const all = await Promise.all(Array.from({ length: 20 }, () => send(url, STATEMENTS)));
  for (const response of all) {
    expect(response.status).toBe(200);
    expect(response.retryAfter).toBeNull();
    expect(response.json.errors[0].extensions.code).toBe("DATABASE_UNAVAILABLE");
  }
});

describe("warm-up at start", () => {
  it("runs a statement page, a look-up by id, a search and a path once, within its budget", async () => {
    const db = connect({ maxInFlight: 4, maxWaitMs: 5000, maxQueued: 100 }).withCounter();
    const lines: string[] = [];
    const started = Date.now();
    // A generous budget: cold planning on this shared 2-core machine takes seconds, which is the point of warming up.
    await warmUp(db, { log: (l) => lines.push(l), warn: (l) => lines.push(`warn: ${l}`), budgetMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(20_500);
    expect(db.counter.queries).toBe(4);
    expect(lines).toEqual([expect.stringMatching(/^Warm-up: 4 representative queries in \d+ ms$/)]);
  });

  it("only warns, and returns within its budget, when Neo4j does not answer", async () => {
    const db = connect({ maxInFlight: 2, maxWaitMs: 1000, maxQueued: 100 }, `bolt://127.0.0.1:${await freePort()}`);
    const lines: string[] = [];
    const started = Date.now();
    await warmUp(db, { log: (l) => lines.push(l), warn: (l) => lines.push(`warn: ${l}`), budgetMs: 1000 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn: Warm-up( failed \(the server starts anyway\)|: not finished after 1000 ms)/);
  });
});
