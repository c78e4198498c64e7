// npm run seed [-- [--dry-run] file.json …]: loads seed/*.json, or the given dataset files, into the configured Neo4j.
// With --dry-run nothing is written: each file is resolved against the graph and its report printed.
import path from "node:path";
import { loadConfig } from "../config";
import { datasetFilesIn, loadFiles } from "../load/files";
import { loadIntoConfiguredNeo4j, noDatasetIn, runLoadCommand } from "../load/run";

async function main(): Promise<number> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--dry-run");
  if (unknown.length) {
    console.error(`Unknown option ${unknown[0]}. Usage: npm run seed -- [--dry-run] [FILE.json …]`);
    return 2;
  }
  const named = args.filter((a) => !a.startsWith("--"));
  const files = named.length ? named.map((f) => path.resolve(f)) : datasetFilesIn(config.seedDir);
  if (files.length === 0) {
    console.error(noDatasetIn(config.seedDir));
    return 1;
  }
  return loadIntoConfiguredNeo4j(config, async (db) => {
    await loadFiles(db, files, (line) => console.log(line), { dryRun });
  });
}

runLoadCommand(main, "Cannot seed");
