// A subscription's updates are sent without waiting for each write while the socket's buffer is small, and wait
// again once a client stops reading (src/http/live/unwaitedSends.ts): a real WebSocket server and client on
// localhost, no database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import WebSocket, { WebSocketServer } from "ws";
import { UNWAITED_BYTES, UnwaitedSendSocket } from "../../../../src/http/live/unwaitedSends";

interface Pair {
  server: UnwaitedSendSocket;
  client: WebSocket;
  received: string[];
  /** The server side's own TCP socket. */
  raw: Duplex;
  close(): Promise<void>;
}

async function connect(): Promise<Pair> {
  const httpServer = http.createServer();
  const wss = new WebSocketServer({ noServer: true, WebSocket: UnwaitedSendSocket });
  const upgraded = new Promise<{ ws: UnwaitedSendSocket; raw: Duplex }>((resolve) => {
    httpServer.on("upgrade", (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => {
        (ws as UnwaitedSendSocket).sendsOn(socket);
        resolve({ ws: ws as UnwaitedSendSocket, raw: socket });
      });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const received: string[] = [];
  client.on("message", (data) => received.push(String(data)));
  const { ws, raw } = await upgraded;
  await new Promise((resolve) => client.once("open", resolve));
  return {
    server: ws,
    client,
    received,
    raw,
    close: async () => {
      client.terminate();
      ws.terminate();
      wss.close();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}

/** Sends as graphql-ws does (a promise that settles in the write's callback); true once it has settled. */
function send(ws: WebSocket, data: string): { settled: () => boolean; done: Promise<void> } {
  let settled = false;
  const done = new Promise<void>((resolve, reject) => ws.send(data, (error) => (error ? reject(error) : resolve())));
  // A send still waiting when the test closes the sockets fails; that is not what is tested.
  done.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { settled: () => settled, done };
}

it("sends a tick's updates at once, in order, and the client receives every one", async () => {
  const pair = await connect();
  try {
    const sends = Array.from({ length: 20 }, (_, i) => send(pair.server, `update ${i}`));
    await Promise.all(sends.map((s) => s.done));
    // Every send settled while the socket was still corked for this turn: none waited for its write, and the 20
    // leave together when the turn ends.
    expect(pair.raw.writableCorked).toBe(1);
    while (pair.received.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pair.received).toEqual(Array.from({ length: 20 }, (_, i) => `update ${i}`));
  } finally {
    await pair.close();
  }
});

it("a send waits for its write once the client has stopped reading and the buffer passed the bound", async () => {
  const pair = await connect();
  try {
    // The client reads nothing more: the server's unsent bytes grow past UNWAITED_BYTES.
    (pair.client as unknown as { _socket: Duplex })._socket.pause();
    const chunk = "x".repeat(64 * 1024);
    const sends = [];
    while (pair.server.bufferedAmount < UNWAITED_BYTES) {
      const sent = send(pair.server, chunk);
      await sent.done;
      sends.push(sent);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const waiting = send(pair.server, chunk);
    await new Promise((resolve) => setImmediate(resolve));
    expect(waiting.settled()).toBe(false);
    expect(pair.raw.writableLength).toBeGreaterThan(0);
  } finally {
    await pair.close();
  }
});
