// The work a bulk import does on one dataset file by itself, which worker threads do side by side
// (conversionWorker.ts):
// - first pass: the file read and checked as the loader checks it, reduced to what resolution needs (its entities, its
//   references, and the keys of its statements), so that the main thread resolves the files in load order;
// - second pass: the file read again, its source and every statement no other file can meet written to CSV as they
//   come; the few that statement resolution must see (needsReplay) go back to the main thread, which replays them in
//   load order, and so do the file's responses, which need every statement's node.
import path from "node:path";
import type { Reference } from "../load/checks";
import type { Dataset, DatasetEntities, StatementInput } from "../load/dataset";
import { parseWithText, prepareDataset, readDatasetJson } from "../load/prepare";
import { quotationKeys } from "../load/resolveStatements";
import { sourceRow, statementRows } from "../load/writeRows";
import { writeSource, writeStatement } from "./graphRows";
import type { ImportFiles } from "./importFiles";
import { startKeyHashes, type KeyHashes, type StatementKeys } from "./keyHashes";
import { needsReplay, singleReport, type ReportedStatement } from "./statementReplay";

/** A checked file as entity resolution reads it; the source without its text. */
export interface FileToResolve {
  dataset: DatasetEntities;
  statements: StatementKeys[];
  /** Their keys' hashes up to the speaker (keyHashes.ts). */
  keyHashes: KeyHashes;
  /**
   * References to ids the file does not define, the first of each id (a file refers to the same people thousands of
   * times; when one is unknown, the file is read again to name every place: allReferences).
   */
  external: Reference[];
}

const where = (file: string) => ({ file, baseDir: path.dirname(file) });

/** First pass: the file checked (a DatasetError names its problems) and reduced to what resolution reads. */
export function readToResolve(file: string): FileToResolve {
  const { dataset, external } = prepareDataset(readDatasetJson(file), where(file));
  const { statements, source, ...entities } = dataset;
  const quoteHashes = quotationKeys(statements);
  const keys = statements.map((s): StatementKeys => ({
    id: s.id,
    speaker: s.speaker,
    saidOn: s.saidOn ?? null,
    datePrecision: s.saidOn ? (s.datePrecision ?? "DAY") : null,
    ...(s.sameAs ? { sameAs: s.sameAs } : {}),
    quoteHash: quoteHashes.get(s.id) ?? null,
  }));
  return {
    dataset: { ...entities, source: { ...source, text: undefined } },
    statements: keys,
    keyHashes: startKeyHashes(keys),
    external: firstOfEach(external),
  };
}

function firstOfEach(references: readonly Reference[]): Reference[] {
  const first = new Map<string, Reference>();
  for (const r of references) if (!first.has(r.id)) first.set(r.id, r);
  return [...first.values()];
}

/** Every reference of a file to ids it does not define, each where it sits (for its problems). */
export function allReferences(file: string): Reference[] {
  return prepareDataset(readDatasetJson(file), where(file)).external;
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

/** What a file's responses are written from: its source, its statements' ids and responses, and its text (spans). */
export interface FileResponses {
  sourceId: string;
  statements: Pick<StatementInput, "id" | "respondsTo">[];
  text: string;
}

/** A file's responses, when its statements respond to others (undefined when none does). */
export function fileResponses(dataset: Dataset, text: string): FileResponses | undefined {
  if (!dataset.statements.some((s) => s.respondsTo.length > 0)) return undefined;
  return {
    sourceId: dataset.source.id,
    statements: dataset.statements.map((s) => ({ id: s.id, respondsTo: s.respondsTo })),
    text,
  };
}

export interface WrittenStatements {
  /** The statements statement resolution must see, in the file's order. */
  toReplay: ReportedStatement[];
  /** The file's responses, written once its statements are placed (none when no statement responds). */
  responses?: FileResponses;
}

/**
 * Second pass: the file's source and the statements no other file can meet written to `out`; those statement
 * resolution must see, and the file's responses, answered.
 */
export function writeStatements(file: string, index: number, plan: StatementPlan, out: ImportFiles): WrittenStatements {
  const { dataset, text } = parseWithText(readDatasetJson(file), where(file));
  writeSource(out, sourceRow(dataset, text));
  const toReplay: ReportedStatement[] = [];
  const endOf = (id: string) => handleToken(plan.handles.get(id)!);
  for (const report of reportsOf(dataset, text, endOf, index)) {
    if (needsReplay(report, plan.suspects)) toReplay.push(report);
    else writeStatement(out, singleReport(report), (end) => tokenId(plan.ids, end));
  }
  const responses = fileResponses(dataset, text);
  return { toReplay, ...(responses ? { responses } : {}) };
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
