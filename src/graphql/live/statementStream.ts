// One subscriber's new statements (statementAdded): the statements the shared tail reports created, kept when the
// subscriber's filter keeps them (the filter of statements(filter:), asked of Neo4j for the batch's statements: one
// query per batch and distinct filter, whoever subscribed), with every linked part read once per batch for all.
import type { StatementRow } from "../../graph/rows";
import { statementsWithParts } from "../../graph/reads/nodes";
import { matchingStatements } from "../../graph/reads/statementMatch";
import type { StatementFilter } from "../../graph/reads/statements";
import type { Database } from "../../graph/runtime/database";
import { BoundedQueue, SubscriberTooSlow } from "./boundedQueue";
import type { ChangeFeed, FeedBatch } from "./changeFeed";
import type { StreamSettings } from "./changeStream";

/** The statements a batch of the log created, in the log's order. */
function createdStatements(batch: FeedBatch): string[] {
  return batch.entries.filter((e) => e.kind === "CREATED" && e.label === "Statement").map((e) => e.nodeId!);
}

interface Candidate {
  id: string;
  batch: FeedBatch;
}

export class StatementStream implements AsyncIterableIterator<StatementRow> {
  private readThrough = 0;
  private done = false;
  private readonly queue: BoundedQueue<Candidate>;
  private leave: (() => void) | undefined;

  private constructor(
    private readonly db: Database,
    private readonly filter: StatementFilter,
    settings: StreamSettings,
  ) {
    this.queue = new BoundedQueue(settings.capacity, settings.onOverflow);
  }

  /** New statements from now on (the tail's position when the subscription starts) that the filter keeps. */
  static async open(
    feed: ChangeFeed,
    db: Database,
    filter: StatementFilter,
    settings: StreamSettings,
  ): Promise<StatementStream> {
    const stream = new StatementStream(db, filter, settings);
    let live = false;
    stream.leave = await feed.join((batch) => live && stream.receive(batch));
    stream.readThrough = feed.position;
    live = true;
    return stream;
  }

  private receive(batch: FeedBatch): void {
    if (this.done) return;
    const ids = batch.entries
      .filter((e) => e.seq > this.readThrough && e.kind === "CREATED" && e.label === "Statement")
      .map((e): Candidate => ({ id: e.nodeId!, batch }));
    this.readThrough = Math.max(this.readThrough, batch.entries.at(-1)!.seq);
    this.queue.push(ids);
    if (this.queue.tooSlow) this.close();
  }

  async next(): Promise<IteratorResult<StatementRow>> {
    for (;;) {
      const candidate = this.done ? undefined : await this.queue.take();
      if (candidate === undefined) {
        if (this.queue.tooSlow) throw new SubscriberTooSlow("subscriber too slow: closed (SUBSCRIPTION_BUFFER)");
        return { value: undefined, done: true };
      }
      const row = await this.kept(candidate);
      if (row && !this.done) return { value: row, done: false };
    }
  }

  /** The statement with its parts when the filter keeps it; null when it does not, or is gone already. */
  private async kept({ id, batch }: Candidate): Promise<StatementRow | null> {
    const created = createdStatements(batch);
    const kept = await batch.memo(`match ${JSON.stringify(this.filter)}`, () =>
      matchingStatements(this.db, created, this.filter),
    );
    if (!kept.includes(id)) return null;
    const rows = await batch.memo("statements", () => statementsWithParts(this.db, created));
    return rows[created.indexOf(id)] ?? null;
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
