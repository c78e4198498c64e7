// A per-process cap on operations whose cost grows with the data (timeline, search, path, source texts): beyond it,
// requests wait their turn instead of piling work (and memory) onto Neo4j at once; a wait that is too long is refused
// with SERVER_BUSY, which src/http/limits/overload.ts answers as HTTP 503 with Retry-After (like OVERLOADED). The queue
// itself is the data layer's Admission (the same rules as the driver's query slots), and identical operations waiting
// in it run once (src/graph/runtime/sharedWaits.ts).
import { GraphQLError } from "graphql";
import { Admission } from "../../graph/runtime/admission";
import { OverloadedError } from "../../graph/runtime/errors";
import { SharedWaits } from "../../graph/runtime/sharedWaits";

export interface ConcurrencySettings {
  /** Operations running at once; 0 means no cap. */
  max: number;
  /** How long one may wait for its turn before SERVER_BUSY. */
  maxWaitMs: number;
}

/** Seconds a refused client should wait before it tries again (Retry-After): one full wait, at least 1. */
export function busyRetryAfterSeconds(maxWaitMs: number): number {
  return Math.max(1, Math.ceil(maxWaitMs / 1000));
}

export class ConcurrencyLimit {
  private readonly admission: Admission;
  /** Identical operations waiting for their turn run once. */
  readonly waits = new SharedWaits();

  constructor(readonly settings: ConcurrencySettings) {
    this.admission = new Admission({ maxInFlight: settings.max, maxWaitMs: settings.maxWaitMs, maxQueued: Infinity });
  }

  /**
   * Runs work when its turn comes. With a key (sharedWaits.ts readKey: the operation and its arguments), an identical
   * operation still waiting is joined instead, and both get its outcome.
   */
  run<T>(what: string, work: () => Promise<T>, key?: string): Promise<T> {
    if (this.settings.max === 0) return work();
    return this.waits.run(key, (begin) => this.inTurn(what, begin), work);
  }

  private async inTurn<T>(what: string, work: () => Promise<T>): Promise<T> {
    let started = false;
    try {
      return await this.admission.run(() => {
        started = true;
        return work();
      });
    } catch (error) {
      // Only a refused turn is ours to report; the work's own errors (an overloaded driver included) pass through.
      if (started || !(error instanceof OverloadedError)) throw error;
      const retryAfterSeconds = busyRetryAfterSeconds(this.settings.maxWaitMs);
      throw new GraphQLError(
        `The server is busy: ${what} waited ${this.settings.maxWaitMs} ms behind ${this.settings.max} running ` +
          "expensive operations (MAX_CONCURRENT_EXPENSIVE, EXPENSIVE_WAIT_MS). Nothing was run; retry after " +
          `${retryAfterSeconds} s.`,
        { extensions: { code: "SERVER_BUSY", retryAfterSeconds } },
      );
    }
  }
}
