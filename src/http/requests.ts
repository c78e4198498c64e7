// Per-request plumbing around /graphql: a request id, a log line with duration and Neo4j round trips, rate limiting,
// and JSON answers for requests that never reach GraphQL (oversized or malformed bodies).
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { GraphQLContext } from "../graphql/context";
import type { Logger } from "../logging";

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Where the GraphQL context of a request is kept, so the log line can report its Neo4j queries. */
export interface RequestLocals {
  requestId?: string;
  context?: GraphQLContext;
}

/**
 * Gives a request its id (the client's x-request-id when it is a plain token, else a new one), sets it on the answer,
 * and writes the request's log line when the answer is sent. For the Express app (requestLog) and for the POSTs served
 * straight from node:http (graphqlPost.ts) alike.
 */
export function logRequest(
  logger: Logger,
  level: "info" | "debug",
  req: IncomingMessage,
  res: ServerResponse,
  locals: RequestLocals,
  body: () => unknown,
): void {
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  locals.requestId = requestId;
  res.setHeader("x-request-id", requestId);
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const sent = body() as { operationName?: unknown } | undefined;
    logger[level](
      {
        requestId,
        method: req.method,
        status: res.statusCode,
        ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        neo4jQueries: locals.context?.db.counter.queries ?? 0,
        operation: typeof sent?.operationName === "string" ? sent.operationName : undefined,
        ip: req.socket.remoteAddress,
      },
      "graphql request",
    );
  });
}

export function requestLog(logger: Logger, level: "info" | "debug"): RequestHandler {
  return (req, res, next) => {
    logRequest(logger, level, req, res, res.locals as RequestLocals, () => req.body);
    next();
  };
}

function jsonError(status: number, code: string, message: string) {
  return { status, body: { errors: [{ message, extensions: { code } }] } };
}

export function rateLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (_req, res) => {
      const { status, body } = jsonError(
        429,
        "RATE_LIMITED",
        `Too many requests: at most ${perMinute} a minute from one address; retry later`,
      );
      res.status(status).json(body);
    },
  });
}

/** Body-parser failures and anything else thrown before GraphQL: 4xx with a JSON message, never an HTML stack trace. */
export function bodyErrors(logger: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    let answer;
    switch (error.type) {
      case "entity.too.large":
        answer = jsonError(
          413,
          "PAYLOAD_TOO_LARGE",
          `The request body is larger than the limit of ${maxBodyBytes} bytes (MAX_BODY_BYTES)`,
        );
        break;
      case "entity.parse.failed":
        answer = jsonError(400, "BAD_REQUEST", `The request body is not valid JSON: ${error.message ?? "parse error"}`);
        break;
      case "encoding.unsupported":
      case "charset.unsupported":
        answer = jsonError(415, "BAD_REQUEST", `Unsupported request encoding: ${error.message ?? ""}; send UTF-8 JSON`);
        break;
      default:
        if (error.status && error.status >= 400 && error.status < 500) {
          answer = jsonError(error.status, "BAD_REQUEST", error.message ?? "Bad request");
        } else {
          logger.error({ err: error }, "unexpected error before GraphQL");
          answer = jsonError(500, "INTERNAL_SERVER_ERROR", "Internal server error");
        }
    }
    res.status(answer.status).json(answer.body);
  };
}
