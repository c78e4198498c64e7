// Neo4j plans a Cypher text the first time it runs and caches the plan by its text. Planning the larger reads of this
// server costs Neo4j 0.3–1 s of CPU each (a statement page with its subqueries: ~0.7 s on a 2-core EPYC, `EXPLAIN`
// measured in the session of 2026-12-01), and queries that arrive together before the plan is cached are each planned
// on their own: a server that had just started, hit by 100 clients sending 7 query shapes, kept both cores busy
// planning for ~10 s before its first answer. So the first run of a text goes alone: others of the same text wait
// for it to finish (whatever its outcome), then run on the cached plan. Texts are remembered up to Neo4j's own query
// cache size (1,000 by default); past that the oldest are forgotten, and a forgotten text goes alone again.

/** Texts remembered at most, as Neo4j's `server.db.query_cache_size` defaults to. */
export const REMEMBERED_TEXTS = 1000;

export class FirstRuns {
  /** Texts that ran to the end at least once, oldest first (a Set keeps insertion order). */
  private readonly ran = new Set<string>();
  /** The first run of each text in flight. */
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly capacity = REMEMBERED_TEXTS) {}

  /** Runs `work` for `cypher`: at once if the text ran before, else alone or after its first run in flight. */
  async run<T>(cypher: string, work: () => Promise<T>): Promise<T> {
    if (this.ran.has(cypher)) return work();
    const first = this.running.get(cypher);
    if (first) {
      await first.catch(() => undefined);
      const result = await work();
      this.remember(cypher);
      return result;
    }
    const run = work();
    this.running.set(cypher, run);
    try {
      const result = await run;
      this.remember(cypher);
      return result;
    } finally {
      this.running.delete(cypher);
    }
  }

  /** How many texts are remembered (for tests). */
  get size(): number {
    return this.ran.size;
  }

  private remember(cypher: string): void {
    this.ran.add(cypher);
    if (this.ran.size > this.capacity) this.ran.delete(this.ran.values().next().value as string);
  }
}
