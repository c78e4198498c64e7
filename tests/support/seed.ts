// Loads the committed seed dataset (the Istanbul article) into the test database.
import path from "node:path";
import { projectRoot } from "../../src/config";
import type { Database } from "../../src/graph/runtime/database";
import { loadDatasetFile } from "../../src/load/loader";

export const ISTANBUL_DATASET = path.join(projectRoot, "seed", "2025-06-02-istanbul-talks.json");

export function loadIstanbulSeed(db: Database) {
  return loadDatasetFile(db, ISTANBUL_DATASET);
}
