// A per-process cap on operations whose cost grows with the data (timeline, search, path, source texts): beyond it,
// requests wait their turn instead of piling work (and memory) onto Neo4j at once; a wait that is too long is refused.
import { GraphQLError } from "graphql";

export interface ConcurrencySettings {
  /** Operations running at once; 0 means no cap. */
  max: number;
  /** How long one may wait for its turn before SERVER_BUSY. */
  maxWaitMs: number;
}

export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly settings: ConcurrencySettings) {}

  async run<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.settings.max > 0) await this.acquire(what);
    try {
      return await work();
    } finally {
      if (this.settings.max > 0) this.release();
    }
  }

  private acquire(what: string): Promise<void> {
    if (this.running < this.settings.max) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        this.running += 1;
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(
          new GraphQLError(
            `The server is busy: ${what} waited ${this.settings.maxWaitMs} ms behind ${this.settings.max} running ` +
              "expensive operations (MAX_CONCURRENT_EXPENSIVE); try again shortly",
            { extensions: { code: "SERVER_BUSY" } },
          ),
        );
      }, this.settings.maxWaitMs);
      this.waiting.push(turn);
    });
  }

  private release(): void {
    this.running -= 1;
    this.waiting.shift()?.();
  }
}
