// Loads one dataset: validate, check provenance, resolve entities already in the graph, write in one transaction.
import path from "node:path";
import type { Database, Transaction } from "../graph/runtime/database";
import { ChangeSet, type Actor } from "../graph/writes/changes/changeLog";
import { sourceFootprint } from "../graph/writes/changes/nodeStates";
import { writeClaims } from "../graph/writes/claims";
import { settle, withdrawSource } from "../graph/writes/sourceWithdrawal";
import { linkEntities, upsertSource, writeResponses, writeStatements } from "../graph/writes/datasetWrites";
import type { Resolution } from "../domain/resolution";
import { resolveDataset, unknownReferences } from "./resolveDataset";
import { quotationKeys, resolveStatements } from "./resolveStatements";
import { readsInTransaction } from "./resolutionReads";
import { DatasetError, type Dataset } from "./dataset";
import { prepareDataset, readDatasetJson } from "./prepare";
import { claimRows, relationshipRows, responseRows, sourceRow, statementRows, type StatementPlan } from "./writeRows";

export interface LoadResult {
  file: string;
  sourceId: string;
  counts: { people: number; states: number; organizations: number; venues: number; events: number; statements: number };
  /** What resolution decided for each entity of the dataset. */
  resolution: Resolution[];
  /** Entities of the dataset that turned out to be other nodes of the graph (the MERGED decisions, by id). */
  mergedInto: { id: string; into: string }[];
  /** New entities drafted under another node's id, and the free id each was (or would be) written under. */
  renamed: { id: string; to: string }[];
  /** Nothing was written: the report of what a load would do. */
  dryRun: boolean;
  ms: number;
}

export interface LoadOptions {
  file: string;
  baseDir?: string;
  /** Resolve against the graph and report, without writing anything. */
  dryRun?: boolean;
  /** The write's time limit, when it may be longer than a request's (the seed at start-up). */
  txTimeoutMs?: number;
  /** Who the change log names for the write (the request's token holder); null when no one (the seed command). */
  actor?: Actor;
}

export async function loadDatasetFile(
  db: Database,
  file: string,
  options: { dryRun?: boolean; txTimeoutMs?: number } = {},
): Promise<LoadResult> {
  return loadDataset(db, readDatasetJson(file), { file, baseDir: path.dirname(file), ...options });
}

export async function loadDataset(db: Database, raw: unknown, options: LoadOptions): Promise<LoadResult> {
  const started = Date.now();
  const { file } = options;
  const { dataset, text, external } = prepareDataset(raw, options);

  const quoteHashes = quotationKeys(dataset.statements);
  const work = async (tx: Transaction) => {
    const graph = readsInTransaction(tx);
    const resolved = await resolveDataset(
      graph,
      dataset,
      external.map((r) => r.id),
    );
    const to = (id: string) => resolved.remap.get(id) ?? resolved.known.get(id) ?? id;
    const statements = await resolveStatements(graph, dataset.statements, to, quoteHashes);
    const statementTo = (id: string) => statements.remap.get(id) ?? id;
    const refused = [...resolved.problems, ...statements.problems, ...unknownReferences(external, resolved.known)];
    if (refused.length) throw new DatasetError(file, refused);
    const existing = [...statements.remap.values()];
    const claimed = (id: string) => resolved.renamed.get(id) ?? id;
    if (!options.dryRun) {
      const ids = { to, claimed };
      await write(tx, dataset, text, ids, { to: statementTo, existing, quoteHashes }, options.actor ?? null);
    }
    return { resolution: [...resolved.resolutions, ...statements.merged], renamed: resolved.renamed };
  };
  const { resolution, renamed } = options.dryRun
    ? await db.readTransaction(work)
    : await db.writeTransaction(work, { timeoutMs: options.txTimeoutMs });

  return {
    file,
    sourceId: dataset.source.id,
    counts: {
      people: dataset.people.length,
      states: dataset.states.length,
      organizations: dataset.organizations.length,
      venues: dataset.venues.length,
      events: dataset.events.length,
      statements: dataset.statements.length,
    },
    resolution,
    mergedInto: resolution
      .filter((r) => r.decision === "MERGED" && r.into && r.into !== r.incoming)
      .map((r) => ({ id: r.incoming, into: r.into! })),
    renamed: [...renamed].map(([id, to]) => ({ id, to })),
    dryRun: options.dryRun ?? false,
    ms: Date.now() - started,
  };
}

/**
 * Writes a resolved dataset: the source, what it claims about each entity, the links it states, its statements, and
 * last the values every touched entity shows (chosen from all sources' claims; a node's id may change there).
 */
async function write(
  tx: Transaction,
  dataset: Dataset,
  text: string,
  ids: { to: (id: string) => string; claimed: (id: string) => string },
  statements: StatementPlan,
  actor: Actor,
): Promise<void> {
  const { to } = ids;
  const sourceId = dataset.source.id;
  const claims = claimRows(dataset, to, ids.claimed);
  const links = relationshipRows(dataset);
  // The change log compares every node this load may touch: what the source said before and what it says now.
  const touched = [
    sourceId,
    ...[...claims.values()].flat().map((r) => r.target),
    ...[...links.values()].flat().flatMap((r) => [to(r.from), to(r.to)]),
    ...dataset.statements.map((s) => statements.to(s.id)),
  ];
  const changes = await ChangeSet.start(tx, [...(await sourceFootprint(tx, sourceId)), ...touched]);
  await upsertSource(tx, sourceRow(dataset, text));
  // What this source said before is taken back first; then it is written as the dataset says it now.
  const withdrawn = await withdrawSource(tx, sourceId);
  const entities: string[] = [];
  for (const [label, rows] of claims) {
    await writeClaims(tx, label, sourceId, rows);
    entities.push(...rows.map((r) => r.target));
  }
  for (const [type, rows] of links) {
    await linkEntities(
      tx,
      type,
      sourceId,
      rows.map((r) => ({ ...r, from: to(r.from), to: to(r.to) })),
    );
  }
  await writeStatements(tx, sourceId, statementRows(dataset, text, to, statements));
  await writeResponses(tx, sourceId, responseRows(dataset, text, to, statements.to));
  // Values are chosen last, from every source's claims. New statements were created with this source's values; those
  // already in the graph choose among their sources'.
  await settle(tx, withdrawn, { entities, statements: statements.existing });
  await changes.finish(tx, touched, { actor, source: sourceId });
}
