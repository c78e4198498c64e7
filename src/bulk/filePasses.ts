// The work a bulk import does on one dataset file by itself, which worker threads do side by side
// (conversionWorker.ts):
// - first pass: the file read and checked as the loader checks it, reduced to what resolution needs (its entities, its
//   references, and the keys of its statements), so that the main thread resolves the files in load order;
// - second pass: the file read again, its source and every statement no other file can meet written to CSV as they
//   come; the few that statement resolution must see (needsReplay) go back to the main thread, which replays them in
//   load order. A file whose statements respond to others goes back whole: responses need every statement's node.
import path from "node:path";
import type { Reference } from "../load/checks";
import type { Dataset, DatasetEntities } from "../load/dataset";
import { parseWithText, prepareDataset, readDatasetJson } from "../load/prepare";
import { quotationKeys } from "../load/resolveStatements";
import { sourceRow, statementRows } from "../load/writeRows";
import { writeSource, writeStatement } from "./graphRows";
import type { ImportFiles } from "./importFiles";
import { needsReplay, singleReport, type ReportedStatement } from "./statementReplay";

/** What the first pass keeps of a statement: what it may meet another under (meetingKeys.ts). */
export interface StatementKeys {
  id: string;
  speaker: string;
  saidOn: string | null;
  datePrecision: string | null;
  sameAs?: string;
  quoteHash: string | null;
}

/** A checked file as entity resolution reads it; the source without its text. */
export interface FileToResolve {
  dataset: DatasetEntities;
  statements: StatementKeys[];
  /** References to ids the file does not define. */
  external: Reference[];
}

const where = (file: string) => ({ file, baseDir: path.dirname(file) });

/** First pass: the file checked (a DatasetError names its problems) and reduced to what resolution reads. */
export function readToResolve(file: string): FileToResolve {
  const { dataset, external } = prepareDataset(readDatasetJson(file), where(file));
  const { statements, source, ...entities } = dataset;
  const quoteHashes = quotationKeys(statements);
  return {
    dataset: { ...entities, source: { ...source, text: undefined } },
    statements: statements.map((s) => ({
      id: s.id,
      speaker: s.speaker,
      saidOn: s.saidOn ?? null,
      datePrecision: s.saidOn ? (s.datePrecision ?? "DAY") : null,
      ...(s.sameAs ? { sameAs: s.sameAs } : {}),
      quoteHash: quoteHashes.get(s.id) ?? null,
    })),
    external,
  };
}

/** Where the second pass finds an entity's node, and which statement keys the first pass met more than once. */
export interface StatementPlan {
  /** An entity id (or alias id) → its node's handle. */
  handles: ReadonlyMap<string, number>;
  /** A handle → the node's final id. */
  ids: readonly string[];
  suspects: ReadonlySet<string>;
}

/** Node handles in statement rows (as the first pass keyed them), until the entities' final ids are known. */
export const handleToken = (handle: number) => `#${handle}`;

/** The final id of the node a handle token names. */
export const tokenId = (ids: readonly string[], token: string) => ids[Number(token.slice(1))]!;

export type WrittenStatements = { whole: true } | { whole: false; statements: number; toReplay: ReportedStatement[] };

/**
 * Second pass: the file's source and the statements no other file can meet written to `out`; those statement
 * resolution must see answered, in the file's order. A file with responses is left to the caller (whole).
 */
export function writeStatements(file: string, index: number, plan: StatementPlan, out: ImportFiles): WrittenStatements {
  const { dataset, text } = parseWithText(readDatasetJson(file), where(file));
  if (dataset.statements.some((s) => s.respondsTo.length > 0)) return { whole: true };
  writeSource(out, sourceRow(dataset, text));
  const toReplay: ReportedStatement[] = [];
  const endOf = (id: string) => handleToken(plan.handles.get(id)!);
  for (const report of reportsOf(dataset, text, endOf, index)) {
    if (needsReplay(report, plan.suspects)) toReplay.push(report);
    else writeStatement(out, singleReport(report), (end) => tokenId(plan.ids, end));
  }
  return { whole: false, statements: dataset.statements.length, toReplay };
}

/** A dataset's statements as the loader writes a new one, with `endOf` giving the node of an entity id. */
export function reportsOf(
  dataset: Dataset,
  text: string,
  endOf: (id: string) => string,
  file: number,
): ReportedStatement[] {
  const source = { id: dataset.source.id, publishedOn: dataset.source.publishedOn };
  const rows = statementRows(dataset, text, endOf, {
    to: (id) => id,
    existing: [],
    quoteHashes: quotationKeys(dataset.statements),
  });
  return rows.map((row, index) => {
    const sameAs = dataset.statements[index]!.sameAs;
    return { file, index, source, ...(sameAs ? { sameAs } : {}), row };
  });
}
