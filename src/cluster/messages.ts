// What the primary and its workers tell each other over the cluster's IPC channel (never argv or the environment,
// so the database password does not show in `ps`).

/** Where the database is: the primary resolved it (NEO4J_URI, or the embedded Neo4j it started). */
export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export type PrimaryMessage =
  /** The answer to "waiting": the database to connect to, and the port to listen on (PORT, or the one chosen). */
  | { type: "start"; neo4j: Neo4jConnection; port: number }
  /**
   * Sent to every worker whenever it changes. prepared: the schema is applied and the seed is in (warm up, then say
   * "ready"). problems: why the whole server is not ready (the preparation under way, workers not ready yet); empty
   * once every worker is ready, which is also when writes may go ahead.
   */
  | { type: "status"; prepared: boolean; problems: string[] }
  /** Finish the requests in flight, close the driver, exit. */
  | { type: "stop" };

export type WorkerMessage =
  /**
   * The worker's code is loaded and listens for orders. A message sent before that would be lost: with an ES module
   * loader (tsx in `npm run dev`) the event loop runs while modules load.
   */
  | { type: "waiting" }
  /** The HTTP server listens; url is what users are told. */
  | { type: "listening"; url: string }
  /** Warmed up after the preparation: this worker counts as ready. */
  | { type: "ready" }
  /** This worker cannot start, nor could any other (the port is taken): the primary gives up. */
  | { type: "fatal"; message: string };

export function isPrimaryMessage(message: unknown): message is PrimaryMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "start" || type === "status" || type === "stop";
}

export function isWorkerMessage(message: unknown): message is WorkerMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return type === "waiting" || type === "listening" || type === "ready" || type === "fatal";
}
