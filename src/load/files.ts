// Finds dataset files and loads them one after another, one transaction each.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../graph/runtime/database";
import { loadDatasetFile, type LoadResult } from "./loader";
import { reportLines } from "./report";

export function datasetFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function loadFiles(
  db: Database,
  files: string[],
  log: (line: string) => void,
  options: { dryRun?: boolean; txTimeoutMs?: number } = {},
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const file of files) {
    const result = await loadDatasetFile(db, file, options);
    for (const line of reportLines(result)) log(line);
    results.push(result);
  }
  return results;
}
