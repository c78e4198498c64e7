// Finds dataset files and loads them one after another, one transaction each.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../graph/database";
import { loadDatasetFile, type LoadResult } from "./loader";

export function datasetFilesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function loadFiles(db: Database, files: string[], log: (line: string) => void): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const file of files) {
    const result = await loadDatasetFile(db, file);
    const c = result.counts;
    log(
      `Loaded ${path.relative(process.cwd(), file)}: ` +
        `${c.statements} statements, ${c.people} people, ${c.states} states, ` +
        `${c.organizations} organizations, ${c.venues} venues, ${c.events} events in ${result.ms} ms` +
        (result.mergedInto.length
          ? ` (merged ${result.mergedInto.map((m) => `${m.id} into ${m.into}`).join(", ")})`
          : ""),
    );
    results.push(result);
  }
  return results;
}
