// A cap on the size of a GraphQL document, comments included (MAX_DOCUMENT_BYTES), checked before anything parses
// or hashes it: MAX_TOKENS counts tokens while parsing, and comments are no tokens, so a query padded with a
// megabyte of comment passed it, and Apollo kept the text with the parsed document (documentCache.ts). The same cap
// holds for a POST body's `query`, a GET's `query` parameter and the text that registers an automatic persisted
// query (sent in `query` too, with its hash). Large values belong in variables, which this does not count
// (MAX_BODY_BYTES bounds them).
import type { RequestHandler } from "express";

export const DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";

/** The query texts a request asks to parse: a POST body's `query` (each item of a batch) or a GET's parameter. */
function documentsOf(from: unknown): string[] {
  const items: unknown[] = Array.isArray(from) ? from : [from];
  return items.flatMap((item) => {
    const query: unknown = (item as { query?: unknown } | null | undefined)?.query;
    const texts: unknown[] = Array.isArray(query) ? query : [query];
    return texts.filter((text): text is string => typeof text === "string");
  });
}

/** The size in UTF-8 bytes of the first document in a request's body or parameters above maxBytes; else undefined. */
export function oversizedDocument(from: unknown, maxBytes: number): number | undefined {
  for (const text of documentsOf(from)) {
    // A UTF-16 unit is at most 3 bytes in UTF-8: most texts need no counting.
    if (text.length * 3 <= maxBytes) continue;
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > maxBytes) return bytes;
  }
  return undefined;
}

/** The refusal a client gets, as GraphQL errors in JSON. */
export function documentTooLarge(bytes: number, maxBytes: number) {
  return {
    errors: [
      {
        message:
          `The GraphQL document is ${bytes} bytes long (comments included); at most ${maxBytes} are allowed ` +
          "(MAX_DOCUMENT_BYTES): send large values as variables",
        extensions: { code: DOCUMENT_TOO_LARGE, bytes, maxBytes },
      },
    ],
  };
}

/** Refuses a request whose document is larger than maxBytes (UTF-8) with HTTP 413, before Apollo sees it. */
export function limitDocumentSize(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const bytes = oversizedDocument(req.method === "GET" || req.method === "HEAD" ? req.query : req.body, maxBytes);
    if (bytes === undefined) {
      next();
      return;
    }
    res.status(413).set("cache-control", "no-store").json(documentTooLarge(bytes, maxBytes));
  };
}
