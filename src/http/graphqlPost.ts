// The common GraphQL request — a POST to /graphql with a JSON body of known length — served straight from node:http:
// the same steps the Express app takes for it (Vary, request id and log line, body size, document size, Apollo,
// its headers and status), without Express's router, body-parser and res.send, which cost about a third of this
// server's Node CPU per request (bench/shapes/layers.ts: 0.74-0.86 ms behind Express, 0.47-0.55 ms behind node:http
// with the same Apollo). Anything else — another method or path, a query string, another media type or charset, a
// compressed or chunked body, one over MAX_BODY_BYTES, CORS or a rate limit configured — goes to the Express app.
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { GraphQLContext } from "../graphql/context";
import type { Logger } from "../logging";
import { VARIED_REQUEST_HEADERS } from "./answers/cacheControl";
import { documentTooLarge, oversizedDocument } from "./limits/documentSize";
import { logRequest, type RequestLocals } from "./requests";

export interface GraphqlPostOptions {
  apollo: ApolloServer<GraphQLContext>;
  /** The request's context, as the Express route builds it. */
  context: (req: IncomingMessage, locals: RequestLocals) => Promise<GraphQLContext>;
  logger: Logger;
  level: "info" | "debug";
  maxBodyBytes: number;
  maxDocumentBytes: number;
}

const VARY = VARIED_REQUEST_HEADERS.join(", ");
const INTERNAL = "INTERNAL_SERVER_ERROR";
/** application/json, with no parameter but charset=utf-8 (what body-parser reads without a decoder of its own). */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** True when this request is one the fast path serves as the Express app would (decided from its headers alone). */
function servable(req: IncomingMessage, maxBodyBytes: number): boolean {
  if (req.method !== "POST" || req.url !== "/graphql") return false;
  const { headers } = req;
  if (!JSON_TYPE.test(headers["content-type"] ?? "")) return false;
  const encoding = headers["content-encoding"];
  if (encoding !== undefined && encoding.toLowerCase() !== "identity") return false;
  if (headers["transfer-encoding"] !== undefined) return false;
  const length = Number(headers["content-length"]);
  return Number.isInteger(length) && length >= 0 && length <= maxBodyBytes;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

/** The body as JSON, as body-parser's strict mode reads it: an object or a list, {} when empty; else an Error. */
function parseBody(raw: Buffer): unknown {
  // body-parser decodes UTF-8 without a byte-order mark.
  const text = raw.toString("utf8").replace(/^\uFEFF/, "");
  if (text.length === 0) return {};
  const first = /\S/.exec(text)?.[0];
  if (first !== "{" && first !== "[") {
    return new Error(`Unexpected token '${first ?? ""}': a GraphQL request is a JSON object`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error as Error;
  }
}

/** The handler to put in front of the Express app: true when it took the request. */
export function graphqlPost(options: GraphqlPostOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { apollo, logger, level, maxBodyBytes, maxDocumentBytes } = options;

  const answer = async (req: IncomingMessage, res: ServerResponse, locals: RequestLocals, body: unknown) => {
    if (body instanceof Error) {
      const message = `The request body is not valid JSON: ${body.message}`;
      sendJson(res, 400, { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    const bytes = oversizedDocument(body, maxDocumentBytes);
    if (bytes !== undefined) {
      sendJson(res, 413, documentTooLarge(bytes, maxDocumentBytes), { "cache-control": "no-store" });
      return;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body },
      context: () => options.context(req, locals),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.setHeader("content-length", Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return (req, res) => {
    if (!servable(req, maxBodyBytes)) return false;
    const locals: RequestLocals = {};
    let body: unknown;
    res.setHeader("Vary", VARY);
    logRequest(logger, level, req, res, locals, () => body);
    const chunks: Buffer[] = [];
    // A client that went away mid-body: nothing to answer (Express's body-parser gives up the same way).
    req.on("error", () => res.destroy());
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      body = parseBody(Buffer.concat(chunks));
      answer(req, res, locals, body).catch((error: unknown) => {
        logger.error({ err: error }, "unexpected error before GraphQL");
        if (res.headersSent) res.destroy();
        else sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: INTERNAL } }] });
      });
    });
    return true;
  };
}
