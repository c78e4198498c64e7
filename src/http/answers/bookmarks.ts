// Read-your-writes across requests and server instances: a request that wrote answers with the bookmarks of its
// transactions in the Neo4j-Bookmark header; a request that sends them back has every read wait until the database
// (on a cluster, the member serving it) has reached them. The waiting itself is the driver's and Neo4j's
// (src/graph/runtime/database.ts); this module only carries the header in and out.
import type { IncomingHttpHeaders } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { GraphQLContext } from "../../graphql/context";

export const BOOKMARK_HEADER = "Neo4j-Bookmark";
/** More than one request's writes ever leave (one per database written), few enough to keep the header small. */
export const MAX_BOOKMARKS = 16;
/** A Neo4j 5 bookmark of one database is about 45 characters; room for composite databases' longer ones. */
export const MAX_BOOKMARK_LENGTH = 1024;

/**
 * Bookmarks are opaque to clients, so only their alphabet is checked: Neo4j writes them as a prefix and base64
 * ("FB:kcwQ…"); a character outside it means the header was not copied from a response. Neo4j itself refuses a
 * well-formed string that is no bookmark of its own (BAD_USER_INPUT as well, from src/graph/runtime/database.ts).
 */
const BOOKMARK = /^[A-Za-z0-9+/=:._-]+$/;

export class BookmarkHeaderError extends Error {
  override readonly name = "BookmarkHeaderError";
}

function refuse(problem: string): never {
  throw new BookmarkHeaderError(
    `${BOOKMARK_HEADER}: ${problem}; send back the ${BOOKMARK_HEADER} header of an earlier response unchanged ` +
      "(several, comma-separated, are allowed)",
  );
}

/**
 * The bookmarks of a Neo4j-Bookmark header: comma-separated (a repeated header arrives joined with ", "), blanks and
 * empty items ignored, duplicates dropped. An absent or empty header is no bookmark. Throws BookmarkHeaderError.
 */
export function parseBookmarkHeader(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const joined = typeof value === "string" ? value : value.join(",");
  // Checked before splitting, so a huge header costs nothing: each bookmark plus its comma, at the most.
  if (joined.length > MAX_BOOKMARKS * (MAX_BOOKMARK_LENGTH + 2)) {
    refuse(`the header is ${joined.length} characters long, more than ${MAX_BOOKMARKS} bookmarks can be`);
  }
  const bookmarks = joined
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (bookmarks.length > MAX_BOOKMARKS) refuse(`${bookmarks.length} bookmarks were sent; at most ${MAX_BOOKMARKS}`);
  bookmarks.forEach((bookmark, i) => {
    const which = bookmarks.length === 1 ? "the bookmark" : `bookmark ${i + 1} of ${bookmarks.length}`;
    if (bookmark.length > MAX_BOOKMARK_LENGTH) {
      refuse(`${which} is ${bookmark.length} characters long; at most ${MAX_BOOKMARK_LENGTH}`);
    }
    if (!BOOKMARK.test(bookmark)) {
      refuse(`${which} has characters no Neo4j bookmark has (letters, digits and + / = : . _ - only)`);
    }
  });
  return [...new Set(bookmarks)];
}

export function formatBookmarkHeader(bookmarks: readonly string[]): string {
  return bookmarks.join(", ");
}

/** The bookmarks a request sent; a malformed header is an HTTP 400 with BAD_USER_INPUT naming it. */
export function requestBookmarks(headers: IncomingHttpHeaders): string[] {
  try {
    return parseBookmarkHeader(headers[BOOKMARK_HEADER.toLowerCase()]);
  } catch (error) {
    if (!(error instanceof BookmarkHeaderError)) throw error;
    // extensions.http is Apollo's way to set the status of an error raised while building the context.
    throw new GraphQLError(error.message, {
      extensions: { code: "BAD_USER_INPUT", header: BOOKMARK_HEADER, http: { status: 400 } },
    });
  }
}

/** A request that wrote answers with the bookmarks its writes left; one that did not, without the header. */
export function bookmarkPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const written = contextValue.db.bookmarks.written;
          if (written.length > 0)
            response.http.headers.set(BOOKMARK_HEADER.toLowerCase(), formatBookmarkHeader(written));
        },
      };
    },
  };
}
