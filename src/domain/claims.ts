// Claims: what each source asserts about an entity (its name, aliases, description, an event's date, …), and the
// one rule that picks the value a query sees when sources disagree. Pure: the data layer reads the claims, calls
// chooseValues and stores its answer on the node, so reads stay one index seek.
import type { Precision } from "./dates";

/** The fields a source asserts about an entity, as the dataset names them. */
export const CLAIMED_FIELDS = ["name", "aliases", "description", "isoCode", "kind", "date", "startsAt"] as const;
export type ClaimedField = (typeof CLAIMED_FIELDS)[number];

/** Whose claims they are: a source, with its publication date (an earlier source is older; the newer breaks ties). */
interface Claimed {
  sourceId: string;
  publishedOn: string;
  /** The id this source knows the entity or statement by (before resolution merged it). */
  id: string;
}

/** One source's assertions about one entity: the values it gives (absent: it says nothing about the field). */
export interface SourceClaims extends Claimed {
  name: string;
  aliases: string[];
  description?: string | null;
  isoCode?: string | null;
  kind?: string | null;
  date?: string | null;
  datePrecision?: Precision | null;
  startsAt?: string | null;
  /** false when the dataset added the entity as outside knowledge, not named by its source. */
  fromSource: boolean;
}

export interface ChosenValues {
  /** The id the entity goes by: the one its earliest source used (the others stay alias ids). */
  id: string;
  name: string;
  aliases: string[];
  fromSource: boolean;
  /** Values of the other fields; a field no source asserts is null. */
  props: Partial<Record<Exclude<ClaimedField, "name" | "aliases">, string | null>> & {
    datePrecision?: Precision | null;
  };
}

interface Vote<T> {
  value: T;
  /** Sources asserting it, newest first. */
  sources: Claimed[];
}

/** Newest first: publication date, then source id, so that any load order gives the same answer. */
const newestFirst = (a: Claimed, b: Claimed) =>
  b.publishedOn.localeCompare(a.publishedOn) || b.sourceId.localeCompare(a.sourceId);

function votes<C extends Claimed, T>(claims: C[], valueOf: (c: C) => T | null | undefined, key: (v: T) => string) {
  const byKey = new Map<string, Vote<T>>();
  for (const claim of [...claims].sort(newestFirst)) {
    const value = valueOf(claim);
    if (value === null || value === undefined) continue;
    const vote: Vote<T> = byKey.get(key(value)) ?? { value, sources: [] };
    vote.sources.push(claim);
    byKey.set(key(value), vote);
  }
  return [...byKey.values()];
}

/** The most corroborated value (most sources), then the newest source's. */
function mostCorroborated<T>(list: Vote<T>[]): T | null {
  const best = [...list].sort(
    (a, b) => b.sources.length - a.sources.length || newestFirst(a.sources[0]!, b.sources[0]!),
  )[0];
  return best ? best.value : null;
}

const RANK: Record<Precision, number> = { DAY: 3, MONTH: 2, YEAR: 1 };

/** The period a dated claim stands for: "2025-05-16" (DAY), "2025-05" (MONTH), "2025" (YEAR). */
const period = (date: string, precision: Precision) =>
  precision === "DAY" ? date : precision === "MONTH" ? date.slice(0, 7) : date.slice(0, 4);

/** One date lies within the other's period (2025-05-16 DAY within 2025-05 MONTH), or they are equal. */
export function datesCompatible(a: { date: string; precision: Precision }, b: { date: string; precision: Precision }) {
  const [fine, coarse] = RANK[a.precision] >= RANK[b.precision] ? [a, b] : [b, a];
  return period(fine.date, fine.precision).startsWith(period(coarse.date, coarse.precision));
}

/**
 * The date a query sees: the most precise one consistent with every other claim; when claims contradict each other
 * (two different days), the most corroborated, then the newest source's.
 */
export function chooseDate(
  claims: {
    sourceId: string;
    publishedOn: string;
    id: string;
    date?: string | null;
    datePrecision?: Precision | null;
  }[],
): { date: string; precision: Precision } | null {
  const dated = votes(
    claims,
    (c) => (c.date ? { date: c.date, precision: c.datePrecision ?? "DAY" } : null),
    (d) => `${d.date} ${d.precision}`,
  );
  if (dated.length === 0) return null;
  const consistent = dated.filter((d) => dated.every((other) => datesCompatible(d.value, other.value)));
  if (consistent.length > 0) {
    return [...consistent].sort((a, b) => RANK[b.value.precision] - RANK[a.value.precision])[0]!.value;
  }
  return mostCorroborated(dated);
}

/**
 * The name: the one most sources use (as their name or as an alias: "Jane Doe" beats "J. Doe" when the other source
 * lists it too), then the newest source's.
 */
function chooseName(claims: SourceClaims[], preferId: string | undefined): string {
  const named = votes(claims, (c) => c.name, String);
  for (const vote of named) {
    vote.sources = claims.filter((c) => c.name === vote.value || c.aliases.includes(vote.value)).sort(newestFirst);
  }
  // Within one source (two of its entities merged), the name of the one whose id the node keeps.
  const own = (v: Vote<string>) => (claims.some((c) => c.id === preferId && c.name === v.value) ? 0 : 1);
  const best = [...named].sort(
    (a, b) => b.sources.length - a.sources.length || newestFirst(a.sources[0]!, b.sources[0]!) || own(a) - own(b),
  )[0];
  return best!.value;
}

/** What a curator set by hand (mutations): these values win over every source's. */
export type CuratedValues = Partial<Record<ClaimedField | "datePrecision", string | null>>;

/**
 * The values an entity shows, from every source's claims and a curator's values. The rule: a curator's value first;
 * for dates the most precise one consistent with the others; else the most corroborated; else the newest source's.
 */
export function chooseValues(
  claims: SourceClaims[],
  curated: CuratedValues = {},
  /** The id the node keeps when a curator chose it (else the earliest source's). */
  keptId?: string,
): ChosenValues | null {
  if (claims.length === 0) return null;
  const id = keptId ?? earliestId(claims);
  const oldestFirst = [...claims].sort((a, b) => -newestFirst(a, b));
  const has = (field: keyof CuratedValues) => Object.hasOwn(curated, field);
  const name = has("name") ? curated.name! : chooseName(claims, id);
  const aliases: string[] = [];
  for (const claim of oldestFirst) {
    for (const alias of [claim.name, ...claim.aliases]) {
      if (alias !== name && !aliases.includes(alias)) aliases.push(alias);
    }
  }
  const props: ChosenValues["props"] = {};
  for (const field of ["description", "isoCode", "kind", "startsAt"] as const) {
    props[field] = has(field) ? curated[field]! : mostCorroborated(votes(claims, (c) => c[field], String));
  }
  const date = has("date")
    ? { date: curated.date, precision: curated.datePrecision as Precision | null }
    : chooseDate(claims);
  props.date = date?.date ?? null;
  props.datePrecision = date?.date ? date.precision : null;
  return { id, name, aliases, fromSource: claims.some((c) => c.fromSource), props };
}

/** The id of the earliest source; within one source the smallest, so that load order never changes it. */
function earliestId(claims: Claimed[]): string {
  const oldest = claims.reduce((min, c) => (c.publishedOn < min ? c.publishedOn : min), claims[0]!.publishedOn);
  return claims
    .filter((c) => c.publishedOn === oldest)
    .map((c) => c.id)
    .sort()[0]!;
}

/** One source's report of a statement: its words and when, where and how it was said. */
export interface StatementClaims extends Claimed {
  text: string;
  kind: string;
  saidOn: string | null;
  datePrecision: Precision | null;
  time: string | null;
  channel: string | null;
  recurring: boolean;
}

/** The values a statement shows: a claim's fields, and the id it goes by. */
export type ChosenStatement = Omit<StatementClaims, "sourceId" | "publishedOn">;

/** A statement reported by several sources: the same rule as for entities, field by field. */
export function chooseStatementValues(
  claims: StatementClaims[],
  curated: CuratedStatement = {},
): ChosenStatement | null {
  if (claims.length === 0) return null;
  const pick = <K extends "text" | "kind" | "time" | "channel">(field: K) =>
    Object.hasOwn(curated, field) ? (curated[field] ?? null) : mostCorroborated(votes(claims, (c) => c[field], String));
  const date = Object.hasOwn(curated, "saidOn")
    ? curated.saidOn
      ? { date: curated.saidOn, precision: curated.datePrecision ?? "DAY" }
      : null
    : chooseDate(claims.map((c) => ({ ...c, date: c.saidOn })));
  return {
    id: earliestId(claims),
    text: pick("text")!,
    kind: pick("kind")!,
    saidOn: date?.date ?? null,
    datePrecision: date?.precision ?? null,
    time: pick("time"),
    channel: pick("channel"),
    recurring: claims.some((c) => c.recurring),
  };
}

/** What a curator set on a statement by hand. */
export type CuratedStatement = Partial<
  Record<"text" | "kind" | "time" | "channel" | "saidOn", string | null> & { datePrecision: Precision | null }
>;
