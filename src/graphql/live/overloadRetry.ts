// A subscription's reads wait out an overloaded database instead of ending the subscription: a read refused by the
// admission queue (OVERLOADED) or the cap on expensive work (SERVER_BUSY), stopped at the transaction time limit on a
// starved machine, or sent while Neo4j was briefly unreachable changed nothing, so it is tried again after a pause
// that doubles up to a bound, for as long as someone still wants the answer. A statementAdded subscriber then
// receives its statements late rather than never.
import { GraphQLError } from "graphql";
import { DatabaseUnavailableError, OverloadedError, QueryTimeoutError } from "../../graph/runtime/errors";

export interface Backoff {
  /** The first pause, in ms. */
  firstMs: number;
  /** The longest pause, in ms. */
  maxMs: number;
}

export const OVERLOAD_BACKOFF: Backoff = { firstMs: 100, maxMs: 5_000 };

const TRANSIENT_CODES = new Set(["OVERLOADED", "SERVER_BUSY", "QUERY_TIMEOUT", "DATABASE_UNAVAILABLE"]);

/** True for an error that says "busy or away now, nothing was changed, try later" (a read is safe to repeat). */
export function isOverload(error: unknown): boolean {
  if (error instanceof OverloadedError || error instanceof QueryTimeoutError) return true;
  if (error instanceof DatabaseUnavailableError) return true;
  if (error instanceof GraphQLError) {
    const code = error.extensions.code;
    return (typeof code === "string" && TRANSIENT_CODES.has(code)) || isOverload(error.originalError);
  }
  return false;
}

/** The pause before attempt `attempt` (1 for the first retry). */
export function backoffMs(attempt: number, backoff: Backoff = OVERLOAD_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, attempt - 1));
}

/** Waits out the pause before retry number `attempt`. */
export function pause(attempt: number, backoff: Backoff = OVERLOAD_BACKOFF): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, backoff)));
}

/**
 * Runs work until it succeeds, fails otherwise than by overload, or `wanted` says nobody waits any more (then the
 * last overload error is thrown). `onRetry` hears of each overload (for logs and tests).
 */
export async function retryOverload<T>(
  work: () => Promise<T>,
  wanted: () => boolean,
  options: { backoff?: Backoff; onRetry?: (error: unknown, attempt: number) => void } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isOverload(error) || !wanted()) throw error;
      options.onRetry?.(error, attempt);
      await pause(attempt, options.backoff);
      if (!wanted()) throw error;
    }
  }
}
