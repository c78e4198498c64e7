// Cross-site request forgery: a page on another site can make a browser send a "simple" request (a form's POST, an
// image's GET) without asking first. Such a POST could carry a mutation, so a POST must prove it is not simple: a
// content-type a form cannot send (application/json), or a header that forces a CORS preflight — Apollo's own rule.
// A GET runs queries only (Apollo refuses a mutation over GET), every query is public, and no cookie or other ambient
// credential exists here (the token travels in Authorization, which a simple request cannot set): a cross-site GET
// learns nothing a plain request would not, so GET queries are answered as clients send them by default (urql,
// Apollo Client's useGETForQueries, a CDN's cache) — the GraphQL-over-HTTP spec's GET.
import type { NextFunction, Request, Response } from "express";

/** Content types a form or a simple fetch may send without a preflight (the Fetch standard's CORS-safelisted ones). */
const SIMPLE_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"]);
/** Headers Apollo accepts as proof of a preflight. */
const PREFLIGHT_HEADERS = ["x-apollo-operation-name", "apollo-require-preflight"];

export const CSRF_MESSAGE =
  "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): send it with " +
  "content-type: application/json, or with a non-empty apollo-require-preflight or x-apollo-operation-name header.";

/** Whether a request is one a cross-site page could have made a browser send without a preflight. */
export function isSimplePost(method: string, headers: Request["headers"]): boolean {
  if (method !== "POST") return false;
  if (PREFLIGHT_HEADERS.some((h) => String(headers[h] ?? "").length > 0)) return false;
  const type = String(headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  return type === "" || SIMPLE_TYPES.has(type);
}

export function refuseSimplePosts(req: Request, res: Response, next: NextFunction): void {
  if (!isSimplePost(req.method, req.headers)) {
    next();
    return;
  }
  res.status(400).type("text/plain").send(`${CSRF_MESSAGE}\n`);
}
