// The worker threads of a bulk import's conversion (conversionWorker.ts runs in each): the main thread hands them
// files, one at a time each, and takes their answers in load order (inOrder), so that resolution sees the files in
// the order the loader would. Each worker writes CSV files of its own, in a folder of its own.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { DatasetError } from "../load/dataset";
import type { FileToResolve, StatementPlan, WrittenStatements } from "./filePasses";
import type { WrittenFiles } from "./importFiles";

/** What the main thread asks a worker. */
export type Task =
  | { op: "read"; file: string }
  | { op: "plan"; plan: StatementPlan }
  | { op: "write"; file: string; index: number }
  | { op: "close" };

/** A worker's answer: the task's result, a dataset file it refuses, or a failure. */
export type Reply =
  | { id: number; result: unknown }
  | { id: number; refused: { file: string; problems: string[] } }
  | { id: number; error: string };

/** Workers by default: every core (the main thread mostly waits for them). */
export const defaultConversionWorkers = () => Math.max(1, Math.min(8, os.availableParallelism()));

/** The thread script beside this module: TypeScript (run through tsx's require hook) or the compiled JavaScript. */
function workerScript(): { file: string; execArgv: string[] } {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `conversionWorker${ext}`);
  return { file, execArgv: ext === ".ts" ? ["--require", require.resolve("tsx/cjs")] : [] };
}

class ConversionThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private failed: Error | undefined;
  /** Tasks given and not answered yet. */
  busy = 0;

  constructor(csvDir: string) {
    const { file, execArgv } = workerScript();
    this.worker = new Worker(file, { workerData: { csvDir }, execArgv });
    this.worker.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ("result" in reply) waiter?.resolve(reply.result);
      else if ("refused" in reply) waiter?.reject(new DatasetError(reply.refused.file, reply.refused.problems));
      else waiter?.reject(new Error(`conversion worker: ${reply.error}`));
    });
    const fail = (error: Error) => {
      this.failed ??= error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`conversion worker exited with code ${code}`)));
  }

  async call<T>(task: Task): Promise<T> {
    if (this.failed) throw this.failed;
    const id = this.nextId++;
    this.busy++;
    try {
      return await new Promise<T>((resolve, reject) => {
        this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        this.worker.postMessage({ id, ...task });
      });
    } finally {
      this.busy--;
    }
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export class ConversionWorkers {
  private readonly threads: ConversionThread[];

  constructor(size: number, csvDir: string) {
    this.threads = Array.from({ length: size }, (_, i) => new ConversionThread(path.join(csvDir, `w${i + 1}`)));
  }

  get size(): number {
    return this.threads.length;
  }

  /** First pass of one file (readToResolve); a DatasetError when the file is refused. */
  read(file: string): Promise<FileToResolve> {
    return this.idlest().call({ op: "read", file });
  }

  /** Tells every worker where the entities' nodes are, before the second pass. */
  async plan(plan: StatementPlan): Promise<void> {
    await Promise.all(this.threads.map((t) => t.call({ op: "plan", plan })));
  }

  /** Second pass of one file (writeStatements). */
  write(file: string, index: number): Promise<WrittenStatements> {
    return this.idlest().call({ op: "write", file, index });
  }

  /** Closes every worker's CSV files: what each wrote. */
  close(): Promise<WrittenFiles[]> {
    return Promise.all(this.threads.map((t) => t.call<WrittenFiles>({ op: "close" })));
  }

  async terminate(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.terminate()));
  }

  private idlest(): ConversionThread {
    return this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
  }
}

/**
 * Starts task(i) for i = 0…count-1, at most `ahead` beyond the one being consumed, and consumes the results in order:
 * answers come back in any order, the main thread takes them in load order. The first failure (of a task or of
 * consume) stops it; tasks already started are left to finish unobserved.
 */
export async function inOrder<T>(
  count: number,
  ahead: number,
  task: (i: number) => Promise<T>,
  consume: (result: T, i: number) => Promise<void> | void,
): Promise<void> {
  // Only the tasks not consumed yet: a result is dropped once consumed, so memory holds `ahead` of them at most.
  const started = new Map<number, Promise<T>>();
  let next = 0;
  const startUpTo = (last: number) => {
    for (; next < Math.min(count, last + 1); next++) {
      const p = task(next);
      p.catch(() => {}); // observed below, in order; a later one failing first must not be unhandled
      started.set(next, p);
    }
  };
  for (let i = 0; i < count; i++) {
    startUpTo(i + ahead - 1);
    const result = await started.get(i)!;
    started.delete(i);
    startUpTo(i + ahead);
    await consume(result, i);
  }
}
