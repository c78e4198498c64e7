// The data dir a bulk import fills: it must hold no database and no running Neo4j, and if the import fails it is put
// back as it was (the partial database removed), so that nothing half-imported is ever started.
import fs from "node:fs";
import path from "node:path";
import { processAlive } from "../neo4j/embedded";

export class DataDirNotEmpty extends Error {}

/** Where the embedded Neo4j keeps the database the import writes (Neo4j's default layout under its home). */
const DATABASE = path.join("data", "databases", "neo4j");
const TRANSACTIONS = path.join("data", "transactions", "neo4j");

export function assertReadyForImport(dataDir: string): void {
  const lock = path.join(dataDir, "launcher.json");
  if (fs.existsSync(lock)) {
    const pid = (() => {
      try {
        return Number((JSON.parse(fs.readFileSync(lock, "utf8")) as { pid?: unknown }).pid);
      } catch {
        return NaN;
      }
    })();
    if (Number.isInteger(pid) && processAlive(pid)) {
      throw new DataDirNotEmpty(
        `a Neo4j (pid ${pid}) is running on ${dataDir}: stop it first (bulk import only fills a database ` +
          "no server has open)",
      );
    }
  }
  for (const folder of [DATABASE, TRANSACTIONS]) {
    if (fs.existsSync(path.join(dataDir, folder))) {
      throw new DataDirNotEmpty(
        `${dataDir} already holds a database (${folder}): bulk import only fills an empty one. Choose another ` +
          "folder with --data-dir, or remove that one first.",
      );
    }
  }
}

/** What is in the folder now; the function it answers removes whatever was added since. */
export function rememberFolder(dir: string): () => void {
  const existed = fs.existsSync(dir);
  const before = new Set(existed ? listAll(dir) : []);
  return () => {
    if (!existed) {
      fs.rmSync(dir, { recursive: true, force: true });
      return;
    }
    const remove = (relative: string) => {
      const full = path.join(dir, relative);
      if (!before.has(relative)) return fs.rmSync(full, { recursive: true, force: true });
      if (fs.statSync(full).isDirectory()) for (const entry of fs.readdirSync(full)) remove(path.join(relative, entry));
    };
    for (const entry of fs.readdirSync(dir)) remove(entry);
  };
}

function listAll(dir: string, relative = ""): string[] {
  return fs.readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const name = path.join(relative, entry.name);
    return entry.isDirectory() ? [name, ...listAll(dir, name)] : [name];
  });
}
