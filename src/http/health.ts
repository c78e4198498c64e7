// Liveness and readiness probes: live = the process answers; ready = Neo4j answers, the schema is applied and the
// seed (when one is loaded) is in. Not ready is 503 with the reasons, e.g. "the seed is loading (…)".
import { Router } from "express";

export interface Readiness {
  /** Resolves with the reasons the server is not ready; empty when it is. */
  check(): Promise<string[]>;
}

export function healthRouter(readiness: Readiness): Router {
  const router = Router();
  router.get("/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/ready", async (_req, res) => {
    const problems = await readiness.check();
    res
      .status(problems.length === 0 ? 200 : 503)
      .json(problems.length === 0 ? { status: "ready" } : { status: "not ready", problems });
  });
  return router;
}
