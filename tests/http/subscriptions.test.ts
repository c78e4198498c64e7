// Subscriptions (issue 32, item 4) against the real server and Neo4j: a graphql-ws client over WebSocket at /graphql
// and a graphql-sse client at /graphql/stream receive what another client writes; changes resumes from a cursor with
// nothing missed or repeated; the limits hold at subscribe time; and no tail of the log runs without a subscriber.
import { createClient, type Client } from "graphql-ws";
import { createClient as createSseClient } from "graphql-sse";
import WebSocket from "ws";
import { lastPosition } from "../../src/graph/writes/changes/changeReads";
import { encodePosition } from "../../src/graph/writes/changes/positions";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { manyStatements, TINY_TEXT } from "../support/datasets";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

const db = connectTestDatabase();
let server: HttpServer;
const clients: Client[] = [];

const LIMITS = { perConnection: 3, connectionsPerClient: 6, buffer: 10, pollMs: 50 };

beforeAll(async () => {
  await emptyGraph(db);
  server = await startTestServer(db, { subscriptions: LIMITS });
  await write(`mutation ($input: SourceInput!) { createSource(input: $input) { id } }`, {
    input: { id: "source:tiny", title: "Tiny", publishedOn: "2025-03-04", dateline: "GENEVA", text: TINY_TEXT },
  });
  for (const [id, name] of [
    ["person:jane-doe", "Jane Doe"],
    ["person:john-smith", "John Smith"],
  ]) {
    await write(`mutation ($input: PersonInput!) { createPerson(input: $input) { id } }`, { input: { id, name } });
  }
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

const wsUrl = () => server.url.replace(/^http/, "ws");

/** A write by "another client": an HTTP mutation with the token. */
async function write(query: string, variables: Record<string, unknown>) {
  const response = await post(server.url, { query, variables }, { authorization: `Bearer ${TEST_TOKEN}` });
  if (response.json?.errors) throw new Error(JSON.stringify(response.json.errors));
  return response.json.data;
}

let statements = 0;
/** Records a statement by this speaker (a new id each time). */
async function record(speaker: string): Promise<string> {
  const id = `statement:subscribed-${++statements}`;
  const quote = "We will sign on Friday";
  await write(`mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { id } }`, {
    input: {
      id,
      speaker,
      text: quote,
      kind: "DIRECT_QUOTE",
      saidOn: "2025-03-03",
      evidence: [{ source: "source:tiny", start: TINY_TEXT.indexOf(`"${quote}`), end: TINY_TEXT.length }],
    },
  });
  return id;
}

function wsClient(connectionParams?: Record<string, unknown>): Client {
  const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
  clients.push(client);
  return client;
}

/** A subscription's updates as they come, and its end (complete or error). */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const updates: any[] = [];
  const errors: unknown[] = [];
  let waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters) w();
    waiters = [];
  };
  const stop = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        updates.push(value);
        wake();
      },
      error: (error) => {
        errors.push(error);
        wake();
      },
      complete: wake,
    },
  );
  /** Resolves once `n` updates (or an error) have arrived; fails after timeoutMs. */
  const until = async (n: number, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs;
    while (updates.length < n && errors.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`waited ${timeoutMs} ms for ${n} updates, got ${updates.length}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
    return updates;
  };
  return { updates, errors, stop, until };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cursor of the log's last entry: what a client remembers before a write. */
const lastCursor = async () => encodePosition(await lastPosition(db));

/** Waits until the tail has n subscribers and has read the log twice since: their start positions are set. */
async function subscribed(n: number): Promise<void> {
  const feed = server.changeFeed;
  for (let i = 0; feed.subscribers !== n; i++) {
    if (i > 200) throw new Error(`the tail has ${feed.subscribers} subscribers, not ${n}`);
    await sleep(10);
  }
  const queries = feed.queries;
  while (feed.queries < queries + 2) await sleep(10);
}

const STATEMENT_ADDED = `subscription ($filter: StatementFilter) {
  statementAdded(filter: $filter) {
    id text kind saidOn
    speaker { id name }
    evidence { source { id title } start end }
  }
}`;

describe("statementAdded", () => {
  it("delivers what another client records within 1 s, fields as asked, not what the filter fails", async () => {
    const sub = subscribe(wsClient(), STATEMENT_ADDED, { filter: { speaker: "person:jane-doe" } });
    await subscribed(1);
    // The first update after the process started waits for Neo4j to plan the queries that match and read new
    // statements (about 2 s on a loaded 2-core machine); the promise is about the updates after it.
    const first = await record("person:jane-doe");
    await sub.until(1);
    expect(sub.updates[0].data.statementAdded.id).toBe(first);
    await record("person:john-smith");
    const id = await record("person:jane-doe");
    // From the write's answer (its commit) to the update's arrival.
    const committed = Date.now();
    const update = (await sub.until(2))[1];
    expect(Date.now() - committed).toBeLessThan(1000);
    expect(update).toEqual({
      data: {
        statementAdded: {
          id,
          text: "We will sign on Friday",
          kind: "DIRECT_QUOTE",
          saidOn: "2025-03-03",
          speaker: { id: "person:jane-doe", name: "Jane Doe" },
          evidence: [
            {
              source: { id: "source:tiny", title: "Tiny" },
              start: TINY_TEXT.indexOf('"We will'),
              end: TINY_TEXT.length,
            },
          ],
        },
      },
      // Its change-log cursor, to resume from: statementAdded(after:).
      extensions: { cursor: expect.any(String) },
    });
    // John's statement came first in the log: had the filter let it through, it would have arrived first.
    await sleep(200);
    expect(sub.updates).toHaveLength(2);
  });

  it("is delivered over Server-Sent Events by the graphql-sse client", async () => {
    const sse = createSseClient({ url: `${server.url}/stream`, retryAttempts: 0 });
    try {
      const received = new Promise<any>((resolve, reject) => {
        sse.subscribe(
          { query: STATEMENT_ADDED, variables: { filter: { speaker: "person:john-smith" } } },
          { next: resolve, error: reject, complete: () => {} },
        );
      });
      await subscribed(1);
      const id = await record("person:john-smith");
      const update = await received;
      expect(update.data.statementAdded).toMatchObject({ id, speaker: { name: "John Smith" } });
    } finally {
      sse.dispose();
    }
  });
});

describe("statementAdded resumed with a cursor", () => {
  const RESUMABLE = `subscription ($filter: StatementFilter, $after: String) {
    statementAdded(filter: $filter, after: $after) { id speaker { id } }
  }`;

  it("receives exactly the 3 statements recorded while away, in order, then live ones, none twice", async () => {
    const filter = { speaker: "person:jane-doe" };
    const first = subscribe(wsClient(), RESUMABLE, { filter });
    await subscribed(1);
    const seenId = await record("person:jane-doe");
    const [seen] = await first.until(1);
    expect(seen.data.statementAdded.id).toBe(seenId);
    // Each update carries its change-log cursor in its extensions.
    const cursor = seen.extensions.cursor;
    expect(cursor).toEqual(expect.any(String));
    await Promise.all(clients.splice(0).map((c) => c.dispose()));

    const missed: string[] = [];
    for (let i = 0; i < 3; i++) {
      missed.push(await record("person:jane-doe"));
      await record("person:john-smith"); // not the filter's: never sent
    }

    const again = subscribe(wsClient(), RESUMABLE, { filter, after: cursor });
    await again.until(3);
    const live = await record("person:jane-doe");
    await again.until(4);
    await sleep(200);
    expect(again.updates.map((u) => u.data.statementAdded.id)).toEqual([...missed, live]);
    const cursors = again.updates.map((u) => u.extensions.cursor);
    expect(new Set([cursor, ...cursors]).size).toBe(5);
    // A cursor of the log works either way: the changes subscription resumed from the same one sees the same
    // statements (and John's), in the same order.
    const changes = subscribe(wsClient(), CHANGES, { after: cursor, filter: { kinds: ["CREATED"] } });
    const entries = await changes.until(7);
    const janes = entries.map((u) => u.data.changes.ids[0]).filter((id: string) => [...missed, live].includes(id));
    expect(janes).toEqual([...missed, live]);
  });
});

const CHANGES = `subscription ($after: String, $filter: ChangeFilter) {
  changes(after: $after, filter: $filter) { cursor kind actor ids node { id } }
}`;
const CREATE_PERSON = `mutation ($input: PersonInput!) { createPerson(input: $input) { id } }`;
const IMPORT = `mutation ($dataset: JSON!) { importDataset(dataset: $dataset) { sourceId } }`;

describe("changes", () => {
  it("resumes from the last cursor: exactly the 3 entries missed, in order, then live ones, none twice", async () => {
    const first = subscribe(wsClient(), CHANGES, { filter: { kinds: ["CREATED"] } });
    await subscribed(1);
    await write(CREATE_PERSON, { input: { id: "person:resume-0", name: "Resume Zero" } });
    const [seen] = await first.until(1);
    expect(seen.data.changes).toMatchObject({ kind: "CREATED", ids: ["person:resume-0"], actor: null });
    const cursor = seen.data.changes.cursor;
    await Promise.all(clients.splice(0).map((c) => c.dispose()));

    for (const n of [1, 2, 3]) await write(CREATE_PERSON, { input: { id: `person:resume-${n}`, name: `Resume ${n}` } });

    const again = subscribe(wsClient({ Authorization: `Bearer ${TEST_TOKEN}` }), CHANGES, {
      after: cursor,
      filter: { kinds: ["CREATED"] },
    });
    await again.until(3);
    await write(CREATE_PERSON, { input: { id: "person:resume-4", name: "Resume Four" } });
    await again.until(4);
    await sleep(200);
    expect(again.updates.map((u) => u.data.changes.ids[0])).toEqual([
      "person:resume-1",
      "person:resume-2",
      "person:resume-3",
      "person:resume-4",
    ]);
    // With the token in connectionParams, the actor is shown.
    expect(again.updates.map((u) => u.data.changes.actor)).toEqual(Array(4).fill("api-token"));
    const positions = again.updates.map((u) => u.data.changes.cursor);
    expect(new Set(positions).size).toBe(4);
  });

  it("catches up from the log when a burst is larger than its buffer (an import): nothing lost", async () => {
    const sub = subscribe(wsClient(), CHANGES);
    await subscribed(1);
    const dataset = manyStatements(LIMITS.buffer + 30);
    await write(IMPORT, { dataset });
    const updates = await sub.until(dataset.statements.length + 7);
    const ids = updates.map((u) => u.data.changes.ids[0]);
    for (const statement of dataset.statements) expect(ids).toContain(statement.id);
    expect(new Set(updates.map((u) => u.data.changes.cursor)).size).toBe(updates.length);
  });
});

describe("nodeChanged", () => {
  it("delivers each change of one node with the node after it, and null after its deletion", async () => {
    await write(CREATE_PERSON, { input: { id: "person:watched", name: "Watched Once" } });
    const sub = subscribe(
      wsClient(),
      `subscription { nodeChanged(id: "person:watched") { kind node { id ... on Person { name } } } }`,
    );
    await subscribed(1);
    await write(CREATE_PERSON, { input: { id: "person:unwatched", name: "Someone Else" } });
    const before = await lastCursor();
    // Updated, then deleted at once: the update is usually resolved after the deletion (one batch of the tail), and
    // still carries the node as the update left it (rebuilt from the log: src/graphql/live/nodeAsOf.ts).
    await write(`mutation { updatePerson(id: "person:watched", input: { name: "Watched Twice" }) { id } }`, {});
    await write(`mutation { deletePerson(id: "person:watched") { id } }`, {});
    const updates = await sub.until(2);
    const expected = [
      { kind: "UPDATED", node: { id: "person:watched", name: "Watched Twice" } },
      { kind: "DELETED", node: null },
    ];
    expect(updates.map((u) => u.data.nodeChanged)).toEqual(expected);
    // Resumed from before both, the update is certainly resolved after the deletion: the same answer.
    const replayed = subscribe(
      wsClient(),
      `subscription ($after: String) {
        changes(after: $after, filter: { ids: ["person:watched"] }) { kind node { id ... on Person { name } } }
      }`,
      { after: before },
    );
    expect((await replayed.until(2)).map((u) => u.data.changes)).toEqual(expected);
  });
});

describe("several server processes on one Neo4j", () => {
  it("a write through one reaches the subscribers of another: each tails the log itself, no broker", async () => {
    for (let i = 0; server.changeFeed.subscribers > 0 && i < 100; i++) await sleep(10);
    const other = await startTestServer(db, { subscriptions: LIMITS });
    try {
      const client = createClient({
        url: other.url.replace(/^http/, "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      clients.push(client);
      const sub = subscribe(client, CHANGES, { filter: { kinds: ["CREATED"] } });
      for (let i = 0; other.changeFeed.subscribers !== 1; i++) await sleep(10);
      const queries = other.changeFeed.queries;
      while (other.changeFeed.queries < queries + 2) await sleep(10);
      await write(CREATE_PERSON, { input: { id: "person:written-elsewhere", name: "Written Elsewhere" } });
      const [update] = await sub.until(1);
      expect(update.data.changes.ids).toEqual(["person:written-elsewhere"]);
      // The server the write went through has no subscriber, so it ran no tail.
      expect(server.changeFeed.running).toBe(false);
    } finally {
      await other.stop();
    }
  });
});

describe("limits", () => {
  it("refuses a subscription deeper than MAX_DEPTH when it subscribes", async () => {
    let selection = "id";
    for (let i = 0; i < 14; i++) selection = `respondsTo { statement { ${selection} } }`;
    const sub = subscribe(wsClient(), `subscription { statementAdded { ${selection} } }`);
    await sub.until(1).catch(() => {});
    expect(sub.errors).toHaveLength(1);
    expect(JSON.stringify(sub.errors[0])).toMatch(/depth/i);
    expect(server.changeFeed.subscribers).toBe(0);
  });

  it("refuses a subscription over MAX_COST when it subscribes, and a cursor that is no change's", async () => {
    const nested = "speaker { statements(first: 100) { nodes { id } } }";
    const costly = subscribe(
      wsClient(),
      `subscription { statementAdded { speaker { statements(first: 100) { nodes { ${nested} } } } } }`,
    );
    await costly.until(1).catch(() => {});
    expect(JSON.stringify(costly.errors[0])).toContain("QUERY_TOO_COMPLEX");
    const wrong = subscribe(wsClient(), CHANGES, { after: "not-a-cursor" });
    const [answer] = await wrong.until(1);
    expect(answer.errors[0]).toMatchObject({
      message: expect.stringContaining("is not a cursor of a change"),
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(server.changeFeed.subscribers).toBe(0);
  });

  it("caps the subscriptions of one connection (SUBSCRIPTIONS_PER_CONNECTION)", async () => {
    const client = wsClient();
    const subs = Array.from({ length: LIMITS.perConnection + 1 }, () => subscribe(client, STATEMENT_ADDED));
    const refused = subs.at(-1)!;
    await refused.until(1).catch(() => {});
    expect(JSON.stringify(refused.errors[0])).toContain("TOO_MANY_SUBSCRIPTIONS");
    await subscribed(LIMITS.perConnection);
  });

  it("refuses an upgrade with the wrong subprotocol with a status and a sentence, not a bare 400", async () => {
    for (const protocol of ["graphql-ws", undefined]) {
      const refusal = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const socket = new WebSocket(wsUrl(), protocol);
        socket.on("open", () => reject(new Error("the upgrade was accepted")));
        socket.on("error", () => {});
        socket.on("unexpected-response", (_req, res) => {
          let body = "";
          res.on("data", (chunk: Buffer) => (body += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        });
      });
      expect(refusal.status).toBe(400);
      expect(refusal.body).toContain('speaks the "graphql-transport-ws" subprotocol');
      if (protocol) expect(refusal.body).toContain("subscriptions-transport-ws");
    }
  });

  it("caps the connections of one client address (SUBSCRIPTION_CONNECTIONS_PER_CLIENT)", async () => {
    const open = (): Promise<WebSocket | number> =>
      new Promise((resolve) => {
        const socket = new WebSocket(wsUrl(), "graphql-transport-ws");
        socket.on("open", () => resolve(socket));
        socket.on("error", () => {});
        socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      });
    const sockets: (WebSocket | number)[] = [];
    for (let i = 0; i <= LIMITS.connectionsPerClient; i++) sockets.push(await open());
    expect(sockets.slice(0, -1).every((s) => s instanceof WebSocket)).toBe(true);
    expect(sockets.at(-1)).toBe(429);
    for (const s of sockets) if (s instanceof WebSocket) s.close();
  });

  it("tells a client that posts a subscription as a query where subscriptions run", async () => {
    const response = await post(server.url, { query: STATEMENT_ADDED });
    expect(response.status).toBe(400);
    expect(response.json.errors[0].message).toContain("over WebSocket at this same URL");
  });

  it("runs no tail of the log while the process has no subscriber", async () => {
    const sub = subscribe(wsClient(), STATEMENT_ADDED);
    await subscribed(1);
    sub.stop();
    for (let i = 0; server.changeFeed.subscribers > 0 && i < 100; i++) await sleep(10);
    expect(server.changeFeed.running).toBe(false);
    const queries = server.changeFeed.queries;
    await write(CREATE_PERSON, { input: { id: "person:while-nobody-listens", name: "Nobody Listens" } });
    await sleep(LIMITS.pollMs * 6);
    expect(server.changeFeed.queries).toBe(queries);
  });
});

describe("a subscriber too slow for its buffer", () => {
  it("is closed with code 4413 and a reason (statementAdded)", async () => {
    const small = await startTestServer(db, { subscriptions: { ...LIMITS, buffer: 1 } });
    try {
      const closed = new Promise<{ code: number; reason: string }>((resolve) => {
        const client = createClient({
          url: small.url.replace(/^http/, "ws"),
          webSocketImpl: WebSocket,
          retryAttempts: 0,
          on: { closed: (event) => resolve(event as { code: number; reason: string }) },
        });
        clients.push(client);
        client.subscribe({ query: STATEMENT_ADDED }, { next: () => {}, error: () => {}, complete: () => {} });
      });
      for (let i = 0; small.changeFeed.subscribers !== 1; i++) await sleep(10);
      await sleep(200);
      // One transaction, several statements: one batch of the tail, more than the buffer holds.
      const dataset = manyStatements(4);
      await write(IMPORT, {
        dataset: {
          ...dataset,
          source: { ...dataset.source, id: "source:slow" },
          statements: dataset.statements.map((s, i) => ({ ...s, id: `statement:slow-${i}`, text: `Slow thing ${i}` })),
        },
      });
      const { code, reason } = await closed;
      expect(code).toBe(4413);
      expect(reason).toContain("subscriber too slow");
    } finally {
      await small.stop();
    }
  });
});
