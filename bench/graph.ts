// The benchmark's Neo4j and its data: an embedded database of its own per dataset size (bench/.data/neo4j-<size>),
// loaded once through the project's loader and reused while it holds the right count; or a given, empty database (the
// test run's), loaded every time.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/config";
import { Database } from "../src/graph/database";
import { applyConstraintsAndIndexes } from "../src/graph/constraintsAndIndexes";
import { countStatements, neo4jComponents } from "../src/graph/stats";
import { LOAD_TX_TIMEOUT_MS } from "../src/load/run";
import { startEmbeddedNeo4j } from "../src/neo4j/embedded";
import { loadDirectory } from "./load";

export interface Connection {
  uri: string;
  user: string;
  password: string;
}

export interface Neo4jSettings {
  heapMb: number;
  pageCacheMb: number;
  txMemoryMb: number;
}

export interface LoadInfo {
  statements: number;
  /** Loading the files (after the schema is applied), in ms. */
  ms: number;
  /** Statements per second. */
  rate: number;
  /** True when an earlier run loaded this database; the figures are that run's. */
  reused: boolean;
  /**
   * Statement nodes in the database after the load: fewer than statements when the loader merged the same quotation
   * by the same speaker generated twice (resolution, src/load/resolveStatements.ts).
   */
  stored?: number;
}

export interface BenchGraph {
  connection: Connection;
  neo4jVersion: string;
  /** Set for the benchmark's own embedded Neo4j. */
  settings?: Neo4jSettings;
  load: LoadInfo;
  /** The Neo4j JVM's process id when the benchmark started it (for CPU accounting). */
  pid?: number;
  stop(): Promise<void>;
}

/** Written into the database folder once the load succeeded; not read by Neo4j. */
const LOADED_MARKER = "bench-loaded.json";

const connect = (c: Connection) => Database.connect({ ...c, txTimeoutMs: LOAD_TX_TIMEOUT_MS });

async function neo4jVersion(db: Database): Promise<string> {
  const kernel = (await neo4jComponents(db)).find((c) => c.name === "Neo4j Kernel");
  return kernel ? `${kernel.versions.join(", ")} ${kernel.edition}` : "unknown";
}

export interface Logging {
  log: (line: string) => void;
  /** Draw the load's progress bar (stderr). */
  progress: boolean;
}

async function load(db: Database, datasetDir: string, { log, progress }: Logging): Promise<LoadInfo> {
  log(`Loading ${path.relative(process.cwd(), datasetDir)} through the project's loader (one transaction per file)…`);
  const result = await loadDirectory(db, datasetDir, { progress });
  log(
    `Loaded ${result.statements} statements from ${result.files.length} files ` +
      `in ${(result.ms / 1000).toFixed(1)} s: ${result.rate} statements/s.`,
  );
  return { statements: result.statements, ms: result.ms, rate: result.rate, reused: false };
}

function readMarker(dir: string): LoadInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, LOADED_MARKER), "utf8")) as LoadInfo;
  } catch {
    return undefined;
  }
}

/** Starts the embedded Neo4j of this size, loading the dataset unless an earlier run did. */
export async function openEmbeddedGraph(
  dataDir: string,
  datasetDir: string,
  statements: number,
  settings: Neo4jSettings,
  logging: Logging,
): Promise<BenchGraph> {
  const { log } = logging;
  let marker = readMarker(dataDir);
  // A half-loaded folder is faster to start afresh than to empty.
  if (fs.existsSync(dataDir) && marker?.statements !== statements) {
    log(
      `Neo4j: ${path.relative(process.cwd(), dataDir)} holds no complete load of ${statements} statements; ` +
        "starting it afresh.",
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    marker = undefined;
  }
  const running = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    ...settings,
    launcherDir: path.join(projectRoot, "neo4j"),
    log: (line) => log(`Neo4j: ${line}`),
  });
  const connection = { uri: running.uri, user: running.user, password: running.password };
  const db = connect(connection);
  try {
    await applyConstraintsAndIndexes(db);
    const count = await countStatements(db);
    let info: LoadInfo;
    // A marker from before `stored` was recorded: a complete load, less the quotations it merged (a handful).
    const legacy = marker && marker.stored === undefined && count <= statements && count >= statements * 0.99;
    if (marker && (count === marker.stored || legacy)) {
      log(
        `Neo4j: already loaded with ${count} statement nodes from ${statements} statements ` +
          `(loaded at ${marker.rate} statements/s by an earlier run).`,
      );
      info = { ...marker, stored: count, reused: true };
      if (legacy) fs.writeFileSync(path.join(dataDir, LOADED_MARKER), JSON.stringify({ ...marker, stored: count }));
    } else {
      if (count !== 0)
        throw new Error(
          `${dataDir} holds ${count} statements, expected 0 or ${statements}: delete the folder and run again`,
        );
      info = { ...(await load(db, datasetDir, logging)), stored: await countStatements(db) };
      fs.writeFileSync(path.join(dataDir, LOADED_MARKER), JSON.stringify(info));
    }
    return {
      connection,
      neo4jVersion: await neo4jVersion(db),
      settings,
      load: info,
      pid: running.pid,
      stop: running.stop,
    };
  } catch (e) {
    await running.stop();
    throw e;
  } finally {
    await db.close();
  }
}

/** Loads the dataset into a database someone else runs (the test run's), which must be empty. */
export async function openGivenGraph(
  connection: Connection,
  datasetDir: string,
  logging: Logging,
): Promise<BenchGraph> {
  const db = connect(connection);
  try {
    await applyConstraintsAndIndexes(db);
    const count = await countStatements(db);
    if (count !== 0)
      throw new Error(
        `the given database already holds ${count} statements: the benchmark loads its own data into an empty one`,
      );
    const info = { ...(await load(db, datasetDir, logging)), stored: await countStatements(db) };
    return { connection, neo4jVersion: await neo4jVersion(db), load: info, stop: async () => {} };
  } finally {
    await db.close();
  }
}
