// Admission in front of the driver: at most maxInFlight units of work hold a Neo4j connection at once; more wait
// their turn in arrival order for up to maxWaitMs, and beyond maxQueued waiting they are refused at once. So a
// busy database makes answers slower, then refuses with OVERLOADED, instead of every caller timing out in the pool.
import { DEFAULT_ADMISSION, type AdmissionSettings } from "../../config";
import { OverloadedError } from "./errors";

export class Admission {
  private running = 0;
  // A Set keeps insertion order (FIFO) and lets a waiter that gave up leave from the middle in O(1).
  private readonly waiting = new Set<() => void>();

  constructor(readonly settings: AdmissionSettings = DEFAULT_ADMISSION) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.size;
  }

  /** Seconds a refused client should wait before it tries again (the Retry-After header): one full queue wait. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.settings.maxWaitMs / 1000));
  }

  /** Runs work once a slot is free; the slot is given back however the work ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    // Nobody may overtake a waiter: a free slot goes to the head of the queue (see release), not to a newcomer.
    if (this.running < this.settings.maxInFlight && this.waiting.size === 0) {
      this.running += 1;
      return Promise.resolve();
    }
    const { maxInFlight, maxWaitMs, maxQueued } = this.settings;
    if (this.waiting.size >= maxQueued) {
      return Promise.reject(
        new OverloadedError(
          `${this.running} queries are running in Neo4j and ${this.waiting.size} are waiting, the most allowed ` +
            "(NEO4J_MAX_IN_FLIGHT, MAX_QUEUED)",
          this.retryAfterSeconds,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.delete(turn);
        reject(
          new OverloadedError(
            `the query waited ${maxWaitMs} ms for one of ${maxInFlight} query slots ` +
              "(NEO4J_MAX_IN_FLIGHT, QUEUE_WAIT_MS)",
            this.retryAfterSeconds,
          ),
        );
      }, maxWaitMs);
      this.waiting.add(turn);
    });
  }

  private release(): void {
    const next = this.waiting.values().next();
    if (next.done) {
      this.running -= 1;
      return;
    }
    // The slot passes straight to the longest waiter: running stays the same.
    this.waiting.delete(next.value);
    next.value();
  }
}
