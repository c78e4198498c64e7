// One worker of WORKERS=N (N is 1 by default): serves HTTP on the port the workers share, against the Neo4j the
// primary resolved and prepared. It takes its orders from the primary over IPC: where Neo4j is, how ready the whole
// server is, when to stop. The primary replaces it if it dies.
import type { Config } from "../config";
import { Database } from "../graph/runtime/database";
import type { HttpServer } from "../http/server";
import { WriteGate } from "../http/limits/writeGate";
import type { Logger } from "../logging";
import { PrerequisiteError } from "../neo4j/prerequisites";
import { serveHttp } from "../startup/serveHttp";
import { rememberedReads, warmUpServer } from "../startup/warmUpServer";
import { isPrimaryMessage, type PrimaryMessage, type WorkerMessage } from "./messages";

type Status = Extract<PrimaryMessage, { type: "status" }>;
type Start = Extract<PrimaryMessage, { type: "start" }>;

function tell(message: WorkerMessage, then?: () => void): void {
  process.send?.(message, undefined, undefined, () => then?.());
}

export function runWorker(config: Config, logger: Logger): Promise<void> {
  let status: Status = { type: "status", prepared: false, problems: ["the database is not prepared yet"] };
  let warming: string | undefined;
  let warmedUp = false;
  let stopping = false;
  // Held until the primary says every worker is ready: a write never races the seed, as with one process.
  const writes = new WriteGate({ reason: () => warming ?? status.problems[0], waitMs: config.writeWaitMs });
  const running: { db?: Database; http?: HttpServer } = {};
  // Each worker counts its own reads; the last to stop writes the file (the load spreads evenly over workers).
  const reads = rememberedReads(config, (line) => logger.warn(line));

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    writes.close("The server is stopping before its database was prepared");
    await running.http?.stop().catch((e: unknown) => logger.error({ err: e }, "HTTP shutdown failed"));
    await running.db?.close().catch(() => {});
    reads.save();
    process.exit(0);
  };

  /** Once listening and once the database is prepared: warm this process up, then count as ready. */
  const warmUpOnce = async (db: Database) => {
    if (warmedUp || !running.http || !status.prepared) return;
    warmedUp = true;
    // Neo4j's plan cache is shared, but each worker's JIT is its own; the lines would repeat for every worker, so
    // only the one worker of WORKERS=1 says them at info.
    await warmUpServer(db, running.http.execute, {
      seconds: config.warmUpSeconds,
      remembered: reads.earlier,
      history: reads.history,
      log: (line) => (config.workers === 1 ? logger.info(line) : logger.debug(line)),
      warn: (line) => logger.warn(line),
      report: (step) => (warming = step),
    }).catch(() => {});
    warming = undefined;
    tell({ type: "ready" });
  };

  const start = async ({ neo4j, port }: Start) => {
    const db = (running.db = Database.connect({
      ...neo4j,
      txTimeoutMs: config.txTimeoutMs,
      retryMs: config.retryMs,
      admission: config.admission,
      shareQueuedReads: config.shareQueuedReads,
      history: reads.history,
    }));
    const http = (running.http = await serveHttp(
      { ...config, port },
      {
        db,
        logger,
        writeGate: writes,
        notReadyBecause: () => (warming ? [warming, ...status.problems] : status.problems),
      },
    ));
    tell({ type: "listening", url: http.url });
    await warmUpOnce(db);
  };

  const failed = (e: unknown) => {
    if (stopping) return;
    // The port is taken (or another prerequisite is missing): no replacement would do better, so the primary gives up.
    if (e instanceof PrerequisiteError) return tell({ type: "fatal", message: e.message }, () => process.exit(1));
    logger.error({ err: e }, "the worker could not start");
    process.exit(1);
  };

  process.on("message", (message: unknown) => {
    if (!isPrimaryMessage(message)) return;
    if (message.type === "start") {
      start(message).catch(failed);
    } else if (message.type === "status") {
      status = message;
      // Writes wait for the seed, not for the warm-up of every worker after it.
      if (status.prepared) writes.open();
      if (running.db) void warmUpOnce(running.db);
    } else {
      void stop();
    }
  });
  // Ctrl-C signals the terminal's whole process group: the primary decides, and tells every worker to stop.
  process.on("SIGINT", () => {});
  // SIGTERM to this worker alone: finish its requests and exit; the primary starts another unless it is stopping too.
  process.on("SIGTERM", () => void stop());
  // The primary is gone (killed): no connection will come any more.
  process.on("disconnect", () => void stop());
  tell({ type: "waiting" });
  return Promise.resolve();
}
