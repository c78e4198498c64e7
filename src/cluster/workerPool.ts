// The primary's workers: forks them on one port, tells them where Neo4j is and how ready the whole server is,
// replaces one that dies (after a back-off), and stops them all, each finishing its requests in flight.
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "../logging";
import { isWorkerMessage, type Neo4jConnection, type PrimaryMessage, type WorkerMessage } from "./messages";
import { DEFAULT_BACKOFF, RestartBackoff, type BackoffSettings } from "./restartBackoff";

export interface WorkerPoolOptions {
  size: number;
  /** The port every worker listens on (a real one: PORT=0 is resolved before the pool starts). */
  port: number;
  neo4j: Neo4jConnection;
  logger: Logger;
  /** Every worker is ready and the database prepared; first: for the first time since the start. */
  onReady(url: string, first: boolean): void;
  /** A worker cannot start, and no other could either (the port is taken): the server gives up. */
  onFatal(message: string): void;
  backoff?: BackoffSettings;
  /** How long stop() lets a worker finish its requests (it drains for up to 10 s) before killing it. */
  stopTimeoutMs?: number;
}

/** One place in the pool: the worker serving in it now, and how soon to replace it when it dies. */
interface Slot {
  worker?: Worker;
  startedAt: number;
  ready: boolean;
  backoff: RestartBackoff;
  replacement?: NodeJS.Timeout;
}

function send(worker: Worker, message: PrimaryMessage): void {
  // A worker that is dying has closed its channel; its exit is handled where it is noticed, not here.
  if (worker.isConnected()) worker.send(message, () => {});
}

function describeExit(code: number | null, signal: string | null): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private url: string | undefined;
  private preparing: string | undefined = "the database is not prepared yet";
  private prepared = false;
  private stopping = false;
  private wasReady = false;
  private readonly firstListening: Promise<void>;
  private listened = () => {};

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = Array.from({ length: options.size }, () => ({
      startedAt: 0,
      ready: false,
      backoff: new RestartBackoff(options.backoff ?? DEFAULT_BACKOFF),
    }));
    this.firstListening = new Promise((resolve) => (this.listened = resolve));
  }

  /** Forks every worker; preparing says why the database is not ready yet. */
  start(preparing: string): void {
    this.preparing = preparing;
    for (const slot of this.slots) this.fork(slot);
  }

  /** Resolves once a worker listens: from then on the port answers, with 503 and the reasons until all is ready. */
  listening(): Promise<void> {
    return this.firstListening;
  }

  /** The preparation's step under way; undefined once the database is prepared (workers then warm up). */
  setPreparing(reason: string | undefined): void {
    this.preparing = reason;
    if (reason === undefined) this.prepared = true;
    this.broadcast();
  }

  /** Why the whole server is not ready: the preparation under way, or workers that are not ready yet. */
  problems(): string[] {
    if (this.preparing !== undefined) return [this.preparing];
    const ready = this.slots.filter((slot) => slot.ready).length;
    const size = this.slots.length;
    return ready < size ? [`${ready} of ${size} workers are ready, ${size - ready} starting`] : [];
  }

  /** Tells every worker to finish its requests and exit; resolves once all have exited (killed past the timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const slot of this.slots) clearTimeout(slot.replacement);
    const workers = this.slots.flatMap((slot) => (slot.worker ? [slot.worker] : []));
    await Promise.all(workers.map((worker) => this.stopWorker(worker)));
  }

  private stopWorker(worker: Worker): Promise<void> {
    return new Promise((resolve) => {
      if (worker.isDead()) return resolve();
      const timeoutMs = this.options.stopTimeoutMs ?? 15_000;
      const kill = setTimeout(() => {
        this.options.logger.warn(`worker ${worker.id} did not stop within ${timeoutMs / 1000} s: killing it`);
        worker.process.kill("SIGKILL");
      }, timeoutMs);
      worker.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      send(worker, { type: "stop" });
    });
  }

  /**
   * Every worker listens on the pool's port: the cluster module shares one socket among listeners of the same address
   * and port, so a replacement joins its siblings' socket, or opens it again on the same port when it replaces the
   * only worker (the socket closes with the last one: connections are refused until the replacement listens).
   */
  private fork(slot: Slot): void {
    const worker = cluster.fork();
    slot.worker = worker;
    slot.startedAt = Date.now();
    slot.ready = false;
    worker.on("message", (message: unknown) => {
      if (isWorkerMessage(message)) this.onMessage(slot, worker, message);
    });
    worker.on("exit", (code: number | null, signal: string | null) => this.onExit(slot, worker, code, signal));
  }

  private onMessage(slot: Slot, worker: Worker, message: WorkerMessage): void {
    const { logger } = this.options;
    switch (message.type) {
      case "waiting":
        send(worker, { type: "start", neo4j: this.options.neo4j, port: this.options.port });
        send(worker, this.status());
        return;
      case "listening":
        this.url ??= message.url;
        logger.debug(`worker ${worker.id} (pid ${worker.process.pid}) listens at ${message.url}`);
        this.listened();
        return;
      case "ready": {
        if (slot.worker !== worker) return;
        slot.ready = true;
        logger.info(`worker ${worker.id} (pid ${worker.process.pid}) is ready`);
        if (this.problems().length === 0) {
          // Announced before the workers hear it: a write they then let through is logged after the ready line.
          this.options.onReady(this.url ?? "", !this.wasReady);
          this.wasReady = true;
        }
        this.broadcast();
        return;
      }
      case "fatal":
        slot.worker = undefined;
        this.options.onFatal(message.message);
        return;
    }
  }

  private onExit(slot: Slot, worker: Worker, code: number | null, signal: string | null): void {
    if (slot.worker !== worker) return;
    slot.worker = undefined;
    slot.ready = false;
    if (this.stopping) return;
    const delayMs = slot.backoff.delayAfter(Date.now() - slot.startedAt);
    this.options.logger.warn(
      `worker ${worker.id} (pid ${worker.process.pid}) ${describeExit(code, signal)}; ` +
        `starting another in ${delayMs / 1000} s (/health/ready says not ready meanwhile)`,
    );
    this.broadcast();
    slot.replacement = setTimeout(() => {
      slot.replacement = undefined;
      if (!this.stopping) this.fork(slot);
    }, delayMs);
  }

  private status(): PrimaryMessage {
    return { type: "status", prepared: this.prepared, problems: this.problems() };
  }

  private broadcast(): void {
    const status = this.status();
    for (const slot of this.slots) if (slot.worker) send(slot.worker, status);
  }
}
