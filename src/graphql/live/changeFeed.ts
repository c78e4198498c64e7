// One tail of the change log per process, shared by every subscription of that process: a single indexed query reads
// the entries after the last position it saw, and each batch is handed to every subscriber in memory. It runs only
// while the process has a subscriber. Each process (each worker of WORKERS=N, each server on one Neo4j) tails the
// log itself, so no broker is needed; positions become visible in order (docs/live-graph.md), so reading on from the
// last position never skips an entry committed late.
import { entriesAfter, lastPosition, type ChangeRow } from "../../graph/writes/changes/changeReads";
import type { Database } from "../../graph/runtime/database";
import { backoffMs, isOverload, retryOverload } from "./overloadRetry";

/** The batch each row handed to subscribers came in (its entries, the statements read for them). */
const batchOfRow = new WeakMap<object, FeedBatch>();

/**
 * One read of the tail: its entries in order, and work that subscribers share for them. While the tail hands the
 * batch to its listeners (one synchronous step), each may note what it will ask (`ask`); the first that needs an
 * answer then asks Neo4j once for all of them (`memo`).
 */
export class FeedBatch {
  private readonly shared = new Map<string, Promise<unknown>>();
  private readonly made = new Map<string, unknown>();
  private readonly questions = new Map<string, Map<string, unknown>>();

  constructor(readonly entries: readonly ChangeRow[]) {
    this.adopt(entries);
  }

  /** The batch a row came in, when it came from the tail (a replayed entry did not). */
  static of(row: unknown): FeedBatch | undefined {
    return typeof row === "object" && row !== null ? batchOfRow.get(row) : undefined;
  }

  /** Rows read for this batch, so that updates made of them share its work. */
  adopt(rows: readonly unknown[]): void {
    for (const row of rows) if (typeof row === "object" && row !== null) batchOfRow.set(row, this);
  }

  /**
   * The result of `make` for this key, computed once for this batch whoever asks. A failed attempt is forgotten, so
   * that the next caller tries again.
   */
  memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let made = this.shared.get(key) as Promise<T> | undefined;
    if (!made) {
      const attempt = make();
      this.shared.set(key, (made = attempt));
      attempt.catch(() => this.shared.get(key) === attempt && this.shared.delete(key));
    }
    return made;
  }

  /** Like memo, for something made at once (the batch loaders every update of this batch shares). */
  once<T>(key: string, make: () => T): T {
    if (!this.made.has(key)) this.made.set(key, make());
    return this.made.get(key) as T;
  }

  /** Notes a question of this topic (by its key) that some listener will ask of the batch. */
  ask(topic: string, key: string, question: unknown): void {
    let asked = this.questions.get(topic);
    if (!asked) this.questions.set(topic, (asked = new Map()));
    asked.set(key, question);
  }

  /** The questions of this topic noted so far, by key, in the order of their keys (a stable query text). */
  asked<Q>(topic: string): [string, Q][] {
    const asked = [...((this.questions.get(topic) ?? new Map()) as Map<string, Q>)];
    return asked.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** The tail's read and a batch's shared read may run at once; nothing else takes these slots. */
const FEED_SLOTS = 2;

export type FeedListener = (batch: FeedBatch) => void;

export interface FeedSettings {
  /** How long the tail waits after a read that found the log's end (CHANGES_POLL_MS). */
  pollMs: number;
  /** Entries read at most per query; a full batch is followed by the next read at once. */
  batchSize?: number;
  /** Where a failed read is reported (it is retried after pollMs; after an overload, after a growing pause). */
  onError?: (error: unknown) => void;
}

export class ChangeFeed {
  /** The last position read: every entry up to it has been handed to the listeners of its time. */
  position = 0;
  private readonly listeners = new Set<FeedListener>();
  private readonly db: Database;
  /**
   * Where the reads that every subscriber of a batch shares are sent (the new statements, the text filters' match):
   * the tail's lane (Database.withOwnSlots), with a counter of its own.
   */
  readonly batchReads: Database;
  /** Bumped on each start and stop: a read that returns after a stop is dropped. */
  private generation = 0;
  private ready: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    db: Database,
    private readonly settings: FeedSettings,
  ) {
    // Its own query slots (a lane beside the shared admission queue: the tail's read and one batch's read at once)
    // and its own query counter: how many reads the tail has sent (none while there is no subscriber).
    this.db = db.withOwnSlots(FEED_SLOTS);
    this.batchReads = this.db.withCounter();
  }

  /** Neo4j queries the tail has sent since the process started. */
  get queries(): number {
    return this.db.counter.queries;
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  get running(): boolean {
    return this.ready !== undefined;
  }

  /**
   * Adds a listener, starting the tail if it is the first; resolves once the position is known. Returns the function
   * that removes it (the tail stops with the last one).
   */
  async join(listener: FeedListener): Promise<() => void> {
    this.listeners.add(listener);
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
    this.ready ??= this.start();
    try {
      await this.ready;
    } catch (error) {
      leave();
      throw error;
    }
    return leave;
  }

  /** Stops the tail (the last subscriber left, or the server is stopping); a later join starts it again. */
  stop(): void {
    this.generation += 1;
    this.ready = undefined;
    clearTimeout(this.timer);
    this.wake?.();
  }

  private async start(): Promise<void> {
    const generation = ++this.generation;
    // An overloaded database delays the subscription that starts the tail; it does not refuse it.
    const position = await retryOverload(
      () => lastPosition(this.db),
      () => generation === this.generation,
    );
    if (generation !== this.generation) return;
    this.position = position;
    void this.follow(generation);
  }

  private async follow(generation: number): Promise<void> {
    const limit = this.settings.batchSize ?? 200;
    let overloads = 0;
    while (generation === this.generation) {
      let entries: ChangeRow[] = [];
      try {
        entries = await entriesAfter(this.db, this.position, limit);
        overloads = 0;
      } catch (error) {
        this.settings.onError?.(error);
        // The position stays: the next read starts where this one would have. An overloaded database gets a pause
        // that grows (bounded) rather than a read every pollMs.
        if (isOverload(error)) {
          await this.sleep(Math.max(this.settings.pollMs, backoffMs(++overloads)));
          continue;
        }
      }
      if (generation !== this.generation) return;
      if (entries.length > 0) {
        // Position and listeners in one synchronous step: a subscriber that reads the position knows that every
        // entry after it reaches it.
        this.position = entries.at(-1)!.seq;
        const batch = new FeedBatch(entries);
        for (const listener of [...this.listeners]) {
          try {
            listener(batch);
          } catch (error) {
            this.settings.onError?.(error);
          }
        }
      }
      if (entries.length < limit) await this.sleep(this.settings.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }
}
