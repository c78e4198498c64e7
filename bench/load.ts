// Bulk load of a folder of dataset files (sorted, one transaction each) with a progress bar and the load rate:
// loadDirectory() for the benchmark, and `npm run bench:load -- <dir>` into the configured Neo4j.
import fs from "node:fs";
import path from "node:path";
import { loadConfig, type Config } from "../src/config";
import type { Database } from "../src/graph/runtime/database";
import { datasetFilesIn } from "../src/load/files";
import { loadDatasetFile } from "../src/load/loader";
import { loadIntoConfiguredNeo4j, noDatasetIn, runLoadCommand } from "../src/load/run";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (statements: number, ms: number) => Math.round(statements / Math.max(ms / 1000, 0.001));

function statementsIn(file: string): number {
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as { statements?: unknown };
  return Array.isArray(raw.statements) ? raw.statements.length : 0;
}

/** A one-line progress bar on stderr, redrawn in place on a terminal and printed once per file otherwise. */
class Progress {
  private done = 0;
  private current = "";
  private readonly started = Date.now();
  private readonly timer?: NodeJS.Timeout;

  constructor(private readonly total: number) {
    if (process.stderr.isTTY) this.timer = setInterval(() => this.draw(), 250);
  }

  loading(file: string): void {
    this.current = path.basename(file);
    this.draw();
  }

  loaded(statements: number): void {
    this.done += statements;
    if (process.stderr.isTTY) this.draw();
    else process.stderr.write(`${this.line()}\n`);
  }

  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (process.stderr.isTTY) process.stderr.write("\n");
  }

  private draw(): void {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${this.line()}`);
  }

  private line(): string {
    const width = 30;
    const share = this.total ? this.done / this.total : 1;
    const filled = Math.round(share * width);
    const elapsed = Date.now() - this.started;
    return (
      `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${this.total} statements ` +
      `${(share * 100).toFixed(0)}%  ${rate(this.done, elapsed)} st/s  ${seconds(elapsed)}  ${this.current}`
    );
  }
}

function describeDatabase(config: Config): string {
  if (config.remote) return `${config.remote.uri} (NEO4J_URI)`;
  const e = config.embedded;
  return `embedded Neo4j in ${e.dataDir}, heap ${e.heapMb} MB, page cache ${e.pageCacheMb} MB`;
}

export interface FileLoad {
  file: string;
  statements: number;
  ms: number;
}

export interface DirectoryLoad {
  files: FileLoad[];
  statements: number;
  ms: number;
  /** Statements per second over the whole load. */
  rate: number;
}

async function loadAll(db: Database, files: string[], showProgress = true): Promise<FileLoad[]> {
  const total = files.reduce((sum, f) => sum + statementsIn(f), 0);
  const progress = showProgress ? new Progress(total) : undefined;
  const results: FileLoad[] = [];
  try {
    for (const file of files) {
      progress?.loading(file);
      const result = await loadDatasetFile(db, file);
      progress?.loaded(result.counts.statements);
      results.push({ file, statements: result.counts.statements, ms: result.ms });
    }
  } finally {
    progress?.finish();
  }
  return results;
}

/** Loads a folder's dataset files, sorted (the entity file first), with a progress bar on stderr unless told not to. */
export async function loadDirectory(
  db: Database,
  dir: string,
  options: { progress?: boolean } = {},
): Promise<DirectoryLoad> {
  const files = datasetFilesIn(path.resolve(dir));
  if (files.length === 0) throw new Error(noDatasetIn(path.resolve(dir)));
  const started = Date.now();
  const results = await loadAll(db, files, options.progress ?? true);
  const ms = Date.now() - started;
  const statements = results.reduce((sum, r) => sum + r.statements, 0);
  return { files: results, statements, ms, rate: rate(statements, ms) };
}

function report(results: FileLoad[], loadMs: number, totalMs: number): void {
  const width = Math.max(...results.map((r) => path.basename(r.file).length));
  for (const r of results) {
    const name = path.basename(r.file).padEnd(width);
    const perSecond = String(rate(r.statements, r.ms)).padStart(6);
    console.log(
      `  ${name}  ${String(r.statements).padStart(7)} statements  ${seconds(r.ms).padStart(7)}  ${perSecond} st/s`,
    );
  }
  const statements = results.reduce((sum, r) => sum + r.statements, 0);
  console.log(
    `Loaded ${statements} statements from ${results.length} files in ${seconds(loadMs)}: ` +
      `${rate(statements, loadMs)} statements/s (${seconds(totalMs)} with Neo4j start-up and schema).`,
  );
}

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (!dir) {
    console.error("Usage: npm run bench:load -- <folder of dataset .json files>");
    return 1;
  }
  const files = datasetFilesIn(path.resolve(dir));
  if (files.length === 0) {
    console.error(noDatasetIn(path.resolve(dir)));
    return 1;
  }
  const started = Date.now();
  const config = loadConfig();
  console.log(`Loading ${files.length} files into ${describeDatabase(config)}.`);
  return loadIntoConfiguredNeo4j(config, async (db) => {
    const loadStarted = Date.now();
    const results = await loadAll(db, files);
    report(results, Date.now() - loadStarted, Date.now() - started);
  });
}

if (require.main === module) runLoadCommand(main, "Cannot load");
