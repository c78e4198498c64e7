// Loads one dataset: validate, check provenance, resolve entities already in the graph, write in one transaction.
import fs from "node:fs";
import path from "node:path";
import type { Database, Transaction } from "../graph/database";
import { writeClaims, type ClaimWrite } from "../graph/claims";
import { settle, withdrawSource } from "../graph/sourceWithdrawal";
import {
  linkEntities,
  upsertSource,
  writeStatements,
  type LinkWrite,
  type RelationshipType,
  type StatementWrite,
} from "../graph/datasetWrites";
import type { ResolvableLabel, Resolution } from "../domain/resolution";
import { resolveDataset } from "./resolveDataset";
import { quotationKeys, resolveStatements } from "./resolveStatements";
import { checkDataset } from "./checks";
import { DatasetError, parseDataset, type Dataset } from "./dataset";

export interface LoadResult {
  file: string;
  sourceId: string;
  counts: { people: number; states: number; organizations: number; venues: number; events: number; statements: number };
  /** What resolution decided for each entity of the dataset. */
  resolution: Resolution[];
  /** Entities of the dataset that turned out to be other nodes of the graph (the MERGED decisions, by id). */
  mergedInto: { id: string; into: string }[];
  /** Nothing was written: the report of what a load would do. */
  dryRun: boolean;
  ms: number;
}

export interface LoadOptions {
  file: string;
  baseDir?: string;
  /** Resolve against the graph and report, without writing anything. */
  dryRun?: boolean;
}

/** Where a dataset's statements go: the node of each (resolved), those already in the graph, quotation keys. */
interface StatementPlan {
  to: (id: string) => string;
  existing: string[];
  quoteHashes: ReadonlyMap<string, string>;
}

type Link = string | { id: string; fromSource: boolean; note?: string } | undefined;

const linkId = (l: Link) => (typeof l === "string" ? l : l?.id);
const linkProps = (l: Link): Record<string, unknown> =>
  typeof l === "object" ? { fromSource: l.fromSource, note: l.note ?? null } : { fromSource: true };

export async function loadDatasetFile(
  db: Database,
  file: string,
  options: { dryRun?: boolean } = {},
): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new DatasetError(file, [`cannot read it as JSON: ${(e as Error).message}`]);
  }
  return loadDataset(db, raw, { file, baseDir: path.dirname(file), ...options });
}

export async function loadDataset(db: Database, raw: unknown, options: LoadOptions): Promise<LoadResult> {
  const started = Date.now();
  const { file } = options;
  const dataset = parseDataset(file, raw);
  const text = sourceText(dataset, options);
  const { problems, external } = checkDataset(dataset, text);
  if (problems.length > 0) throw new DatasetError(file, problems);

  const quoteHashes = quotationKeys(dataset);
  const work = async (tx: Transaction) => {
    const resolved = await resolveDataset(
      tx,
      dataset,
      external.map((r) => r.id),
    );
    const to = (id: string) => resolved.remap.get(id) ?? resolved.known.get(id) ?? id;
    const statements = await resolveStatements(tx, dataset, to, quoteHashes);
    const statementTo = (id: string) => statements.remap.get(id) ?? id;
    const unknown = external.filter((r) => !resolved.known.has(r.id));
    const refused = [
      ...resolved.problems,
      ...statements.problems,
      ...unknown.map((r) => `${r.where}: ${r.id} is neither defined in this dataset nor in the graph`),
    ];
    if (refused.length) throw new DatasetError(file, refused);
    const existing = [...statements.remap.values()];
    if (!options.dryRun) await write(tx, dataset, text, to, { to: statementTo, existing, quoteHashes });
    return [...resolved.resolutions, ...statements.merged];
  };
  const resolution = options.dryRun ? await db.readTransaction(work) : await db.writeTransaction(work);

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
  to: (id: string) => string,
  statements: StatementPlan,
): Promise<void> {
  const sourceId = dataset.source.id;
  await upsertSource(tx, {
    id: sourceId,
    title: dataset.source.title,
    publishedOn: dataset.source.publishedOn,
    dateline: dataset.source.dateline ?? null,
    publisher: dataset.source.publisher ?? null,
    url: dataset.source.url ?? null,
    text,
  });
  // What this source said before is taken back first; then it is written as the dataset says it now.
  const withdrawn = await withdrawSource(tx, sourceId);
  const entities: string[] = [];
  for (const [label, rows] of claimRows(dataset, to)) {
    await writeClaims(tx, label, sourceId, rows);
    entities.push(...rows.map((r) => r.target));
  }
  for (const [type, rows] of relationshipRows(dataset)) {
    await linkEntities(
      tx,
      type,
      sourceId,
      rows.map((r) => ({ ...r, from: to(r.from), to: to(r.to) })),
    );
  }
  await writeStatements(tx, sourceId, statementRows(dataset, text, to, statements));
  // Values are chosen last, from every source's claims. New statements were created with this source's values; those
  // already in the graph choose among their sources'.
  await settle(tx, withdrawn, { entities, statements: statements.existing });
}

function sourceText(dataset: Dataset, where: LoadOptions): string {
  const { text, textFile } = dataset.source;
  if (text !== undefined && textFile !== undefined)
    throw new DatasetError(where.file, ["source: give either text or textFile, not both"]);
  if (text !== undefined) return text;
  if (textFile === undefined)
    throw new DatasetError(where.file, ["source: the article's text is missing (give text or textFile)"]);
  if (!where.baseDir)
    throw new DatasetError(where.file, [
      "source.textFile: only datasets loaded from a file may refer to a text file; give text",
    ]);
  const full = path.resolve(where.baseDir, textFile);
  if (path.relative(where.baseDir, full).startsWith("..")) {
    throw new DatasetError(where.file, [`source.textFile: ${textFile} must be inside the dataset's folder`]);
  }
  if (!fs.existsSync(full)) throw new DatasetError(where.file, [`source.textFile: ${full} does not exist`]);
  return fs.readFileSync(full, "utf8");
}

function claimRows(dataset: Dataset, to: (id: string) => string): Map<ResolvableLabel, ClaimWrite[]> {
  const claim = (e: {
    id: string;
    name: string;
    aliases: string[];
    description?: string;
    fromSource: boolean;
    extraction?: { confidence: number; cue: string };
  }) => ({
    target: to(e.id),
    id: e.id,
    name: e.name,
    aliases: e.aliases,
    description: e.description ?? null,
    fromSource: e.fromSource,
    isoCode: null,
    kind: null,
    date: null,
    datePrecision: null,
    startsAt: null,
    extractionConfidence: e.extraction?.confidence ?? null,
    extractionCue: e.extraction?.cue ?? null,
  });
  return new Map<ResolvableLabel, ClaimWrite[]>([
    ["Person", dataset.people.map(claim)],
    ["State", dataset.states.map((e) => ({ ...claim(e), isoCode: e.isoCode }))],
    ["Organization", dataset.organizations.map(claim)],
    ["Venue", dataset.venues.map((e) => ({ ...claim(e), kind: e.kind }))],
    [
      "Event",
      dataset.events.map((e) => ({
        ...claim(e),
        date: e.date ?? null,
        datePrecision: e.date ? (e.datePrecision ?? null) : null,
        startsAt: e.startsAt ?? null,
      })),
    ],
  ]);
}

function relationshipRows(dataset: Dataset): Map<RelationshipType, LinkWrite[]> {
  const rows = new Map<RelationshipType, LinkWrite[]>();
  const add = (type: RelationshipType, from: string, to: Link, extra: Record<string, unknown> = {}) => {
    const toId = linkId(to);
    if (!toId) return;
    const list = rows.get(type) ?? [];
    list.push({ from, to: toId, props: { ...linkProps(to), ...extra } });
    rows.set(type, list);
  };
  for (const o of dataset.organizations) add("PART_OF", o.id, o.partOf);
  for (const v of dataset.venues) {
    add("LOCATED_IN", v.id, v.locatedIn);
    add("IN_STATE", v.id, v.state);
  }
  for (const e of dataset.events) {
    add("HELD_AT", e.id, e.venue);
    add("FOLLOWS", e.id, e.follows);
    for (const p of e.participants) add("PARTICIPATED_IN", p.id, e.id, { role: p.role ?? null });
  }
  for (const o of dataset.offices) add("HOLDS_OFFICE", o.person, o.state, { title: o.title, since: o.since ?? null });
  for (const m of dataset.memberships) add("MEMBER_OF", m.member, m.organization);
  return rows;
}

function statementRows(
  dataset: Dataset,
  text: string,
  resolve: (id: string) => string,
  statements: StatementPlan,
): StatementWrite[] {
  const existing = new Set(statements.existing);
  const statementTo = statements.to;
  return dataset.statements.map((s) => ({
    id: statementTo(s.id),
    claimId: s.id,
    isNew: !existing.has(statementTo(s.id)),
    quoteHash: statements.quoteHashes.get(s.id) ?? null,
    text: s.text,
    kind: s.kind,
    saidOn: s.saidOn ?? null,
    datePrecision: s.saidOn ? (s.datePrecision ?? "DAY") : null,
    time: s.time ?? null,
    channel: s.channel ?? null,
    recurring: s.recurring,
    speaker: resolve(s.speaker),
    venue: { id: linkId(s.venue) ? resolve(linkId(s.venue)!) : null, ...linkProps(s.venue) },
    event: { id: linkId(s.event) ? resolve(linkId(s.event)!) : null, ...linkProps(s.event) },
    mentions: [...new Set(s.mentions.map(resolve))],
    // The excerpt is stored with the span, so reads never load the whole source text for it.
    evidence: s.evidence.map((span) => ({ ...span, excerpt: text.slice(span.start, span.end) })),
    extraction: s.extraction ?? null,
  }));
}
