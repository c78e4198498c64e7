// npm run import:bulk -- DIR|FILE.json … [--data-dir PATH] [--workers N]: dataset files into an empty embedded database
// through Neo4j's offline importer (src/bulk), converted to its CSV by N worker threads (default: one per core, at most
// 8). Exit codes: 0 imported and verified; 1 refused (a dataset the loader would refuse, a data dir that holds a
// database or a running Neo4j, bad arguments), with nothing written; 2 any other failure (the importer, Neo4j, the
// verification), after which the data dir is as it was.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, projectRoot } from "../config";
import { RefusedImport } from "../bulk/convert";
import { DataDirNotEmpty } from "../bulk/dataDir";
import { importBulk } from "../bulk/importBulk";
import { datasetFilesIn } from "../load/files";

const USAGE = "Usage: npm run import:bulk -- DIR|FILE.json [DIR|FILE.json …] [--data-dir PATH] [--workers N]";

class UsageError extends Error {}

/** Folders give their .json files in name order, as npm run seed loads them; files are taken as given. */
function datasetFiles(paths: string[]): string[] {
  if (paths.length === 0) throw new UsageError(`Name the dataset files or folders to import. ${USAGE}`);
  return paths.flatMap((p) => {
    const full = path.resolve(p);
    if (!fs.existsSync(full)) throw new UsageError(`${p} does not exist. ${USAGE}`);
    if (!fs.statSync(full).isDirectory()) return [full];
    const files = datasetFilesIn(full);
    if (files.length === 0) throw new UsageError(`${p} holds no .json dataset file.`);
    return files;
  });
}

/** --workers: a whole number from 1 to 64, or the default (one per core, at most 8). */
function workerCount(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--workers=${raw} must be a whole number from 1 to 64. ${USAGE}`);
  return n;
}

async function main(): Promise<number> {
  let values: { "data-dir"?: string; workers?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { "data-dir": { type: "string" }, workers: { type: "string" } },
      allowPositionals: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}. ${USAGE}`);
    return 1;
  }
  try {
    const config = loadConfig();
    const files = datasetFiles(positionals);
    const workers = workerCount(values.workers);
    const dataDir = values["data-dir"] ? path.resolve(values["data-dir"]) : config.embedded.dataDir;
    if (config.remote) {
      console.log(`NEO4J_URI is set; bulk import fills the embedded database's folder ${dataDir}, not that database.`);
    }
    const result = await importBulk({
      files,
      neo4j: { ...config.embedded, dataDir },
      launcherDir: path.join(projectRoot, "neo4j"),
      log: (line) => console.log(line),
      workers,
    });
    const { nodes, relationships } = result.counts;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `Imported ${files.length} files into ${dataDir} in ${s(result.ms.total)} ` +
        `(conversion ${s(result.ms.convert)}, importer ${s(result.ms.importer)}, start ${s(result.ms.start)}, ` +
        `constraints and indexes ${s(result.ms.indexes)}).`,
    );
    console.log(
      `  nodes: ${Object.entries(nodes)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    console.log(
      `  relationships: ${Object.entries(relationships)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof RefusedImport) {
      console.error(`Bulk import refused, nothing was imported:\n${e.message}`);
      return 1;
    }
    if (e instanceof DataDirNotEmpty || e instanceof UsageError || e instanceof ConfigError) {
      console.error(`Bulk import refused: ${e.message}`);
      return 1;
    }
    console.error(`Bulk import failed; the data dir is as it was before:\n${e instanceof Error ? e.message : e}`);
    return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
