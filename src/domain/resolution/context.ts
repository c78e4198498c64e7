// What besides the name tells two entities apart or together, label by label: a state's ISO code; a person's
// offices, states and organizations (support only: people move); the state an organization belongs to; where a
// venue lies and what kind it is; an event's date, venue and participants.
import { compareDates } from "./eventDates";
import { numbersIn, personName, titleWords } from "./nameParts";
import type { EntityProfile, Evidence } from "./types";
import { CONTEXT, SAME_ISO_CODE, SAME_OCCASION } from "./weights";

export interface ContextEvidence extends Evidence {
  /** The least score the candidate gets whatever its name (the same ISO code). */
  floor?: number;
}

const NOTHING: ContextEvidence = { score: 0, reasons: [], contradiction: null };

/** Merges the evidence of several rules: bonuses add up, reasons and contradictions are kept in order. */
function all(...parts: ContextEvidence[]): ContextEvidence {
  const contradictions = parts.map((part) => part.contradiction).filter((c): c is string => c !== null);
  const floors = parts.map((part) => part.floor ?? 0);
  return {
    score: parts.reduce((sum, part) => sum + part.score, 0),
    reasons: parts.flatMap((part) => part.reasons),
    contradiction: contradictions.length > 0 ? contradictions.join("; ") : null,
    ...(Math.max(...floors) > 0 ? { floor: Math.max(...floors) } : {}),
  };
}

interface LinkRule {
  bonus: number;
  /** "same venue" → "same venue: venue:x". */
  same: string;
  /** "held at different venues" → a contradiction when both are known and none is shared; none when omitted. */
  different?: string;
}

/** Two lists of linked ids: shared ids support; both known and none shared may contradict. */
function links(a: readonly string[] | undefined, b: readonly string[] | undefined, rule: LinkRule): ContextEvidence {
  if (!a?.length || !b?.length) return NOTHING;
  const shared = [...new Set(a.filter((id) => b.includes(id)))].sort();
  if (shared.length > 0) {
    return { score: rule.bonus, reasons: [`${rule.same}: ${shared.join(", ")}`], contradiction: null };
  }
  if (!rule.different) return NOTHING;
  return { score: 0, reasons: [], contradiction: `${rule.different}: ${a.join(", ")} vs ${b.join(", ")}` };
}

// Words that make a title another office: a vice president is not the president, nor a deputy minister the minister.
const RANK_WORDS = new Set(["vice", "deputy", "assistant", "under", "acting", "former", "first", "prime"]);

/**
 * Titles alike: the same words, or one's words within the other's with no rank word added (Foreign Minister and
 * Minister of Foreign Affairs; President and President of Ukraine; not President and Vice President).
 */
export function similarTitles(a: readonly string[], b: readonly string[]): boolean {
  const [x, y] = [new Set(a), new Set(b)];
  if (x.size === 0 || y.size === 0) return false;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (![...small].every((word) => large.has(word))) return false;
  return ![...large].some((word) => !small.has(word) && RANK_WORDS.has(word));
}

type Office = { state: string; title: string };

function sameOffice(a: readonly Office[], b: readonly Office[]): ContextEvidence {
  for (const x of a) {
    for (const y of b) {
      if (x.state === y.state && similarTitles(titleWords(x.title), titleWords(y.title))) {
        return { score: CONTEXT.office, reasons: [`same office: ${y.title} of ${y.state}`], contradiction: null };
      }
    }
  }
  return NOTHING;
}

/** A title written before one's name ("President Zelensky") that matches an office the other holds. */
function titleMatchesOffice(names: readonly string[], offices: readonly Office[]): ContextEvidence {
  for (const name of names) {
    const { title } = personName(name);
    const office = offices.find((o) => similarTitles(title, titleWords(o.title)));
    if (office) {
      const reason = `title in "${name}" matches office ${office.title} of ${office.state}`;
      return { score: CONTEXT.titleOffice, reasons: [reason], contradiction: null };
    }
  }
  return NOTHING;
}

function person(a: EntityProfile, b: EntityProfile): ContextEvidence {
  const [officesA, officesB] = [a.offices ?? [], b.offices ?? []];
  const office = sameOffice(officesA, officesB);
  const title = office.score > 0 ? NOTHING : titleMatchesOffice(a.names, officesB);
  const titleBack = office.score > 0 || title.score > 0 ? NOTHING : titleMatchesOffice(b.names, officesA);
  const statesOf = (p: EntityProfile) => [...(p.states ?? []), ...(p.offices ?? []).map((o) => o.state)];
  return all(
    office,
    title,
    titleBack,
    links(statesOf(a), statesOf(b), { bonus: CONTEXT.link, same: "same state" }),
    links(a.organizations, b.organizations, { bonus: CONTEXT.link, same: "same organization" }),
  );
}

function state(a: EntityProfile, b: EntityProfile): ContextEvidence {
  if (!a.isoCode || !b.isoCode) return NOTHING;
  const [x, y] = [a.isoCode.toUpperCase(), b.isoCode.toUpperCase()];
  if (x !== y) return { score: 0, reasons: [], contradiction: `different ISO codes: ${x} vs ${y}` };
  return { score: 0, reasons: [`same ISO code ${x}`], contradiction: null, floor: SAME_ISO_CODE };
}

function organization(a: EntityProfile, b: EntityProfile): ContextEvidence {
  return links(a.states, b.states, {
    bonus: CONTEXT.place,
    same: "part of the same state",
    different: "part of different states",
  });
}

// Kinds of venue that cannot be one another: a building or site is not a city, region, country or waterway, nor a
// waterway a city or territory. A city and a region are often confused (Istanbul the city, the province) and
// a building and a site (a palace, its grounds): those differ without contradicting.
const KIND_CLASS: Record<string, "structure" | "territory" | "water"> = {
  building: "structure", site: "structure", city: "territory", region: "territory", country: "territory",
  waterway: "water",
}; // prettier-ignore

function venueKind(a: EntityProfile, b: EntityProfile): ContextEvidence {
  const [x, y] = [a.kind?.toLowerCase(), b.kind?.toLowerCase()];
  if (!x || !y) return NOTHING;
  if (x === y) return { score: CONTEXT.kind, reasons: [`same kind: ${x}`], contradiction: null };
  const [classX, classY] = [KIND_CLASS[x], KIND_CLASS[y]];
  if (!classX || !classY || classX === classY) return NOTHING;
  return { score: 0, reasons: [], contradiction: `incompatible kinds: ${x} vs ${y}` };
}

function venue(a: EntityProfile, b: EntityProfile): ContextEvidence {
  return all(
    venueKind(a, b),
    links(a.states, b.states, { bonus: CONTEXT.place, same: "in the same state", different: "in different states" }),
    links(a.locatedIn, b.locatedIn, {
      bonus: CONTEXT.place,
      same: "located in the same place",
      different: "located in different places",
    }),
  );
}

function event(a: EntityProfile, b: EntityProfile): ContextEvidence {
  const dates = compareDates(a.date, b.date);
  const venues = links(a.venues, b.venues, {
    bonus: CONTEXT.place,
    same: "same venue",
    different: "held at different venues",
  });
  const participants = links(a.participants, b.participants, {
    bonus: CONTEXT.participants,
    same: "shared participants",
  });
  return all(dates, venues, participants, sameOccasion(a, b, [dates, venues, participants]));
}

/**
 * Outlets name an occasion freely ("First round of the water talks", "the first day of negotiations"), so for
 * events the context decides where the names do not: the same place in a series (both names say "first"), at the
 * same venue, on compatible dates, with someone taking part in both, is one occasion told twice.
 */
function sameOccasion(a: EntityProfile, b: EntityProfile, parts: ContextEvidence[]): ContextEvidence {
  const [dates, venues, participants] = parts;
  const ordinals = (p: EntityProfile) => [...new Set(p.names.flatMap(numbersIn))].sort().join(",");
  const series = ordinals(a);
  const supported = [dates, venues, participants].every((part) => part!.score > 0 && part!.contradiction === null);
  if (!series || series !== ordinals(b) || !supported) return NOTHING;
  const reason = `the same occasion: number ${series} of a series, at the same venue, dated alike, shared participants`;
  return { score: 0, reasons: [reason], contradiction: null, floor: SAME_OCCASION };
}

const RULES = { Person: person, State: state, Organization: organization, Venue: venue, Event: event } as const;

/** The context evidence of an existing entity of the same label as the incoming one. */
export function compareContext(incoming: EntityProfile, existing: EntityProfile): ContextEvidence {
  return RULES[incoming.label](incoming, existing);
}
