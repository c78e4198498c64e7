// ingestArticle against texts made to freeze or kill the server (issue 30's findings 1–3): the 110-character ReDoS
// text, 190–199 KB runs of initials, honorifics, quotation marks, capitalised pairs, unclosed quotations and white
// space. Each gets a draft or a clear client error (4xx, or 503 with Retry-After) within 30 s, anonymous and with the
// token, while /health/live answers within a second and other clients' look-ups keep working. Past the extraction
// deadline the answer is EXTRACTION_TOO_COSTLY (422); a full queue is SERVER_BUSY (503); anonymous dry runs have a
// rate (429), requests with the token do not.
import type { Database } from "../../src/graph/runtime/database";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { loadIstanbulSeed } from "../support/seed";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

const INGEST = `mutation ($input: ArticleInput!) {
  ingestArticle(input: $input, dryRun: true) { statements { text speaker { name } } }
}`;
const LOOKUP = `{ person(id: "person:volodymyr-zelenskyy") { name } }`;

const SIZE = 190_000;
const fill = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const REDOS = "Then " + "A.".repeat(32) + ': "This is a long enough quotation here."';
const SHAPES: Record<string, string> = {
  initials: fill("A. "),
  honorifics: fill("Dr. Mr. Mrs. Prof. Sir "),
  quotationMarks: fill("\"a\" 'b' “c” ‘d’ "),
  capitalisedPairs: fill("Anna Kovacs Jan Novak "),
  unclosedQuotations: fill('He said: "We will '),
  whiteSpace: "A" + fill(" \t\n") + 'said: "x y z w."',
};

const db: Database = connectTestDatabase();
let server: HttpServer;
let strict: HttpServer;
let limited: HttpServer;

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  server = await startTestServer(db, { ingestRatePerMinute: 100 });
  // A server whose extraction limits bite at once: a 50 ms deadline, no article may wait for the thread.
  strict = await startTestServer(db, {
    ingestRatePerMinute: 0,
    extraction: { threads: 1, timeoutMs: 50, memoryMb: 256, maxQueued: 0, queueWaitMs: 0 },
  });
  // Two anonymous articles a minute.
  limited = await startTestServer(db, { ingestRatePerMinute: 2 });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await strict?.stop();
  await limited?.stop();
  await db.close();
});

const ingest = (url: string, text: string, token?: string) =>
  post(
    url,
    { query: INGEST, variables: { input: { text, publishedOn: "2025-06-02" } } },
    token ? { authorization: `Bearer ${token}` } : {},
  );

/** The answer is a draft, or a refusal a client can act on: 4xx, or 503 with Retry-After. */
function expectDraftOrClearRefusal(answer: Awaited<ReturnType<typeof post>>, headers?: Headers) {
  if (answer.status === 200) {
    expect(answer.json.errors).toBeUndefined();
    expect(Array.isArray(answer.json.data.ingestArticle.statements)).toBe(true);
    return;
  }
  if (answer.status === 503) expect(headers?.get("retry-after")).toMatch(/^\d+$/);
  else expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(504);
  const code = answer.json.errors[0].extensions.code;
  expect(code).not.toBe("INTERNAL_SERVER_ERROR");
  expect(["EXTRACTION_TOO_COSTLY", "SERVER_BUSY", "RATE_LIMITED", "BAD_USER_INPUT"]).toContain(code);
}

/** Probes /health/live and a look-up every 200 ms until stopped; the slowest of each. */
function probe(url: string) {
  const base = url.replace(/\/graphql$/, "");
  const worst = { live: 0, lookup: 0, lookupErrors: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      let started = performance.now();
      const live = await fetch(`${base}/health/live`);
      worst.live = Math.max(worst.live, performance.now() - started);
      expect(live.status).toBe(200);
      started = performance.now();
      const lookup = await post(url, { query: LOOKUP });
      worst.lookup = Math.max(worst.lookup, performance.now() - started);
      if (lookup.json?.data?.person?.name !== "Volodymyr Zelenskyy") worst.lookupErrors += 1;
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return worst;
    },
  };
}

it("drafts the 110-character ReDoS text at once, anonymous and with the token", async () => {
  for (const token of [undefined, TEST_TOKEN]) {
    const started = performance.now();
    const answer = await ingest(server.url, REDOS, token);
    expect(answer.status).toBe(200);
    expect(answer.json.errors).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(30_000);
  }
});

it("answers six 190 KB hostile shapes sent at once within 30 s, and stays live for everyone else", async () => {
  const watch = probe(server.url);
  const started = performance.now();
  const answers = await Promise.all(
    Object.entries(SHAPES).map(async ([name, text], i) => {
      const response = await fetch(server.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(i % 2 ? { authorization: `Bearer ${TEST_TOKEN}` } : {}),
        },
        body: JSON.stringify({ query: INGEST, variables: { input: { text, publishedOn: "2025-06-02" } } }),
      });
      const body = await response.text();
      return { name, ms: performance.now() - started, headers: response.headers, status: response.status, body };
    }),
  );
  const worst = await watch.stop();
  for (const a of answers) {
    expect(a.ms).toBeLessThan(30_000);
    expectDraftOrClearRefusal({ status: a.status, json: JSON.parse(a.body), text: a.body }, a.headers);
  }
  expect(worst.live).toBeLessThan(1000);
  expect(worst.lookupErrors).toBe(0);
}, 60_000);

it("drafts other pathological name runs: capitalised words joined by hyphens and apostrophes, initials", async () => {
  for (const text of [
    fill("Jean-Luc O'Neil-Smith-Jones D'Arcy-McAllister ", 150_000),
    fill("Dr. A. B. C. D. Smith-O'Brien said: ", 150_000),
    "When " + "Mc-O'-".repeat(5_000) + ': "This is a long enough quotation here."',
  ]) {
    const started = performance.now();
    expectDraftOrClearRefusal(await ingest(server.url, text));
    expect(performance.now() - started).toBeLessThan(30_000);
  }
}, 100_000);

it("drafts (or refuses clearly) the 199 KB initials text that once ran Node out of memory", async () => {
  const answer = await ingest(server.url, fill("A. ", 199_000), TEST_TOKEN);
  expectDraftOrClearRefusal(answer);
  // The server lives on: the next request is answered.
  expect((await post(server.url, { query: LOOKUP })).json.data.person.name).toBe("Volodymyr Zelenskyy");
}, 60_000);

it("refuses an article past the extraction deadline with EXTRACTION_TOO_COSTLY (422), naming the setting", async () => {
  const answer = await ingest(strict.url, fill("Anna Kovacs Jan Novak ", 100_000), TEST_TOKEN);
  expect(answer.status).toBe(422);
  expect(answer.json.errors[0].extensions.code).toBe("EXTRACTION_TOO_COSTLY");
  expect(answer.json.errors[0].message).toMatch(/EXTRACTION_TIMEOUT_MS/);
});

it("refuses an article with no thread free and no room to wait with SERVER_BUSY (503, Retry-After)", async () => {
  const text = fill("Anna Kovacs Jan Novak ", 100_000);
  const body = JSON.stringify({ query: INGEST, variables: { input: { text, publishedOn: "2025-06-02" } } });
  const send = () =>
    fetch(strict.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TEST_TOKEN}` },
      body,
    });
  const [first, second] = await Promise.all([send(), send()]);
  const statuses = [first.status, second.status].sort();
  expect(statuses).toEqual([422, 503]);
  const busy = first.status === 503 ? first : second;
  expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(((await busy.json()) as any).errors[0].extensions.code).toBe("SERVER_BUSY");
});

it("limits anonymous dry runs per client (429 with Retry-After), never requests with the token", async () => {
  const text = 'Anna Kovacs said: "We will not give up on this road, ever."';
  const statuses: number[] = [];
  for (let i = 0; i < 2; i++) statuses.push((await ingest(limited.url, text)).status);
  expect(statuses).toEqual([200, 200]);
  const refused = await fetch(limited.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: INGEST, variables: { input: { text, publishedOn: "2025-06-02" } } }),
  });
  expect(refused.status).toBe(429);
  expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  const json = (await refused.json()) as any;
  expect(json.errors[0].extensions.code).toBe("RATE_LIMITED");
  expect(json.errors[0].message).toMatch(/INGEST_RATE_PER_MINUTE/);
  for (let i = 0; i < 3; i++) expect((await ingest(limited.url, text, TEST_TOKEN)).status).toBe(200);
});
