import { loadConfig } from "../../src/config";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { Database } from "../../src/graph/runtime/database";
import { QueryTimeoutError } from "../../src/graph/runtime/errors";
import type { HttpServer } from "../../src/http/server";
import { EXAMPLES } from "../../web/ide/examples";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { recordZelenskyyStatement, subscriberFollowing } from "../support/live";
import { loadIstanbulSeed } from "../support/seed";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

const db = connectTestDatabase();
const servers: HttpServer[] = [];

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db.close();
});

async function server(overrides: Parameters<typeof startTestServer>[1] = {}) {
  const started = await startTestServer(db, overrides);
  servers.push(started);
  return started;
}

const isSubscription = (query: string) => /^\s*subscription/m.test(query.replace(/^#.*$/gm, ""));

/** A subscription example's first update over WebSocket, after a statement recorded by Zelenskyy. */
async function firstUpdate(started: HttpServer, query: string, variables: Record<string, unknown>) {
  const client = createClient({ url: started.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    const updates = client.iterate({ query, variables });
    const first = updates.next();
    await subscriberFollowing(started);
    await recordZelenskyyStatement(started.url, "Zelenskyy said the example subscription should see this.");
    const { value } = await first;
    await updates.return?.();
    return value;
  } finally {
    await client.dispose();
  }
}

describe("the default limits leave room for real use", () => {
  it.each(EXAMPLES.filter((e) => isSubscription(e.query)).map((e) => [e.title, e] as const))(
    "the IDE subscription example %s runs over WebSocket without errors",
    async (_title, example) => {
      const started = await server();
      const update = await firstUpdate(started, example.query, JSON.parse(example.variables ?? "{}"));
      expect(update.errors).toBeUndefined();
      expect(update.data.statementAdded.speaker.name).toBe("Volodymyr Zelenskyy");
    },
  );

  it.each(EXAMPLES.filter((e) => !isSubscription(e.query)).map((e) => [e.title, e] as const))(
    "the IDE example %s runs without errors",
    async (_title, example) => {
      const { url } = await server();
      const variables = example.variables ? JSON.parse(example.variables) : {};
      const headers: Record<string, string> = /^\s*mutation/m.test(example.query.replace(/^#.*$/gm, ""))
        ? { authorization: `Bearer ${TEST_TOKEN}` }
        : {};
      const response = await post(url, { query: example.query, variables }, headers);
      expect(response.json.errors).toBeUndefined();
      expect(response.status).toBe(200);
    },
  );
});

describe("database time limit", () => {
  it("stops a query that runs too long inside Neo4j and says so", async () => {
    const impatient = Database.connect({
      uri: process.env.TEST_NEO4J_URI!,
      user: "neo4j",
      password: process.env.TEST_NEO4J_PASSWORD!,
      txTimeoutMs: 300,
    });
    const started = Date.now();
    await expect(
      impatient.read("UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n"),
    ).rejects.toThrow(QueryTimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Nothing is left running in Neo4j.
    const running = await db.read<{ n: number }>(
      "SHOW TRANSACTIONS YIELD currentQuery " +
        "WHERE currentQuery CONTAINS 'range(1, 100000000)' AND NOT currentQuery STARTS WITH 'SHOW' " +
        "RETURN count(*) AS n",
    );
    expect(running[0]!.n).toBe(0);
    await impatient.close();
  });
});

describe("production mode", () => {
  it("turns off the IDE, introspection and stack traces", async () => {
    const config = loadConfig({ NODE_ENV: "production" });
    expect(config.ideEnabled).toBe(false);
    expect(config.introspection).toBe(false);
    const { url } = await server({
      ideEnabled: config.ideEnabled,
      apollo: { limits: config.limits, introspection: false, production: true, logError: () => {} },
    });
    const introspection = await post(url, { query: "{ __schema { types { name } } }" });
    expect(introspection.status).toBe(400);
    expect(introspection.json.errors[0].message).toMatch(/introspection is not allowed/i);
    const bad = await post(url, { query: "{ statements(first: 500) { totalCount } }" });
    expect(bad.json.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "first" });
    const typo = await post(url, { query: "{ peple { totalCount } }" });
    expect(typo.json.errors[0].message).not.toMatch(/Did you mean/);
    const page = await fetch(url, { headers: { accept: "text/html" } });
    expect(page.status).toBeGreaterThanOrEqual(400);
  });
});

describe("rate limiting", () => {
  it("is off by default and, when configured, answers 429 with a JSON error", async () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(0);
    const { url } = await server({ rateLimitPerMinute: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(url, { query: "{ __typename }" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await post(url, { query: "{ __typename }" });
    expect(refused.json.errors[0]).toEqual({
      message: "Too many requests: at most 5 a minute from one address; retry later",
      extensions: { code: "RATE_LIMITED" },
    });
  });
});

describe("request ids", () => {
  it("echoes a client's request id and makes one up otherwise", async () => {
    const { url } = await server();
    const own = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "abc-123" },
      body: '{"query":"{ __typename }"}',
    });
    expect(own.headers.get("x-request-id")).toBe("abc-123");
    const made = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query":"{ __typename }"}',
    });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
