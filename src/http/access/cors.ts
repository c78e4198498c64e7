// CORS at /graphql: pages of the origins in CORS_ORIGINS may call it; a preflight from any other origin gets a clear
// 403 saying which origin was refused and which setting would allow it (instead of Apollo's 405 for OPTIONS).
import cors from "cors";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { BOOKMARK_HEADER } from "../answers/bookmarks";

/** Names the refusal in a header too, for clients that show headers but not bodies. */
export const CORS_REFUSAL_HEADER = "x-cors-refused";

/** A browser's preflight: OPTIONS with the origin and the method it asks permission for. */
function isPreflight(req: Request): boolean {
  return req.method === "OPTIONS" && req.headers.origin !== undefined && !!req.headers["access-control-request-method"];
}

/** What a refused origin is told: that it is not allowed, and that CORS_ORIGINS lists the ones that are. */
export function corsRefusal(origin: string, allowed: readonly string[]): string {
  const listed = allowed.length === 0 ? "none is listed, so only same-origin pages may call it" : allowed.join(", ");
  return (
    `Origin ${origin} is not allowed to call /graphql: add it to CORS_ORIGINS (comma-separated origins) ` +
    `to allow it. Allowed now: ${listed}.`
  );
}

/** Answers a preflight from an origin not in `allowed` with 403 and a GraphQL-style error body. */
export function refuseUnlistedPreflights(allowed: readonly string[]): RequestHandler {
  const set = new Set(allowed);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (!isPreflight(req) || origin === undefined || set.has(origin)) {
      next();
      return;
    }
    const message = corsRefusal(origin, allowed);
    res
      .status(403)
      .set(CORS_REFUSAL_HEADER, `origin not in CORS_ORIGINS: ${origin}`)
      .set("cache-control", "no-store")
      .vary("origin")
      .json({ errors: [{ message, extensions: { code: "CORS_ORIGIN_NOT_ALLOWED", origin } }] });
  };
}

/**
 * CORS for pages served elsewhere: only the listed origins get Access-Control-Allow-Origin. Apollo's CSRF prevention
 * stays on whatever this allows: a GET or a form-like POST without a preflight-forcing header is refused.
 * The allowed headers are those browser clients send: Apollo Client's client awareness (`apollographql-client-*`),
 * its CSRF header, a request id the page picks, which it can read back because the answer exposes it, and the
 * Neo4j-Bookmark a mutation's answer exposes and later requests send back (read-your-writes, bookmarks.ts).
 * No credentials: the API token travels in Authorization, never in cookies, so no cookie needs to cross origins.
 */
export function graphqlCors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST"],
    allowedHeaders: [
      "content-type",
      "authorization",
      "apollo-require-preflight",
      "x-apollo-operation-name",
      "apollographql-client-name",
      "apollographql-client-version",
      "x-request-id",
      BOOKMARK_HEADER.toLowerCase(),
    ],
    exposedHeaders: ["x-request-id", BOOKMARK_HEADER.toLowerCase()],
    credentials: false,
    maxAge: 600,
  });
}
