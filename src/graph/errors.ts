// Driver failures translated into the two the API distinguishes: the database is unreachable, or a query ran too long.
import { Neo4jError } from "neo4j-driver";

export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
}

export class QueryTimeoutError extends Error {
  override readonly name = "QueryTimeoutError";
}

/** One transaction needed more memory than Neo4j allows (NEO4J_TX_MAX_MB): retrying cannot help. */
export class TransactionTooLargeError extends Error {
  override readonly name = "TransactionTooLargeError";
}

/** A read needed more memory than one transaction may use: it failed alone, the database is fine. */
export class QueryTooLargeError extends Error {
  override readonly name = "QueryTooLargeError";
}

const OUT_OF_MEMORY_CODE = "Neo.TransientError.General.MemoryPoolOutOfMemoryError";

/** Neo4j calls running out of transaction memory transient, but the same query will run out again. */
export function isOutOfTransactionMemory(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === OUT_OF_MEMORY_CODE;
}

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

export function translateDriverError(error: unknown, timeoutMs: number, mode: "read" | "write" = "write"): unknown {
  if (!(error instanceof Error)) return error;
  const code = error instanceof Neo4jError ? error.code : "";
  if (
    code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") ||
    /transaction has been terminated.*timeout/i.test(error.message)
  ) {
    return new QueryTimeoutError(`the query was stopped after the ${timeoutMs} ms transaction time limit`, {
      cause: error,
    });
  }
  if (code === OUT_OF_MEMORY_CODE && mode === "read") {
    return new QueryTooLargeError(
      "the query needs more memory than one query may use in Neo4j (NEO4J_TX_MAX_MB); " +
        "ask for less: smaller pages (first), fewer aliases or nested lists",
      { cause: error },
    );
  }
  if (code === OUT_OF_MEMORY_CODE) {
    return new TransactionTooLargeError(
      "the transaction needs more memory than Neo4j allows one transaction (NEO4J_TX_MAX_MB); " +
        "split the dataset into smaller files or raise the limit",
      { cause: error },
    );
  }
  if (
    UNAVAILABLE_CODES.has(code) ||
    /connection acquisition timed out|ECONNREFUSED|Could not perform discovery|failed to connect/i.test(error.message)
  ) {
    return new DatabaseUnavailableError(`Neo4j is not reachable (${error.message.split("\n")[0]})`, { cause: error });
  }
  return error;
}
