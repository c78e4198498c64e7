// What clients see of an error: a code they can branch on and a message that says what went wrong. Stack traces,
// and in production the messages of unexpected errors, stay in the server's log.
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { DatabaseUnavailableError, QueryTimeoutError, QueryTooLargeError, TransactionTooLargeError } from "../graph/errors";

export interface FormatErrorOptions {
  /** Show the message of unexpected errors (development only); in production they read "Internal server error". */
  exposeDetails: boolean;
  log: (error: unknown) => void;
}

export function createFormatError(options: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof DatabaseUnavailableError) {
      return { ...base, message: "The database is unavailable; try again shortly.", extensions: { code: "DATABASE_UNAVAILABLE" } };
    }
    if (original instanceof QueryTimeoutError) {
      return { ...base, message: `The query took too long: ${original.message}. Ask for less (smaller first, fewer levels).`, extensions: { code: "QUERY_TIMEOUT" } };
    }
    if (original instanceof QueryTooLargeError) {
      return { ...base, message: `The query is too large: ${original.message}.`, extensions: { code: "QUERY_TOO_LARGE" } };
    }
    if (original instanceof TransactionTooLargeError) {
      return { ...base, message: original.message, extensions: { code: "BAD_USER_INPUT" } };
    }
    const code = formatted.extensions?.code;
    if (code === "INTERNAL_SERVER_ERROR" || (!code && !(original instanceof GraphQLError))) {
      options.log(original);
      return { ...base, message: options.exposeDetails ? formatted.message : "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
    return formatted;
  };
}
