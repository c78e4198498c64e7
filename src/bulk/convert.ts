// Dataset files → the importer's CSV files, producing the graph the loader produces from the same files in the same
// order. Two passes over the files:
// 1. each file is read and checked as the loader checks it, and its entities resolved against the entities of the
//    files before it (held in memory: EntityGraph) with the loader's own resolution; a Bloom filter over statement ids
//    and quotations marks the statements that may meet one of an earlier file;
// 2. each file is read again, statement resolution replayed for the marked statements (StatementReplay), and every
//    statement written to CSV as it comes, with the responses between statements (ResponseWriter).
// A file that the loader would refuse refuses the whole import, before anything is written to the database.
import fs from "node:fs";
import path from "node:path";
import { uniqueLinks } from "../graph/datasetWrites";
import { DatasetError, type Dataset } from "../load/dataset";
import { parseWithText, prepareDataset, readDatasetJson } from "../load/prepare";
import { resolveDataset, unknownReferences } from "../load/resolveDataset";
import { quotationKeys, resolveStatements } from "../load/resolveStatements";
import { claimRows, relationshipRows, sourceRow, statementRows } from "../load/writeRows";
import { BloomFilter } from "./bloomFilter";
import { AliasOfTwoNodes, EntityGraph, type EntityNode } from "./entityGraph";
import { writeEntities, writeGraphFormat, writeSource, writeStatement } from "./graphRows";
import { ImportFiles, type WrittenFiles } from "./importFiles";
import { ownKeys, soughtKeys } from "./meetingKeys";
import { mayBeDefinedBefore, respondedKeys, ResponseWriter, splitReferences, type StatementEnd } from "./responses";
import { singleReport, StatementReplay, UndecidableStatement, type ReportedStatement } from "./statementReplay";

/** The import set refused, with every dataset file's problems (nothing was imported). */
export class RefusedImport extends Error {
  constructor(readonly refused: DatasetError[]) {
    super(refused.map((e) => e.message).join("\n"));
  }
}

export interface Conversion {
  written: WrittenFiles;
  files: number;
  statements: number;
  /** Statements that are another one reported again (one node for both). */
  statementsJoined: number;
  entities: number;
  /** Entities of a file that resolution found in an earlier one. */
  entitiesMerged: number;
}

/**
 * A JSON statement of a generated file takes some 480 bytes, a hand-written one more: sizing the filter for one
 * statement per 300 bytes, with four keys each (a direct quotation has five, a reported statement one), keeps its
 * false "maybe"s near 0.1 %.
 */
const BYTES_PER_STATEMENT = 300;
const KEYS_PER_STATEMENT = 4;

/** Node handles in statement rows, until the entities' final ids are known. */
const token = (node: EntityNode) => `#${node.handle}`;

export async function convertToCsv(
  files: readonly string[],
  workDir: string,
  log: (line: string) => void,
  /** Checked before each file: an interrupted import stops there. */
  signal?: AbortSignal,
): Promise<Conversion> {
  const out = new ImportFiles(path.join(workDir, "csv"));
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  const seen = new BloomFilter(KEYS_PER_STATEMENT * Math.ceil(bytes / BYTES_PER_STATEMENT));
  const suspects = new Set<string>();
  const entities = new EntityGraph();
  const sourceFiles = new Map<string, string>();
  const refused: DatasetError[] = [];
  let entitiesMerged = 0;
  let statements = 0;

  writeGraphFormat(out);
  for (const [index, file] of files.entries()) {
    signal?.throwIfAborted();
    let prepared;
    try {
      prepared = prepareDataset(readDatasetJson(file), { file, baseDir: path.dirname(file) });
    } catch (e) {
      if (!(e instanceof DatasetError)) throw e;
      refused.push(e);
      continue;
    }
    // After a refused file only each file's own checks run: what resolves depends on the files before it.
    if (refused.length > 0) continue;
    const { dataset, text, external } = prepared;
    const sourceId = dataset.source.id;
    const earlier = sourceFiles.get(sourceId);
    if (earlier) {
      refused.push(
        new DatasetError(file, [
          `source.id: ${sourceId} is also the source of ${earlier}; a bulk import loads each source once ` +
            "(the loader would replace the earlier file's statements with this one's)",
        ]),
      );
      continue;
    }
    sourceFiles.set(sourceId, file);

    // Statements responded to are sought among the earlier files' statements, the rest among their entities.
    const { statements: responded, entities: referenced } = splitReferences(external);
    const resolved = await resolveDataset(
      entities.reads(),
      dataset,
      referenced.map((r) => r.id),
    );
    const problems = [
      ...resolved.problems,
      ...unknownReferences(referenced, resolved.known),
      ...unknownReferences(responded, mayBeDefinedBefore(responded, seen)),
    ];
    if (problems.length > 0) {
      refused.push(new DatasetError(file, problems));
      continue;
    }
    for (const key of respondedKeys(responded)) suspects.add(key);
    entitiesMerged += resolved.resolutions.filter((r) => r.decision === "MERGED" && r.into !== r.incoming).length;
    const to = (id: string) => resolved.remap.get(id) ?? resolved.known.get(id) ?? id;
    const source = { id: sourceId, publishedOn: dataset.source.publishedOn };
    const links = new Map(
      [...relationshipRows(dataset)].map(([type, rows]) => [
        type,
        uniqueLinks(rows.map((r) => ({ ...r, from: to(r.from), to: to(r.to) }))),
      ]),
    );
    try {
      entities.write(source, claimRows(dataset, to), links);
    } catch (e) {
      if (!(e instanceof AliasOfTwoNodes)) throw e;
      refused.push(new DatasetError(file, [`${e.message} (a sameAs against an earlier merge?)`]));
      continue;
    }
    writeSource(out, sourceRow(dataset, text));

    // Keys of this file are checked against earlier files only: statements of one file never join each other.
    const keys: string[] = [];
    const quoteHashes = quotationKeys(dataset.statements);
    for (const s of dataset.statements) {
      const row = {
        claimId: s.id,
        quoteHash: quoteHashes.get(s.id) ?? null,
        speaker: token(entities.nodeOf(to(s.speaker))!),
        saidOn: s.saidOn ?? null,
        datePrecision: s.saidOn ? (s.datePrecision ?? "DAY") : null,
      };
      for (const key of soughtKeys(row, s.sameAs)) if (seen.mightContain(key)) suspects.add(key);
      keys.push(...ownKeys(row));
      statements++;
    }
    for (const key of keys) seen.add(key);
    if ((index + 1) % 100 === 0) log(`  read ${index + 1} of ${files.length} files (${statements} statements)`);
  }
  if (refused.length > 0) throw new RefusedImport(refused);

  writeEntities(out, entities);
  // Every id a statement refers to stays with the node it named when its file was read (ids only ever become alias
  // ids of their node), so the entities' final state resolves them.
  const endOf = (id: string) => token(entities.nodeOf(id)!);
  const ids = entities.nodes.map((n) => n.id);
  const endId = (end: string) => ids[Number(end.slice(1))]!;
  const replay = new StatementReplay(seen, suspects);
  const responses = new ResponseWriter(out);
  for (const [index, file] of files.entries()) {
    signal?.throwIfAborted();
    const { dataset, text } = parseWithText(readDatasetJson(file), { file, baseDir: path.dirname(file) });
    const reports = reportsOf(dataset, text, endOf, index);
    const resolution = await resolveStatements(
      replay.reads(),
      reports.map(StatementReplay.toResolve),
      (speaker) => speaker,
      new Map(reports.filter((r) => r.row.quoteHash).map((r) => [r.row.claimId, r.row.quoteHash!])),
    );
    if (resolution.problems.length > 0) throw new RefusedImport([new DatasetError(file, resolution.problems)]);
    const placed = new Map<string, StatementEnd>();
    for (const report of reports) {
      const id = report.row.claimId;
      const into = resolution.remap.get(id);
      if (into) {
        replay.restate(into, report);
        placed.set(id, replay.nodeOf(into)!);
      } else if (replay.mayMeetAnother(report)) {
        replay.follow(report);
        placed.set(id, replay.nodeOf(id)!);
      } else {
        writeStatement(out, singleReport(report), endId);
        placed.set(id, id);
      }
    }
    const unknown = responses.write(dataset, text, placed, (id) => replay.nodeOf(id));
    if (unknown.length > 0) throw new RefusedImport([new DatasetError(file, unknown)]);
    try {
      replay.settle();
    } catch (e) {
      if (e instanceof UndecidableStatement) throw new RefusedImport([new DatasetError(file, [e.message])]);
      throw e;
    }
  }
  for (const node of replay.followedNodes()) writeStatement(out, node, endId);
  responses.finish();

  return {
    written: out.close(),
    files: files.length,
    statements,
    statementsJoined: replay.joined,
    entities: entities.nodes.length,
    entitiesMerged,
  };
}

/** A dataset's statements as the loader writes a new one, with `endOf` giving the node of an entity id. */
function reportsOf(dataset: Dataset, text: string, endOf: (id: string) => string, file: number): ReportedStatement[] {
  const source = { id: dataset.source.id, publishedOn: dataset.source.publishedOn };
  const rows = statementRows(dataset, text, endOf, {
    to: (id) => id,
    existing: [],
    quoteHashes: quotationKeys(dataset.statements),
  });
  return rows.map((row, i) => {
    const sameAs = dataset.statements[i]!.sameAs;
    return { file, source, ...(sameAs ? { sameAs } : {}), row };
  });
}
