// One subscriber's new statements (statementAdded): the statements the shared tail reports created, kept when the
// subscriber's filter keeps them (the filter of statements(filter:)), with every linked part. Per batch of the tail,
// the process reads the new statements once, whoever subscribed, with their parts and match keys (statementKeys.ts),
// from which every filter without text is decided in memory; filters with text are asked of Neo4j in one more query
// for all of them. A read refused by an overloaded database is retried (overloadRetry.ts): the subscriber receives
// its statements late, not never.
import type { StatementRow } from "../../graph/rows";
import { changesPage } from "../../graph/writes/changes/changeReads";
import { encodePosition } from "../../graph/writes/changes/positions";
import { keepsByKeys, keyedStatements } from "../../graph/reads/statementKeys";
import { matchingStatements, statementMatches } from "../../graph/reads/statementMatch";
import type { StatementFilter } from "../../graph/reads/statements";
import type { Database } from "../../graph/runtime/database";
import { BoundedQueue, SubscriberTooSlow } from "./boundedQueue";
import type { ChangeFeed, FeedBatch } from "./changeFeed";
import type { StreamSettings } from "./changeStream";
import { retryOverload } from "./overloadRetry";
import { setUpdateCursor } from "./updateCursor";

/** The topic under which subscribers note their filters in a batch. */
const FILTERS = "statementFilters";

/** The statements a batch of the log created, in the log's order. */
function createdStatements(batch: FeedBatch): string[] {
  return batch.entries.filter((e) => e.kind === "CREATED" && e.label === "Statement").map((e) => e.nodeId!);
}

interface Candidate {
  id: string;
  /** The position of the statement's entry in the log: its update's cursor. */
  seq: number;
  batch: FeedBatch;
}

/** Entries of the log read per page of a replay (statementAdded(after:)). */
const REPLAY_PAGE = 100;

export class StatementStream implements AsyncIterableIterator<StatementRow> {
  /** Every entry up to here has been read (replay) or seen in the tail (live). */
  private readThrough = 0;
  private live = false;
  private done = false;
  /** Statements the replay read and the filter keeps, not yet taken. */
  private replayed: { row: StatementRow; seq: number }[] = [];
  private readonly queue: BoundedQueue<Candidate>;
  private leave: (() => void) | undefined;
  private readonly filterKey: string;
  /** Whether the filter is asked of Neo4j per batch (a text filter) rather than decided from the keys. */
  private readonly needsQuery: boolean;

  private constructor(
    private readonly feed: ChangeFeed,
    private readonly db: Database,
    private readonly filter: StatementFilter,
    settings: StreamSettings,
  ) {
    this.queue = new BoundedQueue(settings.capacity, settings.onOverflow);
    this.filterKey = JSON.stringify(filter);
    this.needsQuery = !!filter.text;
  }

  /**
   * New statements that the filter keeps: those recorded after the position `after` (read from the log first, then
   * live), or from now on (the tail's position when the subscription starts) when it is null.
   */
  static async open(
    feed: ChangeFeed,
    db: Database,
    filter: StatementFilter,
    settings: StreamSettings,
    after: number | null = null,
  ): Promise<StatementStream> {
    const stream = new StatementStream(feed, db, filter, settings);
    stream.readThrough = after ?? 0;
    stream.leave = await feed.join((batch) => stream.receive(batch));
    if (after === null) stream.goLive(feed.position);
    return stream;
  }

  /** From here on the tail's batches reach this stream: every entry up to `position` has been read. */
  private goLive(position: number): void {
    this.readThrough = Math.max(this.readThrough, position);
    this.live = true;
  }

  private receive(batch: FeedBatch): void {
    if (!this.live || this.done) return;
    const ids = batch.entries
      .filter((e) => e.seq > this.readThrough && e.kind === "CREATED" && e.label === "Statement")
      .map((e): Candidate => ({ id: e.nodeId!, seq: e.seq, batch }));
    this.readThrough = Math.max(this.readThrough, batch.entries.at(-1)!.seq);
    if (ids.length > 0 && this.needsQuery) batch.ask(FILTERS, this.filterKey, this.filter);
    this.queue.push(ids);
    if (this.queue.tooSlow) this.close();
  }

  async next(): Promise<IteratorResult<StatementRow>> {
    while (!this.done) {
      const replayed = this.replayed.shift();
      if (replayed) return this.yield(replayed.row, replayed.seq);
      if (!this.live) {
        await this.replay();
        continue;
      }
      const candidate = await this.queue.take();
      if (candidate === undefined) break;
      const row = await this.kept(candidate);
      if (row && !this.done) return this.yield(row, candidate.seq);
    }
    if (this.queue.tooSlow) throw new SubscriberTooSlow("subscriber too slow: closed (SUBSCRIPTION_BUFFER)");
    return { value: undefined, done: true };
  }

  private yield(row: StatementRow, seq: number): IteratorResult<StatementRow> {
    setUpdateCursor(row, seq);
    return { value: row, done: false };
  }

  /**
   * The next page of the log after readThrough, up to the tail's position: the statements it created that the
   * filter keeps. Once the replay reaches the tail's position, the stream goes live in the same synchronous step, so
   * that no entry is missed or read twice (as in changeStream.ts).
   */
  private async replay(): Promise<void> {
    const through = this.feed.position;
    if (this.readThrough >= through) {
      this.goLive(through);
      return;
    }
    const wanted = () => !this.done;
    const page = await retryOverload(
      () =>
        changesPage(
          this.db,
          { size: REPLAY_PAGE, after: encodePosition(this.readThrough) },
          { kinds: ["CREATED"], through },
        ),
      wanted,
    );
    const entries = page.items.map((item) => item.node).filter((e) => e.label === "Statement" && e.nodeId);
    const ids = entries.map((e) => e.nodeId!);
    const statements = await retryOverload(() => keyedStatements(this.db, ids), wanted);
    const undecided = statements.some((s) => s && keepsByKeys(this.filter, s) === undefined);
    const matched = undecided
      ? new Set(await retryOverload(() => matchingStatements(this.db, ids, this.filter), wanted))
      : undefined;
    for (const [i, statement] of statements.entries()) {
      if (!statement) continue; // deleted since
      const keeps = keepsByKeys(this.filter, statement) ?? matched!.has(statement.row.id);
      if (keeps) this.replayed.push({ row: statement.row, seq: entries[i]!.seq });
    }
    this.readThrough = page.hasNextPage ? page.items.at(-1)!.node.seq : through;
  }

  /** The statement with its parts when the filter keeps it; null when it does not, or is gone already. */
  private async kept(candidate: Candidate): Promise<StatementRow | null> {
    return retryOverload(
      () => this.read(candidate),
      () => !this.done,
    );
  }

  private async read({ id, batch }: Candidate): Promise<StatementRow | null> {
    const created = createdStatements(batch);
    // The statements with their parts and match keys, read once for the batch; most filters are decided from the
    // keys in memory. A shared read waits out an overload itself (while its first asker is still there), so that the
    // subscribers waiting for it do not each send it again.
    const wanted = () => !this.done;
    const statements = await batch.memo("statements", async () => {
      const read = await retryOverload(() => keyedStatements(this.feed.batchReads, created), wanted);
      batch.adopt(read.flatMap((s) => (s ? [s.row] : [])));
      return read;
    });
    const statement = statements[created.indexOf(id)];
    if (!statement) return null;
    const decided = keepsByKeys(this.filter, statement);
    if (decided !== undefined) return decided ? statement.row : null;
    // A filter keys cannot decide (text): one query for the batch answers every such filter noted.
    const matches = await batch.memo("matches", async () => {
      const asked = batch.asked<StatementFilter>(FILTERS);
      const filters = asked.map(([, filter]) => filter);
      const kept = await retryOverload(() => statementMatches(this.feed.batchReads, created, filters), wanted);
      return new Map(asked.map(([key], i) => [key, kept[i]!]));
    });
    // A filter noted after the shared query was sent (not expected: every subscriber notes its own as the batch
    // arrives) is asked on its own.
    const kept =
      matches.get(this.filterKey) ??
      (await batch.memo(`match ${this.filterKey}`, () =>
        matchingStatements(this.feed.batchReads, created, this.filter),
      ));
    return kept.includes(id) ? statement.row : null;
  }

  async return(): Promise<IteratorResult<StatementRow>> {
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
