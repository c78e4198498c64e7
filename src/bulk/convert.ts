// Dataset files → the importer's CSV files, producing the graph the loader produces from the same files in the same
// order. Two passes over the files, each file's own work done by worker threads side by side (filePasses.ts,
// conversionWorkers.ts) and the rest by this thread in load order:
// 1. each file is read and checked as the loader checks it (a worker), and its entities resolved against the entities
//    of the files before it (held in memory: EntityGraph) with the loader's own resolution; a Bloom filter over
//    statement ids and quotations marks the statements that may meet one of an earlier file;
// 2. each file is read again and its statements written to CSV as they come (a worker), except the marked ones,
//    whose statement resolution is replayed here (StatementReplay), with the responses between statements
//    (ResponseWriter).
// A file that the loader would refuse refuses the whole import, before anything is written to the database.
import fs from "node:fs";
import path from "node:path";
import { uniqueLinks } from "../graph/writes/datasetWrites";
import type { Reference } from "../load/checks";
import { DatasetError } from "../load/dataset";
import { resolveDataset, unknownReferences } from "../load/resolveDataset";
import { resolveStatements } from "../load/resolveStatements";
import { claimRows, relationshipRows } from "../load/writeRows";
import { BloomFilter } from "./bloomFilter";
import { ConversionWorkers, defaultConversionWorkers, inOrder } from "./conversionWorkers";
import { AliasOfTwoNodes, EntityGraph, type EntityNode } from "./entityGraph";
import { allReferences, handleToken, tokenId, type FileToResolve, type StatementPlan } from "./filePasses";
import { writeEntities, writeGraphFormat, writeStatement } from "./graphRows";
import { ImportFiles, mergeWritten, type WrittenFiles } from "./importFiles";
import { markStatements } from "./keyHashes";
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
  /** Worker threads that read and wrote the files. */
  workers: number;
}

export interface ConversionOptions {
  log: (line: string) => void;
  /** Checked before each file: an interrupted import stops there. */
  signal?: AbortSignal;
  /** Worker threads (default: defaultConversionWorkers()). */
  workers?: number;
}

/**
 * A JSON statement of a generated file takes some 480 bytes, a hand-written one more: sizing the filter for one
 * statement per 300 bytes, with four keys each (a direct quotation has five, a reported statement one), keeps its
 * false "maybe"s near 0.1 %.
 */
const BYTES_PER_STATEMENT = 300;
const KEYS_PER_STATEMENT = 4;
/** Files handed to the workers beyond the one this thread takes next, per worker. */
const AHEAD_PER_WORKER = 2;

/** Node handles in statement rows, until the entities' final ids are known. */
const token = (node: EntityNode) => handleToken(node.handle);

/** What the first pass leaves for the second. */
interface FirstPass {
  entities: EntityGraph;
  seen: BloomFilter;
  suspects: Set<string>;
  statements: number;
  entitiesMerged: number;
}

export async function convertToCsv(
  files: readonly string[],
  workDir: string,
  options: ConversionOptions,
): Promise<Conversion> {
  const csvDir = path.join(workDir, "csv");
  const out = new ImportFiles(path.join(csvDir, "main"));
  const workers = new ConversionWorkers(options.workers ?? defaultConversionWorkers(), csvDir);
  try {
    writeGraphFormat(out);
    const first = await resolveEntities(files, workers, out, options);
    const replay = new StatementReplay(first.seen, first.suspects);
    await replayStatements(files, workers, out, first, replay, options.signal);
    const written = mergeWritten([out.close(), ...(await workers.close())]);
    return {
      written,
      files: files.length,
      statements: first.statements,
      statementsJoined: replay.joined,
      entities: first.entities.nodes.length,
      entitiesMerged: first.entitiesMerged,
      workers: workers.size,
    };
  } finally {
    await workers.terminate();
  }
}

/** First pass: every file checked, its entities resolved into the entity graph, its statements' keys noted. */
async function resolveEntities(
  files: readonly string[],
  workers: ConversionWorkers,
  out: ImportFiles,
  { log, signal }: ConversionOptions,
): Promise<FirstPass> {
  const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  const seen = new BloomFilter(KEYS_PER_STATEMENT * Math.ceil(bytes / BYTES_PER_STATEMENT));
  const suspects = new Set<string>();
  const entities = new EntityGraph();
  const sourceFiles = new Map<string, string>();
  const refused: DatasetError[] = [];
  let entitiesMerged = 0;
  let statements = 0;

  const read = (i: number) =>
    workers.read(files[i]!).then(
      (file): FileToResolve | DatasetError => file,
      (e: unknown) => {
        if (e instanceof DatasetError) return e;
        throw e;
      },
    );
  await inOrder(files.length, AHEAD_PER_WORKER * workers.size, read, async (result, index) => {
    signal?.throwIfAborted();
    const file = files[index]!;
    if (result instanceof DatasetError) {
      refused.push(result);
      return;
    }
    // After a refused file only each file's own checks run: what resolves depends on the files before it.
    if (refused.length > 0) return;
    const { dataset, external } = result;
    const sourceId = dataset.source.id;
    const earlier = sourceFiles.get(sourceId);
    if (earlier) {
      refused.push(
        new DatasetError(file, [
          `source.id: ${sourceId} is also the source of ${earlier}; a bulk import loads each source once ` +
            "(the loader would replace the earlier file's statements with this one's)",
        ]),
      );
      return;
    }
    sourceFiles.set(sourceId, file);

    // Statements responded to are sought among the earlier files' statements, the rest among their entities.
    const { statements: responded, entities: referenced } = splitReferences(external);
    const resolved = await resolveDataset(
      entities.reads(),
      dataset,
      referenced.map((r) => r.id),
    );
    const unknown = (refs: { statements: Reference[]; entities: Reference[] }) => [
      ...unknownReferences(refs.entities, resolved.known),
      ...unknownReferences(refs.statements, mayBeDefinedBefore(refs.statements, seen)),
    ];
    let problems = unknown({ statements: responded, entities: referenced });
    // The worker sent the first reference to each id: the file is read again to name every place of an unknown one.
    if (problems.length > 0) problems = unknown(splitReferences(allReferences(file)));
    problems = [...resolved.problems, ...problems];
    if (problems.length > 0) {
      refused.push(new DatasetError(file, problems));
      return;
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
      return;
    }

    // Keys of this file are checked against earlier files only: statements of one file never join each other.
    const speakers = result.statements.map((s) => token(entities.nodeOf(to(s.speaker))!));
    markStatements(result.statements, result.keyHashes, speakers, seen, suspects);
    statements += result.statements.length;
    if ((index + 1) % 100 === 0) log(`  read ${index + 1} of ${files.length} files (${statements} statements)`);
  });
  if (refused.length > 0) throw new RefusedImport(refused);
  writeEntities(out, entities);
  return { entities, seen, suspects, statements, entitiesMerged };
}

/**
 * Second pass: the workers write every statement that meets no other; this thread replays statement resolution for
 * the rest, in load order, and writes the responses. Every id a statement refers to stays with the
 * node it named when its file was read (ids only ever become alias ids of their node), so the entities' final state
 * resolves them.
 */
async function replayStatements(
  files: readonly string[],
  workers: ConversionWorkers,
  out: ImportFiles,
  { entities, suspects }: FirstPass,
  replay: StatementReplay,
  signal: AbortSignal | undefined,
): Promise<void> {
  const ids = entities.nodes.map((n) => n.id);
  const plan: StatementPlan = { handles: entities.handles(), ids, suspects };
  await workers.plan(plan);
  const endId = (end: string) => tokenId(ids, end);
  const responses = new ResponseWriter(out);
  const write = (i: number) => workers.write(files[i]!, i);
  await inOrder(files.length, AHEAD_PER_WORKER * workers.size, write, async (written, index) => {
    signal?.throwIfAborted();
    const file = files[index]!;
    const placed = await replayReports(file, written.toReplay, replay, out, endId);
    if (written.responses) {
      // A statement the thread wrote is its own node, under its id.
      for (const { id } of written.responses.statements) if (!placed.has(id)) placed.set(id, id);
      const unknown = responses.write(file, written.responses, placed, (id) => replay.nodeOf(id));
      if (unknown.length > 0) throw new RefusedImport([new DatasetError(file, unknown)]);
    }
    settle(file, replay);
  });
  for (const node of replay.followedNodes()) writeStatement(out, node, endId);
  responses.finish();
}

/**
 * Statement resolution replayed for one file's reports: joined to a followed statement, followed themselves, or
 * written as they come. Answers the node each is placed in.
 */
async function replayReports(
  file: string,
  reports: ReportedStatement[],
  replay: StatementReplay,
  out: ImportFiles,
  endId: (end: string) => string,
): Promise<Map<string, StatementEnd>> {
  const placed = new Map<string, StatementEnd>();
  if (reports.length === 0) return placed;
  const resolution = await resolveStatements(
    replay.reads(),
    reports.map(StatementReplay.toResolve),
    (speaker) => speaker,
    new Map(reports.filter((r) => r.row.quoteHash).map((r) => [r.row.claimId, r.row.quoteHash!])),
  );
  if (resolution.problems.length > 0) throw new RefusedImport([new DatasetError(file, resolution.problems)]);
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
  return placed;
}

function settle(file: string, replay: StatementReplay): void {
  try {
    replay.settle();
  } catch (e) {
    if (e instanceof UndecidableStatement) throw new RefusedImport([new DatasetError(file, [e.message])]);
    throw e;
  }
}
