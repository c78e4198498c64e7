// What bench/subscriptions.ts counts, without a server: which written statements a subscriber's filter keeps, and,
// from what it received, the delivery latencies, the entries lost, duplicated or unexpected.

/** A statement the benchmark wrote: its speaker and kind, and when the mutation returned (its commit), in ms. */
export interface Written {
  id: string;
  speaker: string;
  kind: string;
  committedAt: number;
}

/** What one subscriber asked for: statementAdded with a filter (or none), or every entry of `changes`. */
export type Interest =
  { subscription: "statementAdded"; speaker?: string; kind?: string } | { subscription: "changes" };

/** Whether a statement written should reach a subscriber with this interest. */
export function keeps(interest: Interest, statement: Written): boolean {
  if (interest.subscription === "changes") return true;
  if (interest.speaker !== undefined && interest.speaker !== statement.speaker) return false;
  if (interest.kind !== undefined && interest.kind !== statement.kind) return false;
  return true;
}

export interface Tally {
  expected: number;
  received: number;
  lost: number;
  duplicated: number;
  /** Received, but not among the statements its filter keeps (a wrong match, or a statement not written here). */
  unexpected: number;
  /** Receipt time minus commit time of each statement received the first time, in ms. */
  latencies: number[];
}

/** Compares what one subscriber received (statement ids, each with its receipt time) with what it should have. */
export function tally(interest: Interest, written: Written[], received: { id: string; at: number }[]): Tally {
  const byId = new Map(written.map((w) => [w.id, w]));
  const expected = new Set(written.filter((w) => keeps(interest, w)).map((w) => w.id));
  const seen = new Set<string>();
  const result: Tally = {
    expected: expected.size,
    received: received.length,
    lost: 0,
    duplicated: 0,
    unexpected: 0,
    latencies: [],
  };
  for (const { id, at } of received) {
    if (!expected.has(id)) result.unexpected++;
    else if (seen.has(id)) result.duplicated++;
    else {
      seen.add(id);
      result.latencies.push(at - byId.get(id)!.committedAt);
    }
  }
  result.lost = expected.size - seen.size;
  return result;
}

/** The p-th percentile (0–100) by the nearest rank; undefined for no values. */
export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
