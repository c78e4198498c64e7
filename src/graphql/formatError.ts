// What clients see of an error: a code they can branch on and a message that says what went wrong. The one place
// where the refusals and failures of the layers below get their GraphQL codes. Stack traces, and in production the
// messages of unexpected errors, stay in the server's log.
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { DuplicateEntityError, InvalidInputError, NotFoundError } from "../domain/errors";
import {
  BookmarkNotReachedError,
  DatabaseUnavailableError,
  OverloadedError,
  QueryTimeoutError,
  QueryTooLargeError,
  TransactionTooLargeError,
} from "../graph/runtime/errors";
import { DatasetError } from "../load/dataset";

export interface FormatErrorOptions {
  /** Show the message of unexpected errors (development only); in production they read "Internal server error". */
  exposeDetails: boolean;
  log: (error: unknown) => void;
}

type ClientView = Required<Pick<GraphQLFormattedError, "message" | "extensions">>;

/** The message and extensions of an error the layers below raise on purpose; undefined for anything unexpected. */
export function clientView(error: unknown): ClientView | undefined {
  if (error instanceof InvalidInputError) {
    const extensions = { code: "BAD_USER_INPUT", field: error.field, ...(error.id ? { id: error.id } : {}) };
    return { message: error.message, extensions };
  }
  if (error instanceof DuplicateEntityError) {
    const { candidate, score, reasons } = error;
    return {
      message: error.message,
      extensions: { code: "DUPLICATE_ENTITY", field: "input", candidate, score, reasons },
    };
  }
  if (error instanceof NotFoundError) {
    return { message: error.message, extensions: { code: "NOT_FOUND", field: error.field, id: error.id } };
  }
  if (error instanceof DatasetError) {
    // The message names the first problems; all of them are in extensions.problems.
    const shown = error.problems.slice(0, 3).join("; ");
    const more = error.problems.length > 3 ? ` (and ${error.problems.length - 3} more, see extensions.problems)` : "";
    return {
      message: `${error.file}: dataset refused, nothing was written: ${shown}${more}`,
      extensions: { code: "BAD_USER_INPUT", field: "dataset", problems: error.problems },
    };
  }
  if (error instanceof BookmarkNotReachedError) {
    return {
      message:
        "The database has not yet reached the writes of the Neo4j-Bookmark sent; nothing stale was returned, retry " +
        "with the same bookmark shortly.",
      extensions: { code: "BOOKMARK_NOT_REACHED", header: "Neo4j-Bookmark" },
    };
  }
  if (error instanceof DatabaseUnavailableError) {
    return { message: "The database is unavailable; try again shortly.", extensions: { code: "DATABASE_UNAVAILABLE" } };
  }
  if (error instanceof OverloadedError) {
    // The HTTP status (503) and Retry-After header are set from these extensions by src/http/limits/overload.ts.
    return {
      message: `The server is overloaded: ${error.message}. Nothing was run; retry after ${error.retryAfterSeconds} s.`,
      extensions: { code: "OVERLOADED", retryAfterSeconds: error.retryAfterSeconds },
    };
  }
  if (error instanceof QueryTimeoutError) {
    return {
      message: `The query took too long: ${error.message}. Ask for less (smaller first, fewer levels).`,
      extensions: { code: "QUERY_TIMEOUT" },
    };
  }
  if (error instanceof QueryTooLargeError) {
    return { message: `The query is too large: ${error.message}.`, extensions: { code: "QUERY_TOO_LARGE" } };
  }
  if (error instanceof TransactionTooLargeError) {
    return { message: error.message, extensions: { code: "BAD_USER_INPUT" } };
  }
  return undefined;
}

export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    const known = clientView(original);
    if (known) return { message: known.message, ...base, extensions: known.extensions };
    const code = formatted.extensions?.code;
    if (code === "INTERNAL_SERVER_ERROR" || (!code && !(original instanceof GraphQLError))) {
      options.log(original);
      const message = options.exposeDetails ? formatted.message : "Internal server error";
      return { ...base, message, extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    return formatted;
  };
}
