// Identical reads that wait for their turn run once. When Neo4j is the bottleneck, many clients ask the same question
// at once (a front page, the statements of the person in the news): 100 clients on the soak mix of 7 queries kept
// dozens of reads waiting, most of them copies of one another, and each copy cost Neo4j 2–8 ms of CPU on two cores that
// had none to spare. A read that arrives while an identical one (the same Cypher text or operation, the same
// parameters, no bookmarks) still waits joins it and gets the same outcome. Only waiting reads are joined, never one
// that has begun: its transaction may have started before the newcomer arrived and miss a write the newcomer's client
// saw committed; one that has not begun sees everything either caller could expect to see. With no queue nothing waits
// and nothing is joined, so this changes nothing until the server is busy. Used for the driver's admission queue
// (database.ts: the caller gets the records and makes rows of its own) and for the queue of expensive operations
// (src/graphql/limits/concurrency.ts: callers share the page, which resolvers only read). SHARE_QUEUED_READS=false
// turns it off.

/** Reads whose parameters are longer than this as JSON are not joined: their key would cost more than it saves. */
export const MAX_KEY_PARAMS = 4096;

/**
 * The key of a read (a Cypher text or an operation's name, and its parameters) that may be joined; undefined when it
 * may not (it carries bookmarks, JSON cannot say its parameters).
 */
export function readKey(what: string, params: unknown, bookmarks: readonly string[] | undefined): string | undefined {
  if (bookmarks !== undefined) return undefined;
  let json: string;
  try {
    json = JSON.stringify(params);
  } catch {
    return undefined; // a BigInt, a cycle
  }
  if (json === undefined || json.length > MAX_KEY_PARAMS) return undefined;
  return `${json}\u0000${what}`;
}

export class SharedWaits {
  /** Reads waiting for their turn, not begun yet, by key. */
  private readonly waiting = new Map<string, { promise?: Promise<unknown> }>();
  /** Reads that joined another instead of running (for the metrics and the tests). */
  joined = 0;

  /**
   * Runs `work` through `admit` (the admission queue), or joins an identical read still waiting there. `admit` calls
   * its argument when the turn comes; from then on the read can no longer be joined. Every read with a key is
   * registered, even one a free slot will take at once: copies that arrive in the same tick (the requests that waited
   * for a text's first run, firstRuns.ts, all go together) join it. Building keys only for reads that would wait saves
   * ~0.03 ms of CPU per request (of ~5 ms) and loses that; the soak measured the same either way, within its noise.
   */
  run<T>(key: string | undefined, admit: (begin: () => Promise<T>) => Promise<T>, work: () => Promise<T>): Promise<T> {
    if (key === undefined) return admit(work);
    const waiting = this.waiting.get(key);
    if (waiting?.promise) {
      this.joined += 1;
      return waiting.promise as Promise<T>;
    }
    const entry: { promise?: Promise<T> } = {};
    const forget = () => {
      if (this.waiting.get(key) === entry) this.waiting.delete(key);
    };
    let begun = false;
    entry.promise = admit(() => {
      begun = true;
      forget();
      return work();
    });
    if (!begun) this.waiting.set(key, entry);
    // However it ends (refused while waiting as OVERLOADED, say), the next read of the key starts afresh; every caller
    // that joined gets the same outcome.
    entry.promise.then(forget, forget);
    return entry.promise;
  }

  /** Reads waiting that others may join (for the tests). */
  get size(): number {
    return this.waiting.size;
  }
}
