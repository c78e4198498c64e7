// Subscriptions over WebSocket at /graphql, on the HTTP server's own port: the graphql-transport-ws protocol of the
// graphql-ws library, served by `ws`. An upgrade is refused before the handshake, with a status and a sentence,
// when it is for another path, speaks another subprotocol (the legacy subscriptions-transport-ws one included) or
// comes from a client at its cap of connections.
import { STATUS_CODES, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { sharedSubscribe } from "../../graphql/live/sharedExecution";
import type { LiveWiring } from "./liveUpdates";
import { UnwaitedSendSocket } from "./unwaitedSends";

/** The close code of a subscriber that fell more than SUBSCRIPTION_BUFFER updates behind. */
export const CLOSE_TOO_SLOW = 4413;

/** WebSocket close reasons are at most 123 bytes. */
function closeReason(message: string): string {
  return Buffer.byteLength(message) <= 123 ? message : message.slice(0, 120) + "...";
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.on("error", () => {});
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      "Content-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}

/** Why an upgrade is refused, or undefined when it may go on. */
function wrongUpgrade(request: IncomingMessage): [number, string] | undefined {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (path !== "/graphql") return [404, `WebSocket connections are served at /graphql, not at ${path}`];
  const offered = String(request.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (!offered.includes(GRAPHQL_TRANSPORT_WS_PROTOCOL)) {
    const said = offered.length ? `offered ${offered.map((p) => JSON.stringify(p)).join(", ")}` : "offered none";
    const legacy = offered.includes("graphql-ws")
      ? ' ("graphql-ws" is the subprotocol of the retired subscriptions-transport-ws library)'
      : "";
    return [
      400,
      `This WebSocket endpoint speaks the "${GRAPHQL_TRANSPORT_WS_PROTOCOL}" subprotocol (the graphql-ws library); ` +
        `the request ${said}${legacy}. ` +
        "Use a graphql-ws client (createClient) or Server-Sent Events at /graphql/stream.",
    ];
  }
  return undefined;
}

/** The bearer token a connection sent in its connectionParams (`Authorization`, or `headers.Authorization`). */
function authorization(params: Record<string, unknown> | undefined, request: IncomingMessage): string | undefined {
  const headers = (params?.headers ?? {}) as Record<string, unknown>;
  const value = params?.Authorization ?? params?.authorization ?? headers.Authorization ?? headers.authorization;
  return typeof value === "string" ? value : request.headers.authorization;
}

interface Extra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: IncomingMessage;
}

/** Serves graphql-ws on the server's upgrades; the returned function closes every socket and stops listening. */
export function serveWebSocket(httpServer: Server, schema: GraphQLSchema, wiring: LiveWiring): () => Promise<void> {
  const { settings, connections } = wiring;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: wiring.maxMessageBytes,
    // Updates are sent without waiting for the write of the one before, while the socket's buffer is small.
    WebSocket: UnwaitedSendSocket,
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const wrong = wrongUpgrade(request);
    if (wrong) return refuseUpgrade(socket, ...wrong);
    const client = request.socket.remoteAddress ?? "unknown";
    const release = connections.claim(client);
    if (!release) return refuseUpgrade(socket, 429, connections.refusal(client));
    wss.handleUpgrade(request, socket, head, (ws) => {
      (ws as UnwaitedSendSocket).sendsOn(socket);
      ws.once("close", release);
      wss.emit("connection", ws, request);
    });
  };
  httpServer.on("upgrade", onUpgrade);
  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      // Updates shared per operation and batch, and an overloaded database waited out.
      subscribe: sharedSubscribe,
      onSubscribe: async (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > settings.perConnection) {
          return [
            new GraphQLError(
              `this connection already runs ${settings.perConnection} subscriptions (SUBSCRIPTIONS_PER_CONNECTION): ` +
                "complete one first, or open another connection",
              { extensions: { code: "TOO_MANY_SUBSCRIPTIONS", max: settings.perConnection } },
            ),
          ];
        }
        const checked = wiring.check(payload);
        if (Array.isArray(checked)) return checked;
        const { socket, request } = ctx.extra;
        const contextValue = await wiring.context({
          authorization: authorization(ctx.connectionParams, request),
          client: request.socket.remoteAddress ?? "unknown",
          closeSlow: (message) => socket.close(CLOSE_TOO_SLOW, closeReason(message)),
        });
        return { schema, ...checked, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => wiring.format(result),
    },
    wss,
  );
  return async () => {
    httpServer.off("upgrade", onUpgrade);
    // Every socket is closed with 1001 (going away): a graphql-ws client reconnects, to another process if need be.
    await server.dispose();
  };
}
