// The reviewer's changes to an article's draft, and the dataset they make for importDataset: the draft's dataset with
// each statement's speaker, kind and date as edited and dropped statements left out. Pure: no DOM, no requests.
import type { DatePrecision, DraftArticleMutation, StatementKind } from "../generated/graphql";

export type Draft = DraftArticleMutation["ingestArticle"];
export type DraftStatement = Draft["statements"][number];
export type DraftEntity = Draft["entities"][number];

/** What the reviewer decided about one statement; it starts as the extractor drafted it. */
export interface StatementEdit {
  speaker: string;
  kind: StatementKind;
  /** The date as entered (YYYY-MM-DD), or null: undated. */
  saidOn: string | null;
  datePrecision: DatePrecision | null;
  dropped: boolean;
}

export type Edits = Map<string, StatementEdit>;

/**
 * The fields of the dataset format (src/load/dataset.ts) that a review changes. Everything else in the draft's
 * dataset is passed on untouched, so this is not a copy of that format.
 */
interface DatasetStatement {
  id: string;
  speaker: string;
  kind: StatementKind;
  saidOn?: string;
  datePrecision?: DatePrecision;
  [field: string]: unknown;
}

interface Dataset {
  statements: DatasetStatement[];
  [field: string]: unknown;
}

/** The types a statement's speaker may have (the dataset's people, states and organizations). */
export const SPEAKER_TYPES = ["PERSON", "STATE", "ORGANIZATION"];

/** The dataset's lists of entities: an entry nothing refers to any more is left out of the import. */
const ENTITY_LISTS = ["people", "states", "organizations", "venues", "events"] as const;

export function initialEdits(draft: Draft): Edits {
  return new Map(
    draft.statements.map((s) => [
      s.id,
      {
        speaker: s.speaker.id,
        kind: s.kind,
        saidOn: s.saidOn,
        datePrecision: s.saidOn ? (s.datePrecision ?? "DAY") : null,
        dropped: false,
      },
    ]),
  );
}

/** A MONTH or YEAR date is written as the first day of its period (src/domain/dates.ts): 2025-06-09 → 2025-06-01. */
export function datasetDate(date: string, precision: DatePrecision): string {
  if (precision === "YEAR") return `${date.slice(0, 4)}-01-01`;
  if (precision === "MONTH") return `${date.slice(0, 7)}-01`;
  return date;
}

function isDataset(value: unknown): value is Dataset {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as { statements?: unknown }).statements) &&
    typeof (value as { source?: unknown }).source === "object"
  );
}

/** Every string found anywhere in a value: the ids it refers to, among other words. */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (typeof value === "object" && value !== null)
    for (const item of Object.values(value)) collectStrings(item, into);
}

/**
 * The ids the dataset's statements, offices and memberships refer to, and, in turn, the ids those entities link to
 * (a venue's city, an organization's state, an event's venue and participants). sameAs and distinctFrom name nodes
 * of the graph, not entries.
 */
function referencedIds(dataset: Dataset): Set<string> {
  const found = new Set<string>();
  collectStrings([dataset.statements, dataset.offices, dataset.memberships], found);
  const entities = ENTITY_LISTS.flatMap((list) => {
    const entries = dataset[list];
    return Array.isArray(entries) ? (entries as { id: string }[]) : [];
  });
  const followed = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const entity of entities) {
      if (!found.has(entity.id) || followed.has(entity.id)) continue;
      followed.add(entity.id);
      grew = true;
      const { id: _id, sameAs: _sameAs, distinctFrom: _distinctFrom, ...links } = entity as Record<string, unknown>;
      collectStrings(links, found);
    }
  }
  return found;
}

/**
 * The draft's dataset as reviewed: statements with the edited speaker, kind and date (both date fields removed when
 * cleared), dropped statements left out, and so the people, states, organizations, venues and events only they named.
 */
export function reviewedDataset(dataset: unknown, edits: Edits): Record<string, unknown> {
  if (!isDataset(dataset)) throw new Error("The draft's dataset has no source and statements: extract again.");
  const statements: DatasetStatement[] = [];
  for (const statement of dataset.statements) {
    const edit = edits.get(statement.id);
    if (edit?.dropped) continue;
    if (!edit) {
      statements.push(statement);
      continue;
    }
    const { saidOn: _saidOn, datePrecision: _datePrecision, ...rest } = statement;
    const precision = edit.datePrecision ?? "DAY";
    statements.push({
      ...rest,
      speaker: edit.speaker,
      kind: edit.kind,
      ...(edit.saidOn ? { saidOn: datasetDate(edit.saidOn, precision), datePrecision: precision } : {}),
    });
  }
  const reviewed: Dataset = { ...dataset, statements };
  const referenced = referencedIds(reviewed);
  for (const list of ENTITY_LISTS) {
    const entries = reviewed[list];
    if (Array.isArray(entries)) reviewed[list] = (entries as { id: string }[]).filter((e) => referenced.has(e.id));
  }
  return reviewed;
}
