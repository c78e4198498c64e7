// Driver failures translated into what the API distinguishes: the database is unreachable, it is busy (overloaded),
// a query ran too long or needed too much memory.
import { Neo4jError } from "neo4j-driver";

export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
}

/**
 * A read carried a bookmark (Neo4j-Bookmark) whose transaction Neo4j had not reached within its bookmark wait: a
 * replica lagging behind, or a bookmark from the future. Nothing stale was returned; retry with the same bookmark.
 */
export class BookmarkNotReachedError extends Error {
  override readonly name = "BookmarkNotReachedError";
}

export class QueryTimeoutError extends Error {
  override readonly name = "QueryTimeoutError";
}

/**
 * Neo4j answers but is too busy for more work now: a query waited too long for its turn (or the queue was full), or
 * the driver's pool stayed full. Clients should retry after retryAfterSeconds; nothing was run.
 */
export class OverloadedError extends Error {
  override readonly name = "OverloadedError";

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
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

/**
 * The driver's pool had no free connection for connectionAcquisitionTimeout because all of them were in use: Neo4j
 * answers, it is busy. (When Neo4j is down connections fail to open instead, and fewer than the pool's size are
 * active when the time-out ends.) Undefined for any other error.
 */
export function busyPool(error: unknown, poolSize: number, retryAfterSeconds: number): OverloadedError | undefined {
  if (!(error instanceof Error)) return undefined;
  const active = /Connection acquisition timed out in \d+ ms\. Pool status: Active conn count = (\d+)/.exec(
    error.message,
  );
  if (!active || Number(active[1]) < poolSize) return undefined;
  return new OverloadedError(
    `all ${poolSize} connections to Neo4j stayed busy for longer than the pool waits`,
    retryAfterSeconds,
    { cause: error },
  );
}

/** "The transaction has been terminated … timeout …", read without a pattern that rescans the message. */
function isTerminatedByTimeout(message: string): boolean {
  const lower = message.toLowerCase();
  const at = lower.indexOf("transaction has been terminated");
  return at >= 0 && lower.includes("timeout", at);
}

export function translateDriverError(error: unknown, timeoutMs: number, mode: "read" | "write" = "write"): unknown {
  if (!(error instanceof Error)) return error;
  const code = error instanceof Neo4jError ? error.code : "";
  if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") || isTerminatedByTimeout(error.message)) {
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
