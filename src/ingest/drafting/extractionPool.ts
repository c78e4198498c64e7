// Extraction off the event loop: articles are drafted in a small pool of worker threads (piscina), each with a heap
// limit, and every article with a deadline. Past the deadline or the heap limit the thread is ended (piscina starts
// a new one) and the caller gets an ExtractionError that names the limit; the process that serves HTTP never runs
// the extractor itself. A bounded number of articles wait for a thread; one more is refused at once.
import path from "node:path";
import { Piscina } from "piscina";
import { DEFAULT_EXTRACTION, type ExtractionSettings } from "../../config";
import { Admission } from "../../graph/runtime/admission";
import { OverloadedError } from "../../graph/runtime/errors";
import type { ArticleMeta } from "./draft";
import type { KnownEntity } from "../entities/entities";
import type { ingestText } from "../ingest";

/**
 * Why an article was not drafted: TOO_COSTLY (it ran past the deadline or the heap limit: the same text will again)
 * or BUSY (every thread was taken and the queue full or too slow: try again after retryAfterSeconds).
 */
export class ExtractionError extends Error {
  override readonly name = "ExtractionError";

  constructor(
    readonly reason: "TOO_COSTLY" | "BUSY",
    message: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

type Draft = ReturnType<typeof ingestText>;

/** The thread script beside this module: TypeScript (run through tsx's require hook) or the compiled JavaScript. */
function workerScript(): { filename: string; execArgv: string[] } {
  const ext = path.extname(__filename);
  const filename = path.join(__dirname, `extractionWorker${ext}`);
  return { filename, execArgv: ext === ".ts" ? ["--require", require.resolve("tsx/cjs")] : [] };
}

export class ExtractionPool {
  private pool: Piscina | undefined;
  private readonly turns: Admission;

  constructor(readonly settings: ExtractionSettings = DEFAULT_EXTRACTION) {
    this.turns = new Admission({
      maxInFlight: settings.threads,
      maxWaitMs: settings.queueWaitMs,
      maxQueued: settings.maxQueued,
    });
  }

  /** Threads start with the first article and end after a minute without one. */
  private threads(): Piscina {
    const { filename, execArgv } = workerScript();
    this.pool ??= new Piscina({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads: this.settings.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.settings.memoryMb, maxYoungGenerationSizeMb: 16 },
    });
    return this.pool;
  }

  /** The article's draft, extracted in a thread; ExtractionError when it costs too much or no thread is free. */
  draft(text: string, meta: ArticleMeta, known: readonly KnownEntity[] = []): Promise<Draft> {
    return this.inTurn(() => this.inThread<Draft>("default", { text, meta, known }, text.length));
  }

  /** The ISO codes of the states the text names (src/ingest/words/countries.ts), worked out in a thread. */
  statesNamed(text: string): Promise<string[]> {
    return this.inTurn(() => this.inThread<string[]>("statesNamed", { text }, text.length));
  }

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.turns.run(work);
    } catch (e) {
      if (!(e instanceof OverloadedError)) throw e;
      const { threads, maxQueued, queueWaitMs } = this.settings;
      throw new ExtractionError(
        "BUSY",
        `The extractor is busy: ${threads} article(s) are being drafted and ${maxQueued} may wait at most ` +
          `${queueWaitMs} ms (EXTRACTION_THREADS, EXTRACTION_QUEUE, EXTRACTION_QUEUE_WAIT_MS); try again shortly`,
        Math.max(1, Math.ceil(queueWaitMs / 1000)),
      );
    }
  }

  private async inThread<T>(name: string, task: object, length: number): Promise<T> {
    const { timeoutMs, memoryMb } = this.settings;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return (await this.threads().run(task, { signal, name })) as T;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (signal.aborted || (e as Error).name === "AbortError") {
        throw new ExtractionError(
          "TOO_COSTLY",
          `Extraction of this article (${length} characters) ran past its deadline of ${timeoutMs} ms ` +
            "(EXTRACTION_TIMEOUT_MS) and was stopped",
        );
      }
      if (code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new ExtractionError(
          "TOO_COSTLY",
          `Extraction of this article (${length} characters) needed more than ${memoryMb} MB ` +
            "(EXTRACTION_MEMORY_MB) and was stopped",
        );
      }
      throw e;
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}
