// Loads one dataset: validate, check provenance, resolve entities already in the graph, write in one transaction.
import fs from "node:fs";
import path from "node:path";
import type { Database } from "../graph/database";
import {
  detachStatements,
  entitiesSharingNames,
  existingIds,
  linkEntities,
  missingIds,
  removeRelationshipsOfSource,
  removeStatementsDroppedFromSource,
  upsertEntities,
  upsertSource,
  writeStatements,
  type EntityWrite,
  type LinkWrite,
  type RelationshipType,
  type StatementWrite,
} from "../graph/datasetWrites";
import type { EntityLabel } from "../domain/labels";
import { nameKeys } from "../domain/names";
import { checkDataset } from "./checks";
import { DatasetError, parseDataset, type Dataset } from "./dataset";

export interface LoadResult {
  file: string;
  sourceId: string;
  counts: { people: number; states: number; organizations: number; venues: number; events: number; statements: number };
  /** Entities of the dataset that turned out to be ones already in the graph (shared name or alias). */
  mergedInto: { id: string; into: string }[];
  ms: number;
}

type Link = string | { id: string; fromSource: boolean; note?: string } | undefined;

const linkId = (l: Link) => (typeof l === "string" ? l : l?.id);
const linkProps = (l: Link): Record<string, unknown> =>
  typeof l === "object" ? { fromSource: l.fromSource, note: l.note ?? null } : { fromSource: true };

export async function loadDatasetFile(db: Database, file: string): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw new DatasetError(file, [`cannot read it as JSON: ${(e as Error).message}`]);
  }
  return loadDataset(db, raw, { file, baseDir: path.dirname(file) });
}

export async function loadDataset(
  db: Database,
  raw: unknown,
  where: { file: string; baseDir?: string },
): Promise<LoadResult> {
  const started = Date.now();
  const { file } = where;
  const dataset = parseDataset(file, raw);
  const text = sourceText(dataset, where);
  const { problems, external } = checkDataset(dataset, text);
  if (problems.length > 0) throw new DatasetError(file, problems);

  const entities = entityRows(dataset);
  const mergedInto: LoadResult["mergedInto"] = [];

  await db.writeTransaction(async (tx) => {
    mergedInto.length = 0;
    // Entities new to the graph may still be known under another id: one shared name or alias makes them the same.
    const allIds = [...entities.values()].flat().map((e) => e.row.id);
    const known = await existingIds(tx, allIds);
    const fresh = [...entities.values()].flat().filter((e) => !known.has(e.row.id));
    const matches = await entitiesSharingNames(
      tx,
      fresh.map((e) => ({ id: e.row.id, keys: e.row.keys })),
    );
    const remap = new Map<string, string>();
    const ambiguous: string[] = [];
    for (const [id, candidates] of matches) {
      if (candidates.length === 1) remap.set(id, candidates[0]!);
      else
        ambiguous.push(
          `${id}: its names match several entities in the graph (${candidates.join(", ")}); use one of their ids`,
        );
    }
    if (ambiguous.length) throw new DatasetError(file, ambiguous);
    for (const [id, into] of remap) mergedInto.push({ id, into });
    const resolve = (id: string) => remap.get(id) ?? id;

    const missing = external.filter((r) => !known.has(resolve(r.id)));
    if (missing.length) {
      const absent = await missingIds(tx, [...new Set(missing.map((r) => resolve(r.id)))]);
      const unknown = missing.filter((r) => absent.has(resolve(r.id)));
      if (unknown.length) {
        throw new DatasetError(
          file,
          unknown.map((r) => `${r.where}: ${r.id} is neither defined in this dataset nor in the graph`),
        );
      }
    }

    await upsertSource(tx, {
      id: dataset.source.id,
      title: dataset.source.title,
      publishedOn: dataset.source.publishedOn,
      dateline: dataset.source.dateline ?? null,
      publisher: dataset.source.publisher ?? null,
      url: dataset.source.url ?? null,
      text,
    });
    for (const [label, list] of entities) {
      await upsertEntities(
        tx,
        label,
        list.map(({ row }) => {
          const into = remap.get(row.id);
          return into ? { ...row, id: into, keepName: true, aliases: [...row.aliases, row.name] } : row;
        }),
      );
    }
    await removeRelationshipsOfSource(tx, dataset.source.id);
    for (const [type, rows] of relationshipRows(dataset)) {
      await linkEntities(
        tx,
        type,
        dataset.source.id,
        rows.map((r) => ({ ...r, from: resolve(r.from), to: resolve(r.to) })),
      );
    }
    await removeStatementsDroppedFromSource(
      tx,
      dataset.source.id,
      dataset.statements.map((s) => s.id),
    );
    // On a bulk load nearly every statement is new: only those already in the graph need their old links removed.
    const restated = await existingIds(
      tx,
      dataset.statements.map((s) => s.id),
    );
    await detachStatements(tx, dataset.source.id, [...restated]);
    await writeStatements(tx, dataset.source.id, statementRows(dataset, text, resolve));
  });

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
    mergedInto,
    ms: Date.now() - started,
  };
}

function sourceText(dataset: Dataset, where: { file: string; baseDir?: string }): string {
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

function entityRows(dataset: Dataset): Map<EntityLabel, { row: EntityWrite }[]> {
  const base = (
    prefix: string,
    e: { id: string; name: string; aliases: string[]; description?: string; fromSource: boolean },
  ) => ({
    id: e.id,
    name: e.name,
    aliases: e.aliases,
    description: e.description ?? null,
    fromSource: e.fromSource,
    keepName: false,
    keys: nameKeys([e.name, ...e.aliases]).map((k) => `${prefix}|${k}`),
  });
  return new Map<EntityLabel, { row: EntityWrite }[]>([
    ["Person", dataset.people.map((e) => ({ row: { ...base("person", e), props: {} } }))],
    ["State", dataset.states.map((e) => ({ row: { ...base("state", e), props: { isoCode: e.isoCode } } }))],
    ["Organization", dataset.organizations.map((e) => ({ row: { ...base("organization", e), props: {} } }))],
    ["Venue", dataset.venues.map((e) => ({ row: { ...base("venue", e), props: { kind: e.kind } } }))],
    [
      "Event",
      dataset.events.map((e) => ({
        row: {
          ...base("event", e),
          props: { datePrecision: e.datePrecision ?? null },
          date: e.date ?? null,
          startsAt: e.startsAt ?? null,
        },
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

function statementRows(dataset: Dataset, text: string, resolve: (id: string) => string): StatementWrite[] {
  return dataset.statements.map((s) => ({
    id: s.id,
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
  }));
}
