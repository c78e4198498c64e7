// The Neo4j-Bookmark header as the server reads and writes it, and the bookmarks one request carries from its writes
// to its answer; no database (tests/hardening/bookmarks.test.ts runs the round trip against a Neo4j server).
import { GraphQLError } from "graphql";
import { Bookmarks } from "../../../../src/graph/runtime/database";
import {
  formatBookmarkHeader,
  MAX_BOOKMARK_LENGTH,
  MAX_BOOKMARKS,
  parseBookmarkHeader,
  requestBookmarks,
} from "../../../../src/http/answers/bookmarks";
import { cachePolicy } from "../../../../src/http/answers/cacheControl";

const A = "FB:kcwQh/mhRXSVQKGGjWqgM20srgaQ";
const B = "FB:kcwQeaWSTzI5SmeVqNUVBRmK4QWQ";

describe("reading the Neo4j-Bookmark header", () => {
  it("takes one bookmark, or several comma-separated, as a repeated header arrives too", () => {
    expect(parseBookmarkHeader(A)).toEqual([A]);
    expect(parseBookmarkHeader(`${A}, ${B}`)).toEqual([A, B]);
    expect(parseBookmarkHeader(`${A},${B}`)).toEqual([A, B]);
    expect(parseBookmarkHeader([A, B])).toEqual([A, B]);
  });

  it("takes no header, an empty one, blanks and empty items for no bookmark, and drops duplicates", () => {
    expect(parseBookmarkHeader(undefined)).toEqual([]);
    expect(parseBookmarkHeader("")).toEqual([]);
    expect(parseBookmarkHeader("  ")).toEqual([]);
    expect(parseBookmarkHeader(`, ${A},,${A} ,`)).toEqual([A]);
  });

  it("reads back what it writes", () => {
    expect(parseBookmarkHeader(formatBookmarkHeader([A, B]))).toEqual([A, B]);
    expect(formatBookmarkHeader([A])).toBe(A);
  });

  it("refuses characters no bookmark has, naming the header and which bookmark", () => {
    expect(() => parseBookmarkHeader("not a bookmark!")).toThrow(
      /^Neo4j-Bookmark: the bookmark has characters no Neo4j bookmark has/,
    );
    expect(() => parseBookmarkHeader(`${A}, FB:é`)).toThrow(/^Neo4j-Bookmark: bookmark 2 of 2 has characters/);
    expect(() => parseBookmarkHeader('"FB:abc"')).toThrow(/Neo4j-Bookmark/);
  });

  it("refuses a bookmark too long, too many bookmarks, and a huge header before splitting it", () => {
    expect(() => parseBookmarkHeader(`FB:${"A".repeat(MAX_BOOKMARK_LENGTH)}`)).toThrow(
      `Neo4j-Bookmark: the bookmark is ${MAX_BOOKMARK_LENGTH + 3} characters long; at most ${MAX_BOOKMARK_LENGTH}`,
    );
    expect(parseBookmarkHeader(`FB:${"A".repeat(MAX_BOOKMARK_LENGTH - 3)}`)).toHaveLength(1);
    const many = Array.from({ length: MAX_BOOKMARKS + 1 }, (_, i) => `FB:${i}`);
    expect(() => parseBookmarkHeader(many.join(","))).toThrow(
      `Neo4j-Bookmark: ${MAX_BOOKMARKS + 1} bookmarks were sent; at most ${MAX_BOOKMARKS}`,
    );
    expect(parseBookmarkHeader(many.slice(1).join(","))).toHaveLength(MAX_BOOKMARKS);
    expect(() => parseBookmarkHeader(",".repeat(1_000_000))).toThrow(/the header is 1000000 characters long/);
  });

  it("makes a refused header an HTTP 400 with BAD_USER_INPUT naming it", () => {
    expect(requestBookmarks({ "neo4j-bookmark": A })).toEqual([A]);
    expect(requestBookmarks({})).toEqual([]);
    let error: unknown;
    try {
      requestBookmarks({ "neo4j-bookmark": "no bookmark" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({
      code: "BAD_USER_INPUT",
      header: "Neo4j-Bookmark",
      http: { status: 400 },
    });
  });
});

describe("cache policy with a bookmark", () => {
  it("keeps the answer to a request with a bookmark out of every cache, even a public GET query", () => {
    const answer = { method: "GET", operation: "query", hasToken: false, hasErrors: false, maxAgeS: 30 };
    expect(cachePolicy(answer)).toBe('public, max-age=30, private="x-request-id"');
    expect(cachePolicy({ ...answer, hasBookmark: false })).toBe('public, max-age=30, private="x-request-id"');
    expect(cachePolicy({ ...answer, hasBookmark: true })).toBe("no-store");
  });
});

describe("the bookmarks of one request", () => {
  it("opens sessions without bookmarks and hands none on while nothing was given or written", () => {
    const bookmarks = new Bookmarks();
    expect(bookmarks.forSession()).toBeUndefined();
    expect(bookmarks.written).toEqual([]);
  });

  it("makes every session wait for the client's bookmarks, and hands them on only after a write", () => {
    const bookmarks = new Bookmarks();
    bookmarks.add([A]);
    expect(bookmarks.forSession()).toEqual([A]);
    expect(bookmarks.written).toEqual([]);
    bookmarks.afterWrite([A], [B]);
    expect(bookmarks.forSession()).toEqual([B]);
    expect(bookmarks.written).toEqual([B]);
  });

  it("keeps the bookmarks of two writes that ran at once, as the driver's bookmark manager does", () => {
    const bookmarks = new Bookmarks();
    bookmarks.add([A]);
    const started = bookmarks.forSession();
    bookmarks.afterWrite(started, ["FB:one"]);
    bookmarks.afterWrite(started, ["FB:two"]);
    expect(bookmarks.written).toEqual(["FB:one", "FB:two"]);
    // A later write started from both, and ended with one bookmark that covers them.
    bookmarks.afterWrite(bookmarks.forSession(), ["FB:three"]);
    expect(bookmarks.written).toEqual(["FB:three"]);
  });
});
