// Slow clients (slowloris): a request whose headers or body trickle in is cut off with 408 once its timeout passes,
// so such sockets cannot pile up, and normal requests are answered meanwhile.
import net from "node:net";
import type { Database } from "../../src/graph/runtime/database";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase } from "../support/database";
import { post, startTestServer } from "../support/server";

const REQUEST_TIMEOUT_MS = 2000;
const HEADERS_TIMEOUT_MS = 1000;

let db: Database;
let server: HttpServer;

beforeAll(async () => {
  db = connectTestDatabase();
  server = await startTestServer(db, { requestTimeoutMs: REQUEST_TIMEOUT_MS, headersTimeoutMs: HEADERS_TIMEOUT_MS });
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
});

interface Trickle {
  /** Resolves when the server has closed the socket: what it answered, and how long after connecting. */
  closed: Promise<{ answer: string; afterMs: number }>;
}

/** Opens a socket, sends `head` at once, then `drip` one byte every 300 ms (if any) until the server closes it. */
function trickle(head: string, drip: string): Trickle {
  const socket = net.connect(server.port, "127.0.0.1");
  const opened = Date.now();
  let answer = "";
  let sent = 0;
  const timer = setInterval(() => drip && socket.writable && socket.write(drip[sent++ % drip.length]!), 300);
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  socket.on("error", () => {}); // a reset after the 408 is one way of being closed
  if (head) socket.write(head);
  const closed = new Promise<{ answer: string; afterMs: number }>((resolve) =>
    socket.once("close", () => {
      clearInterval(timer);
      resolve({ answer, afterMs: Date.now() - opened });
    }),
  );
  return { closed };
}

/** Complete headers announcing a 10 kB body, of which the client then sends a byte at a time. */
const bodyHead = (port: number) =>
  `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
  "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n";

it("closes 50 sockets trickling a body once the request timeout passes, and answers others meanwhile", async () => {
  const slow = Array.from({ length: 50 }, () => trickle(bodyHead(server.port), '{"query": "{ __typename }" '));

  await new Promise((r) => setTimeout(r, 500));
  const started = Date.now();
  const normal = await post(server.url, { query: "{ __typename }" });
  expect(normal).toMatchObject({ status: 200, json: { data: { __typename: "Query" } } });
  expect(Date.now() - started).toBeLessThan(1000);

  const results = await Promise.all(slow.map((s) => s.closed));
  // Node checks the timeouts every second: closed between 2 s and 3 s after connecting, plus scheduling slack.
  for (const { answer, afterMs } of results) {
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(afterMs).toBeLessThan(4000);
    expect(answer === "" || answer.startsWith("HTTP/1.1 408 Request Timeout")).toBe(true);
  }
  expect(results.filter((r) => r.answer.startsWith("HTTP/1.1 408")).length).toBeGreaterThan(0);
}, 20_000);

it("closes a socket that sends its headers slowly once the headers timeout passes", async () => {
  const { answer, afterMs } = await trickle("POST /graphql HTTP/1.1\r\n", "X-Slow: abcdefghij\r\n").closed;
  expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout/);
  expect(afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
  expect(afterMs).toBeLessThan(3000);
}, 10_000);

it("closes a socket that connects and sends nothing once the headers timeout passes", async () => {
  const { afterMs } = await trickle("", "").closed;
  expect(afterMs).toBeLessThan(3000);
}, 10_000);
