// The benchmark's Neo4j and its data: an embedded database of its own per dataset size (bench/.data/neo4j-<size>),
// loaded once (through the project's loader, or Neo4j's bulk importer: npm run import:bulk) and reused while it holds
// the right count; or a given, empty database (the test run's), loaded every time through the loader.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/config";
import { Database } from "../src/graph/runtime/database";
import { applyConstraintsAndIndexes } from "../src/graph/constraintsAndIndexes";
import { importBulk } from "../src/bulk/importBulk";
import { countStatements, jvmHeap, neo4jComponents } from "../src/graph/stats";
import { datasetFilesIn } from "../src/load/files";
import { LOAD_TX_TIMEOUT_MS } from "../src/load/run";
import { startEmbeddedNeo4j } from "../src/neo4j/embedded";
import { rssBytes } from "./cpu";
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

const BENCH_START_TIMEOUT_MS = 600_000;

/** How a benchmark database was filled: the transactional loader, or the bulk import into an empty database. */
export type LoadMethod = "loader" | "bulk";

export interface LoadInfo {
  statements: number;
  /** The loader when unset (a database loaded before bulk import existed). */
  method?: LoadMethod;
  /**
   * Loading the files, in ms: for the loader after the schema is applied; for the bulk import everything from the
   * dataset files on disk to a started database with every constraint and index online.
   */
  ms: number;
  /** The bulk import's steps, in ms (src/bulk/importBulk.ts). */
  steps?: { convert: number; importer: number; start: number; indexes: number };
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
  /** What the database takes, on disk and in memory, read after the measurements (the benchmark's own Neo4j). */
  storage(): Promise<Storage | undefined>;
  stop(): Promise<void>;
}

export interface Storage {
  /** The store's files on disk (data/databases and data/transactions of the data dir). */
  storeBytes: number;
  /** The JVM's heap in use (JMX), and the most it may take. */
  heapUsedBytes: number;
  heapMaxBytes: number;
  /** The JVM's resident memory: heap, page cache pages touched, and the rest of its off-heap memory. */
  jvmRssBytes?: number;
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
  return { statements: result.statements, method: "loader", ms: result.ms, rate: result.rate, reused: false };
}

function readMarker(dir: string): LoadInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, LOADED_MARKER), "utf8")) as LoadInfo;
  } catch {
    return undefined;
  }
}

/** Bytes of every file under a folder (0 when it does not exist). */
function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : entry.isFile() ? fs.statSync(full).size : 0;
  }
  return total;
}

/** Fills an empty data dir with Neo4j's bulk importer (the project's npm run import:bulk), timed. */
async function bulkImport(
  dataDir: string,
  datasetDir: string,
  statements: number,
  settings: Neo4jSettings,
  log: (line: string) => void,
): Promise<LoadInfo> {
  log(`Importing ${path.relative(process.cwd(), datasetDir)} with Neo4j's bulk importer (npm run import:bulk)…`);
  const result = await importBulk({
    files: datasetFilesIn(datasetDir),
    neo4j: { dataDir, boltPort: 0, ...settings, txMaxMb: settings.txMemoryMb },
    launcherDir: path.join(projectRoot, "neo4j"),
    log: (line) => log(`  ${line}`),
  });
  const { total, ...steps } = result.ms;
  const info: LoadInfo = {
    statements,
    method: "bulk",
    ms: total,
    steps,
    rate: Math.round(statements / (total / 1000)),
    reused: false,
    stored: result.counts.nodes.Statement ?? 0,
  };
  log(
    `Imported ${statements} statements in ${(total / 1000).toFixed(1)} s (conversion ${steps.convert / 1000} s, ` +
      `importer ${steps.importer / 1000} s, start ${steps.start / 1000} s, indexes ${steps.indexes / 1000} s).`,
  );
  return info;
}

/**
 * Starts the embedded Neo4j of this size, filling it unless an earlier run did: through the loader, or the bulk
 * importer when `method` is "bulk".
 */
export async function openEmbeddedGraph(
  dataDir: string,
  datasetDir: string,
  statements: number,
  settings: Neo4jSettings,
  logging: Logging,
  method: LoadMethod = "loader",
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
  let imported: LoadInfo | undefined;
  if (!marker && method === "bulk") {
    imported = await bulkImport(dataDir, datasetDir, statements, settings, log);
    fs.writeFileSync(path.join(dataDir, LOADED_MARKER), JSON.stringify(imported));
    marker = imported;
  }
  const running = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    ...settings,
    launcherDir: path.join(projectRoot, "neo4j"),
    log: (line) => log(`Neo4j: ${line}`),
    // A store of millions of statements on a machine whose cores other jobs share started in more than the default
    // 180 s (a bulk-imported 1M store, first start after the import).
    startTimeoutMs: BENCH_START_TIMEOUT_MS,
  });
  const connection = { uri: running.uri, user: running.user, password: running.password };
  const db = connect(connection);
  try {
    await applyConstraintsAndIndexes(db);
    const count = await countStatements(db);
    let info: LoadInfo;
    // A marker from before `stored` was recorded: a complete load, less the quotations it merged (a handful).
    const legacy = marker && marker.stored === undefined && count <= statements && count >= statements * 0.99;
    if (imported) {
      info = imported;
    } else if (marker && (count === marker.stored || legacy)) {
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
      storage: async () => {
        const reader = connect(connection);
        try {
          const heap = await jvmHeap(reader);
          return {
            storeBytes:
              folderBytes(path.join(dataDir, "data", "databases")) +
              folderBytes(path.join(dataDir, "data", "transactions")),
            heapUsedBytes: heap.usedBytes,
            heapMaxBytes: heap.maxBytes,
            jvmRssBytes: rssBytes(running.pid),
          };
        } finally {
          await reader.close();
        }
      },
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
    return {
      connection,
      neo4jVersion: await neo4jVersion(db),
      load: info,
      storage: async () => undefined,
      stop: async () => {},
    };
  } finally {
    await db.close();
  }
}
