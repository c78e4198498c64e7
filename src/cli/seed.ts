// npm run seed [-- file.json …]: loads seed/*.json, or the given dataset files, into the configured Neo4j.
import path from "node:path";
import { ConfigError, loadConfig } from "../config";
import { Database } from "../graph/database";
import { applySchema } from "../graph/schema";
import { DatasetError } from "../load/dataset";
import { datasetFilesIn, loadFiles } from "../load/files";
import { resolveNeo4j } from "../neo4j/connect";
import { PrerequisiteError } from "../neo4j/prerequisites";

async function main(): Promise<number> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const files = args.length ? args.map((f) => path.resolve(f)) : datasetFilesIn(config.seedDir);
  if (files.length === 0) {
    console.error(`No dataset to load: ${config.seedDir} holds no .json file.`);
    return 1;
  }
  const neo4j = await resolveNeo4j(config, (line) => console.log(line));
  const db = Database.connect({ ...neo4j, txTimeoutMs: Math.max(config.txTimeoutMs, 600_000) });
  try {
    await applySchema(db);
    await loadFiles(db, files, (line) => console.log(line));
    return 0;
  } catch (e) {
    if (e instanceof DatasetError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof ConfigError || e instanceof PrerequisiteError ? `Cannot seed: ${e.message}` : e);
    process.exit(1);
  },
);
