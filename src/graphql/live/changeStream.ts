// One subscriber's entries of the change log (changes, nodeChanged): every entry after its cursor, read from the log
// page by page as the subscriber takes them (replay), then the shared tail's entries as they come (live). The switch
// happens in one synchronous step, when the replay has read up to the tail's position: every entry after it then
// reaches the subscriber through the tail, and none up to it does again. So nothing is missed or sent twice. A
// subscriber that falls more than its buffer behind goes back to reading the log: memory stays bounded, and nothing
// is lost. Nor does an overloaded database lose anything: a refused read is tried again (overloadRetry.ts).
import { changesPage, type ChangeFilter, type ChangeRow } from "../../graph/writes/changes/changeReads";
import { encodePosition } from "../../graph/writes/changes/positions";
import type { Database } from "../../graph/runtime/database";
import { BoundedQueue } from "./boundedQueue";
import { entryMatches } from "./changeFilter";
import type { ChangeFeed, FeedBatch } from "./changeFeed";
import { retryOverload } from "./overloadRetry";
import { setUpdateCursor } from "./updateCursor";

/** Entries read per page of the replay. */
const REPLAY_PAGE = 100;

export interface StreamSettings {
  /** Entries that may wait for the subscriber before it is closed (SUBSCRIPTION_BUFFER). */
  capacity: number;
  /** Closes the subscriber's connection with a clear code: it fell `capacity` entries behind. */
  onOverflow: (message: string) => void;
}

export class ChangeStream implements AsyncIterableIterator<ChangeRow> {
  /** Every entry up to here has been read (replay) or seen in the tail (live). */
  private readThrough: number;
  private live = false;
  private done = false;
  private page: ChangeRow[] = [];
  private readonly queue: BoundedQueue<ChangeRow>;
  private leave: (() => void) | undefined;

  private constructor(
    private readonly feed: ChangeFeed,
    private readonly db: Database,
    private readonly filter: ChangeFilter,
    after: number | null,
    settings: StreamSettings,
  ) {
    this.readThrough = after ?? 0;
    this.queue = new BoundedQueue(settings.capacity, settings.onOverflow);
  }

  /**
   * A stream of the entries after the position `after` (from now on when null) that the filter keeps. Resolves once
   * the shared tail runs, so that nothing written after the subscription started is missed.
   */
  static async open(
    feed: ChangeFeed,
    db: Database,
    after: number | null,
    filter: ChangeFilter,
    settings: StreamSettings,
  ): Promise<ChangeStream> {
    const stream = new ChangeStream(feed, db, filter, after, settings);
    stream.leave = await feed.join((batch) => stream.receive(batch));
    // From now on: the tail's position, read in the step that goes live.
    if (after === null) stream.goLive(feed.position);
    return stream;
  }

  private goLive(position: number): void {
    this.readThrough = Math.max(this.readThrough, position);
    this.live = true;
  }

  private receive(batch: FeedBatch): void {
    if (!this.live || this.done) return;
    const entries = batch.entries.filter((entry) => entry.seq > this.readThrough && entryMatches(entry, this.filter));
    if (this.queue.size + entries.length > this.queue.capacity) {
      // Behind by more than its buffer (a slow reader, or a burst such as an import): it stops taking the tail's
      // entries and catches up from the log at its own pace, from the last entry it holds, then goes live again.
      this.live = false;
      this.queue.interrupt();
      return;
    }
    this.readThrough = Math.max(this.readThrough, batch.entries.at(-1)!.seq);
    this.queue.push(entries);
  }

  async next(): Promise<IteratorResult<ChangeRow>> {
    while (!this.done) {
      // Entries the tail handed over come first; then the log is read on after them, or the tail waited for.
      if (this.queue.size > 0 || this.live) {
        const entry = await this.queue.take();
        if (entry !== undefined) return this.yield(entry);
        continue;
      }
      if (this.page.length > 0) return this.yield(this.page.shift()!);
      const through = this.feed.position;
      if (this.readThrough >= through) {
        this.goLive(through);
        continue;
      }
      // An overloaded database delays the replay; the subscription goes on from the same place.
      const page = await retryOverload(
        () =>
          changesPage(
            this.db,
            { size: REPLAY_PAGE, after: encodePosition(this.readThrough) },
            { ...this.filter, through },
          ),
        () => !this.done,
      );
      this.page = page.items.map((item) => item.node);
      this.readThrough = page.hasNextPage ? this.page.at(-1)!.seq : through;
    }
    return { value: undefined, done: true };
  }

  private yield(entry: ChangeRow): IteratorResult<ChangeRow> {
    setUpdateCursor(entry, entry.seq);
    return { value: entry, done: false };
  }

  async return(): Promise<IteratorResult<ChangeRow>> {
    this.close();
    return { value: undefined, done: true };
  }

  private close(): void {
    this.done = true;
    this.leave?.();
    this.queue.end();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
