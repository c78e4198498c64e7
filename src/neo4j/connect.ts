// Decides where the database is: NEO4J_URI when set, otherwise the project's own embedded Neo4j, which is restarted
// (same folder, same port) if it dies while the server runs.
import path from "node:path";
import { projectRoot, type Config } from "../config";
import { startEmbeddedNeo4j, type RunningNeo4j } from "./embedded";

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** What to show the user about where the data lives. */
  description: string;
  /** Called first on shutdown: a start on the same data folder then waits for this database instead of reusing it. */
  markStopping(): void;
  stop(): Promise<void>;
}

export interface ResolveOptions {
  log: (line: string) => void;
  warn?: (line: string) => void;
  /** Restart the embedded Neo4j when it exits unexpectedly (the server does; one-shot commands do not). */
  supervise?: boolean;
}

export async function resolveNeo4j(
  config: Config,
  options: ResolveOptions | ((line: string) => void),
): Promise<Neo4jTarget> {
  const { log, warn = log, supervise = false } = typeof options === "function" ? { log: options } : options;
  if (config.remote) {
    return {
      ...config.remote,
      description: `${config.remote.uri} (NEO4J_URI)`,
      markStopping: () => {},
      stop: async () => {},
    };
  }
  let current: RunningNeo4j | undefined;
  let stopped = false;
  let restartDelayMs = 1000;
  const start = (boltPort: number): Promise<RunningNeo4j> =>
    startEmbeddedNeo4j({
      ...config.embedded,
      boltPort,
      launcherDir: path.join(projectRoot, "neo4j"),
      log,
      onUnexpectedExit: supervise ? (why) => void restart(why) : undefined,
    });
  const restart = async (why: string) => {
    if (stopped || !current) return;
    warn(`Neo4j ${why}; restarting it in ${restartDelayMs / 1000} s (requests meanwhile get DATABASE_UNAVAILABLE)`);
    await new Promise((r) => setTimeout(r, restartDelayMs));
    if (stopped) return;
    try {
      const next = await start(current.port);
      // stop() came while this start ran and stopped only the dead one: this JVM must not outlive it.
      if (stopped) return void (await next.stop());
      current = next;
      restartDelayMs = 1000;
    } catch (e) {
      restartDelayMs = Math.min(restartDelayMs * 2, 30_000);
      void restart(`could not be restarted (${(e as Error).message.split("\n")[0]})`);
    }
  };
  current = await start(config.embedded.boltPort);
  const dataDir = path.relative(process.cwd(), config.embedded.dataDir) || ".";
  return {
    uri: current.uri,
    user: current.user,
    password: current.password,
    description: `embedded Neo4j at ${current.uri}, data in ${dataDir}`,
    markStopping: () => current?.markStopping(),
    stop: async () => {
      stopped = true;
      await current?.stop();
    },
  };
}
