// npm run seed [-- file.json …]: loads seed/*.json, or the given dataset files, into the configured Neo4j.
import path from "node:path";
import { loadConfig } from "../config";
import { datasetFilesIn, loadFiles } from "../load/files";
import { loadIntoConfiguredNeo4j, noDatasetIn, runLoadCommand } from "../load/run";

async function main(): Promise<number> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const files = args.length ? args.map((f) => path.resolve(f)) : datasetFilesIn(config.seedDir);
  if (files.length === 0) {
    console.error(noDatasetIn(config.seedDir));
    return 1;
  }
  return loadIntoConfiguredNeo4j(config, async (db) => {
    await loadFiles(db, files, (line) => console.log(line));
  });
}

runLoadCommand(main, "Cannot seed");
