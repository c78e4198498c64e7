// Runs Neo4j's own offline importer (neo4j-admin database import full, from org.neo4j:neo4j-import-tool, which the
// launcher's classpath already holds) on the CSV files, into the database folder of a data dir the embedded Neo4j
// then starts on. The JVM gets the embedded server's flags and heap (NEO4J_HEAP_MB).
import { spawn } from "node:child_process";
import readline from "node:readline";
import { JVM_FLAGS } from "../neo4j/embedded";
import { ensureLauncherBuilt } from "../neo4j/prerequisites";
import { ARRAY_DELIMITER } from "./importFiles";

export interface ImporterOptions {
  /** The embedded database's folder: the store goes to data/databases/neo4j in it. */
  dataDir: string;
  heapMb: number;
  launcherDir: string;
  /** --nodes, --relationships and --multiline-fields arguments (ImportFiles.close). */
  fileArgs: string[];
  /** The importer's read buffer (ImportFiles.close). */
  readBufferBytes: number;
  reportFile: string;
  log: (line: string) => void;
  /** Stops the importer (an interrupted import). */
  signal?: AbortSignal;
}

export class ImporterError extends Error {}

export async function runImporter(options: ImporterOptions): Promise<void> {
  const build = ensureLauncherBuilt(options.launcherDir, options.log);
  const args = [
    `-Xms${Math.min(256, options.heapMb)}m`,
    `-Xmx${options.heapMb}m`,
    ...JVM_FLAGS,
    "-cp",
    build.classpath,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    // Without it a failure says only "Error in input data", not which file, field and value.
    "--verbose",
    `--array-delimiter=U+${ARRAY_DELIMITER.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`,
    `--read-buffer-size=${options.readBufferBytes}`,
    `--report-file=${options.reportFile}`,
    // The database is the default one, neo4j; lists of files come last (a list takes every argument up to an option).
    ...options.fileArgs,
  ];
  const child = spawn(build.javaBin, args, {
    cwd: options.dataDir,
    env: { ...process.env, NEO4J_HOME: options.dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  /** The first error's own lines (which file, field and value), without its stack trace. */
  const cause: string[] = [];
  let causeDone = false;
  const keep = (line: string) => {
    if (!causeDone && (cause.length > 0 || /ERROR in input|^Caused by:/.test(line))) {
      if (/^\s+at |^\s*\.\.\. \d+ more/.test(line) || cause.length === 8) causeDone = true;
      else cause.push(line);
      if (/original error:/.test(line)) causeDone = true;
    }
    tail.push(line);
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  // Phase lines ("(1/4) Node import …", "IMPORT DONE in …") are logged; the rows of progress dots are not.
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    keep(line);
    if (/^\(\d\/\d\)|COMPLETED|IMPORT DONE|Imported:|^\s+\d+ (nodes|relationships|properties)|Peak memory/.test(line))
      options.log(`  importer: ${line.trim()}`);
  });
  readline.createInterface({ input: child.stderr! }).on("line", keep);
  const stop = () => child.kill("SIGTERM");
  options.signal?.addEventListener("abort", stop, { once: true });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  options.signal?.removeEventListener("abort", stop);
  options.signal?.throwIfAborted();
  if (code !== 0) {
    const why = cause.length > 0 ? cause : tail;
    throw new ImporterError(`Neo4j's importer failed (exit code ${code}):\n${why.join("\n")}`);
  }
}
