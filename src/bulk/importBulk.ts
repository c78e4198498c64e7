// A bulk import from start to end: dataset files → CSV (convertToCsv) → Neo4j's importer into an empty data dir →
// the embedded Neo4j started on it, with every constraint and index online → the counts per label and relationship
// type checked against what was written. On any failure the data dir is put back as it was.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { EmbeddedNeo4jConfig } from "../config";
import { recordBulkImport } from "../graph/writes/changes/bulkNote";
import { applyConstraintsAndIndexes } from "../graph/constraintsAndIndexes";
import { Database } from "../graph/runtime/database";
import {
  awaitIndexesOnline,
  countByLabelAndType,
  fillEmptyLists,
  stillPopulating,
  type GraphCounts,
} from "../graph/writes/importedGraph";
import { startEmbeddedNeo4j, type RunningNeo4j } from "../neo4j/embedded";
import { convertToCsv, type Conversion } from "./convert";
import { assertReadyForImport, rememberFolder } from "./dataDir";
import { runImporter } from "./importTool";

export interface BulkImportOptions {
  /** Dataset files in load order. */
  files: string[];
  /** The embedded database's settings; its dataDir is the folder filled. */
  neo4j: EmbeddedNeo4jConfig;
  launcherDir: string;
  log: (line: string) => void;
  /** Worker threads of the conversion (default: one per core, at most 8). */
  workers?: number;
}

export interface BulkImportResult {
  conversion: Conversion;
  counts: GraphCounts;
  /** Milliseconds of each step. */
  ms: { convert: number; importer: number; start: number; indexes: number; total: number };
}

/** What the database holds is not what was written. */
export class VerificationError extends Error {}

/** One transaction of the steps after the import may wait this long (for indexes to come online). */
const TX_TIMEOUT_MS = 3_600_000;

export async function importBulk(options: BulkImportOptions): Promise<BulkImportResult> {
  const { dataDir } = options.neo4j;
  const log = options.log;
  assertReadyForImport(dataDir);
  const putBack = rememberFolder(dataDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bulk-"));
  const started = Date.now();
  const ms = { convert: 0, importer: 0, start: 0, indexes: 0, total: 0 };
  const lap = (step: keyof typeof ms, since: number) => (ms[step] = Date.now() - since);
  let running: RunningNeo4j | undefined;
  let db: Database | undefined;
  // Ctrl-C or a SIGTERM stops the import at the next step (the importer and Neo4j get the signal too), and the data
  // dir is put back as it was before the process ends.
  const interrupted = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the import and removing what it wrote …`);
    interrupted.abort(new Error(`the import was interrupted (${signal})`));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  const step = () => interrupted.signal.throwIfAborted();
  try {
    let t = Date.now();
    log(`Converting ${options.files.length} dataset files to the importer's CSV (in ${work}) …`);
    const conversion = await convertToCsv(options.files, work, {
      log,
      signal: interrupted.signal,
      workers: options.workers,
    });
    lap("convert", t);
    log(
      `  ${conversion.statements} statements (${conversion.statementsJoined} reported again by another source), ` +
        `${conversion.entities} entities (${conversion.entitiesMerged} merged across files) in ` +
        `${(ms.convert / 1000).toFixed(1)} s (${conversion.workers} worker threads)`,
    );

    step();
    t = Date.now();
    fs.mkdirSync(dataDir, { recursive: true });
    log(`Running Neo4j's importer into ${dataDir} …`);
    await runImporter({
      dataDir,
      heapMb: options.neo4j.heapMb,
      launcherDir: options.launcherDir,
      fileArgs: conversion.written.args,
      readBufferBytes: conversion.written.readBufferBytes,
      reportFile: path.join(work, "import.report"),
      log,
      signal: interrupted.signal,
    });
    lap("importer", t);
    fs.rmSync(path.join(work, "csv"), { recursive: true, force: true });

    step();
    t = Date.now();
    running = await startEmbeddedNeo4j({ ...options.neo4j, boltPort: 0, launcherDir: options.launcherDir, log });
    db = Database.connect({
      uri: running.uri,
      user: running.user,
      password: running.password,
      txTimeoutMs: TX_TIMEOUT_MS,
    });
    lap("start", t);

    step();
    t = Date.now();
    log("Creating constraints and indexes (full-text included) and waiting until they are online …");
    await fillEmptyLists(db);
    await createConstraintsAndIndexes(db, log);
    lap("indexes", t);

    step();
    const counts = await countByLabelAndType(db);
    verify(counts, conversion.written);
    // The change log's first entry: what this run imported (one note, not one entry per node).
    await recordBulkImport(db, {
      files: options.files.map((file) => path.basename(file)),
      statements: conversion.statements,
      entities: conversion.entities,
      nodes: counts.nodes,
    });
    ms.total = Date.now() - started;
    return { conversion, counts, ms };
  } catch (e) {
    await db?.close();
    db = undefined;
    await running?.stop();
    running = undefined;
    putBack();
    throw e;
  } finally {
    await db?.close();
    await running?.stop();
    fs.rmSync(work, { recursive: true, force: true });
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

/**
 * The schema every start applies (constraintsAndIndexes.ts), which waits 300 s for indexes: on a large import they may
 * take longer to populate, so the wait goes on here, and the schema is applied again (idempotent) once they are online.
 */
async function createConstraintsAndIndexes(db: Database, log: (line: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyConstraintsAndIndexes(db);
    } catch (e) {
      if (!stillPopulating(e) || attempt === 3) throw e;
      log("  indexes are still being populated; waiting for them …");
      await awaitIndexesOnline(db, TX_TIMEOUT_MS / 1000);
    }
  }
}

function verify(found: GraphCounts, written: GraphCounts): void {
  const differences = [
    ...differ("nodes labelled", found.nodes, written.nodes),
    ...differ("relationships of type", found.relationships, written.relationships),
  ];
  if (differences.length > 0) {
    throw new VerificationError(`The imported graph is not what was written:\n  ${differences.join("\n  ")}`);
  }
}

function differ(what: string, found: Record<string, number>, written: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(found), ...Object.keys(written)])].sort();
  return names
    .filter((name) => (found[name] ?? 0) !== (written[name] ?? 0))
    .map((name) => `${what} ${name}: ${found[name] ?? 0} in the database, ${written[name] ?? 0} in the files`);
}
