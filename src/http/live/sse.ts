// Subscriptions over Server-Sent Events at /graphql/stream (graphql-sse, its "distinct connections" mode: one
// request per subscription, POST or GET, with Accept: text/event-stream), for clients that cannot open a WebSocket.
// Each stream counts as a connection of its client; it is paced by its response (a response that does not drain
// holds the next update back, so a slow reader overflows its bounded buffer and its stream is ended).
import { once } from "node:events";
import type { RequestHandler, Response } from "express";
import type { ExecutionResult, GraphQLSchema } from "graphql";
import { createHandler } from "graphql-sse/lib/use/express";
import type { GraphQLContext } from "../../graphql/context";
import { sharedSubscribe } from "../../graphql/live/sharedExecution";
import type { LiveWiring } from "./liveUpdates";

function refuse(res: Response, status: number, message: string, code: string): void {
  res
    .status(status)
    .set("cache-control", "no-store")
    .json({ errors: [{ message, extensions: { code } }] });
}

/** The handler of /graphql/stream; `streams` holds the open responses, ended when the server stops. */
export function sseHandler(schema: GraphQLSchema, wiring: LiveWiring, streams: Set<Response>): RequestHandler {
  const handle = createHandler<GraphQLContext & Record<PropertyKey, unknown>>({
    schema,
    // Updates shared per operation and batch, and an overloaded database waited out.
    subscribe: sharedSubscribe,
    // No reserved streams (graphql-sse's single connection mode): each subscription is a request of its own.
    authenticate: () => null,
    onSubscribe: async (req, params) => {
      const checked = wiring.check(params);
      if (Array.isArray(checked)) return { errors: checked };
      const res = req.context.res;
      const contextValue = await wiring.context({
        authorization: req.raw.headers.authorization,
        client: req.raw.ip ?? req.raw.socket.remoteAddress ?? "unknown",
        closeSlow: () => res.destroy(),
      });
      return { schema, ...checked, contextValue };
    },
    onNext: async (ctx, req, result) => {
      const res = req.context.res;
      if (res.writableNeedDrain) await Promise.race([once(res, "drain"), once(res, "close")]);
      return "hasNext" in result ? undefined : (wiring.format(result as ExecutionResult) as ExecutionResult);
    },
  });
  return (req, res, next) => {
    if (req.headers.accept !== "text/event-stream") {
      const message =
        "Server-Sent Events: send the subscription with the header Accept: text/event-stream " +
        "(a graphql-sse client does), as POST with a JSON body or GET with query parameters";
      return refuse(res, 406, message, "NOT_ACCEPTABLE");
    }
    const client = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const release = wiring.connections.claim(client);
    if (!release) return refuse(res, 429, wiring.connections.refusal(client), "TOO_MANY_CONNECTIONS");
    streams.add(res);
    res.once("close", () => {
      release();
      streams.delete(res);
    });
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else next(error);
    });
  };
}
