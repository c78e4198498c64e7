// Admission in front of the driver: at most maxInFlight units of work hold a Neo4j connection at once; more wait
// their turn in arrival order for up to maxWaitMs, and beyond maxQueued waiting they are refused at once. So a
// busy database makes answers slower, then refuses with OVERLOADED, instead of every caller timing out in the pool.
// A few small reads that everything live waits on (the tail of the change log and its batch's reads, one at a time
// per process) go ahead of the queue (`first`): they wait for a slot like the others, but are given the next one.
import { DEFAULT_ADMISSION, type AdmissionSettings } from "../../config";
import { OverloadedError } from "./errors";

export class Admission {
  private running = 0;
  // A Set keeps insertion order (FIFO) and lets a waiter that gave up leave from the middle in O(1).
  private readonly waiting = new Set<() => void>();
  /** Waiters served before `waiting` (run(work, true)). */
  private readonly waitingFirst = new Set<() => void>();

  constructor(readonly settings: AdmissionSettings = DEFAULT_ADMISSION) {}

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.size + this.waitingFirst.size;
  }

  /** Seconds a refused client should wait before it tries again (the Retry-After header): one full queue wait. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.settings.maxWaitMs / 1000));
  }

  /** Runs work once a slot is free (the next free one when `first`); the slot is given back however it ends. */
  async run<T>(work: () => Promise<T>, first = false): Promise<T> {
    await this.acquire(first ? this.waitingFirst : this.waiting);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(queue: Set<() => void>): Promise<void> {
    // Nobody may overtake a waiter: a free slot goes to the head of the queue (see release), not to a newcomer.
    if (this.running < this.settings.maxInFlight && this.queued === 0) {
      this.running += 1;
      return Promise.resolve();
    }
    const { maxInFlight, maxWaitMs, maxQueued } = this.settings;
    if (this.queued >= maxQueued) {
      return Promise.reject(
        new OverloadedError(
          `${this.running} queries are running in Neo4j and ${this.queued} are waiting, the most allowed ` +
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
        queue.delete(turn);
        reject(
          new OverloadedError(
            `the query waited ${maxWaitMs} ms for one of ${maxInFlight} query slots ` +
              "(NEO4J_MAX_IN_FLIGHT, QUEUE_WAIT_MS)",
            this.retryAfterSeconds,
          ),
        );
      }, maxWaitMs);
      queue.add(turn);
    });
  }

  private release(): void {
    const queue = this.waitingFirst.size > 0 ? this.waitingFirst : this.waiting;
    const next = queue.values().next();
    if (next.done) {
      this.running -= 1;
      return;
    }
    // The slot passes straight to the longest waiter: running stays the same.
    queue.delete(next.value);
    next.value();
  }
}
