// Decides where the database is: NEO4J_URI when set, otherwise the project's own embedded Neo4j.
import path from "node:path";
import { projectRoot, type Config } from "../config";
import { startEmbeddedNeo4j } from "./embedded";

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** What to show the user about where the data lives. */
  description: string;
  stop(): Promise<void>;
}

export async function resolveNeo4j(config: Config, log: (line: string) => void): Promise<Neo4jTarget> {
  if (config.remote) {
    return { ...config.remote, description: `${config.remote.uri} (NEO4J_URI)`, stop: async () => {} };
  }
  const running = await startEmbeddedNeo4j({
    ...config.embedded,
    launcherDir: path.join(projectRoot, "neo4j"),
    log,
  });
  return {
    uri: running.uri,
    user: running.user,
    password: running.password,
    description: `embedded Neo4j at ${running.uri}, data in ${path.relative(process.cwd(), config.embedded.dataDir) || "."}`,
    stop: running.stop,
  };
}
