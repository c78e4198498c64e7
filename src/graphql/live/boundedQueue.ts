// What one subscriber has been sent but has not yet taken, bounded: a subscriber that falls further behind than its
// capacity is not kept up with by growing memory; it overflows once, and its transport closes it with a clear code.

/** The error a stream of an overflowed subscriber ends with (for transports that cannot close with a code). */
export class SubscriberTooSlow extends Error {}

export class BoundedQueue<T> {
  private items: T[] = [];
  private waiting: ((value: T | undefined) => void) | undefined;
  private ended = false;
  private overflowed = false;

  /** @param onOverflow called once, when a push would hold more than `capacity` items: close the subscriber. */
  constructor(
    readonly capacity: number,
    private readonly onOverflow: (message: string) => void,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds items for the taker; past the capacity, drops everything and reports the overflow (once). */
  push(items: readonly T[]): void {
    if (this.ended || items.length === 0) return;
    let next = 0;
    if (this.waiting && this.items.length === 0) {
      const take = this.waiting;
      this.waiting = undefined;
      take(items[next++]);
    }
    if (this.items.length + items.length - next > this.capacity) {
      this.overflowed = true;
      this.end();
      // Short: a WebSocket close reason holds at most 123 bytes.
      this.onOverflow(`subscriber too slow: over ${this.capacity} updates waiting (SUBSCRIPTION_BUFFER)`);
      return;
    }
    for (; next < items.length; next++) this.items.push(items[next]!);
  }

  /** The next item, waiting for one; undefined once the queue has ended (and been emptied). */
  take(): Promise<T | undefined> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** A waiting taker gets undefined now (its stream has something else to do first); the queue goes on. */
  interrupt(): void {
    const take = this.waiting;
    this.waiting = undefined;
    take?.(undefined);
  }

  /** No more items: a waiting taker gets undefined. After an overflow, what was waiting is dropped too. */
  end(): void {
    this.ended = true;
    if (this.overflowed) this.items = [];
    const take = this.waiting;
    this.waiting = undefined;
    take?.(undefined);
  }

  /** True once the queue overflowed: its stream ends with SubscriberTooSlow. */
  get tooSlow(): boolean {
    return this.overflowed;
  }
}
