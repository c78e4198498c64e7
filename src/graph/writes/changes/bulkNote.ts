// The bulk importer's entry in the change log: it starts a new database from CSV files, so no write transaction runs
// per node; its run is one note (what it imported), the log's first entry, and every later write follows it.
import type { Database } from "../../runtime/database";
import type { Plain } from "../../values";
import { appendNote } from "./changeLog";

export interface BulkImportNote {
  files: string[];
  statements: number;
  entities: number;
  /** Nodes per label, as counted after the import. */
  nodes: Record<string, number>;
}

export async function recordBulkImport(db: Database, note: BulkImportNote): Promise<void> {
  const after = { ...note, files: [...note.files], nodes: { ...note.nodes } } as unknown as Plain;
  await db.writeTransaction((tx) =>
    appendNote(tx, "CREATED", [{ field: "bulkImport", before: null, after }], { actor: null }),
  );
}
