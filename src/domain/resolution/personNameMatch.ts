// People's names compared: surnames first (the last word, titles stripped), then given names, where an initial
// stands for any given name with its letter and a bare surname is compatible but weak. Two different given names
// with one surname are two people (Olena Kovalenko, Anna Kovalenko), as are a name's masculine and feminine forms.
import { nameKey } from "../names";
import { personName, type GivenName, type PersonName } from "./nameParts";
import { skeleton, vowelInitialVariant } from "./skeleton";
import type { Evidence } from "./types";
import { NAME } from "./weights";
import { compareWords, type WordMatch } from "./wordMatch";

interface PairMatch {
  score: number;
  reason: string;
  conflict: string | null;
  /** Both names have given names: a full comparison, which overrules conflicts found through bare surnames. */
  full: boolean;
}

const LEVEL = { exact: NAME.exact, variant: NAME.variant, near: NAME.near } as const;
const DESCRIBED = { variant: "transliteration variant", near: "near spelling" } as const;

type Level = keyof typeof LEVEL;

const initialMatches = (initial: string, name: string): boolean =>
  name.startsWith(initial) || skeleton(name).startsWith(skeleton(initial));

/** How a given name of the shorter list meets one of the longer: a level, "initial", or no match / gendered. */
function matchGiven(x: GivenName, y: GivenName): Level | "initial" | WordMatch["kind"] {
  // Two initials alike are no stronger than one: V. Zelensky and V. Zelenskyy may still be two people.
  if (x.initial && y.initial) return x.text === y.text || skeleton(x.text) === skeleton(y.text) ? "initial" : "none";
  if (x.initial) return initialMatches(x.text, y.text) ? "initial" : "none";
  if (y.initial) return initialMatches(y.text, x.text) ? "initial" : "none";
  const kind = compareWords(x.text, y.text, true).kind;
  return kind === "none" && vowelInitialVariant(x.text, y.text) ? "variant" : kind;
}

const RANK: Record<string, number> = { exact: 4, variant: 3, near: 2, initial: 1, gendered: 0, none: 0 };

interface GivenMatch {
  level: Level | "initial";
  /** For "initial": how it was read ("V. for Volodymyr"). */
  initial?: string;
}

/** Each given name of the shorter list must meet one of the longer (Recep Tayyip Erdoğan, Tayyip Erdoğan). */
function compareGiven(a: readonly GivenName[], b: readonly GivenName[]): GivenMatch | null {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  let worst: GivenMatch = { level: "exact" };
  for (const x of shorter) {
    const matches = longer.map((y) => ({ y, kind: matchGiven(x, y) })).sort((p, q) => RANK[q.kind]! - RANK[p.kind]!);
    const best = matches[0];
    if (!best || best.kind === "none" || best.kind === "gendered") return null;
    if (RANK[best.kind]! < RANK[worst.level]!) {
      const [initial, full] = x.initial ? [x, best.y] : [best.y, x];
      worst = { level: best.kind, initial: `${initial.text.toUpperCase()}. for ${written(full)}` };
    }
  }
  return worst;
}

/** "Volodymyr", or "V." for an initial. */
const written = (given: GivenName): string =>
  given.text.charAt(0).toUpperCase() + given.text.slice(1) + (given.initial ? "." : "");

function comparePair(a: PersonName, b: PersonName): PairMatch | null {
  if (a.surname === null || b.surname === null) return null;
  const names = `"${a.written}" ~ "${b.written}"`;
  const surname = compareWords(a.surname, b.surname, true);
  if (surname.kind === "none") return null;
  if (surname.kind === "gendered") {
    const conflict = `feminine and masculine forms of a surname: "${a.written}" vs "${b.written}"`;
    return { score: 0, reason: `name ${names}`, conflict, full: a.given.length > 0 && b.given.length > 0 };
  }
  if (a.given.length === 0 || b.given.length === 0) {
    const score = LEVEL[surname.kind] - NAME.surnameOnlyPenalty;
    return { score, reason: `name ${names} (surname only)`, conflict: null, full: false };
  }
  const given = compareGiven(a.given, b.given);
  if (given === null) {
    const conflict = `different given names: "${a.written}" vs "${b.written}"`;
    return { score: 0, reason: `name ${names}`, conflict, full: true };
  }
  if (given.level === "initial") {
    const score = Math.min(NAME.initial, LEVEL[surname.kind]);
    return { score, reason: `name ${names} (initial ${given.initial})`, conflict: null, full: true };
  }
  const kind = RANK[given.level]! < RANK[surname.kind]! ? given.level : surname.kind;
  if (kind === "exact") {
    const reason =
      nameKey(a.written) === nameKey(b.written)
        ? `name "${a.written}" = "${b.written}" (same name)`
        : `name ${names} (given names and surname agree)`;
    return { score: LEVEL.exact, reason, conflict: null, full: true };
  }
  return { score: LEVEL[kind], reason: `name ${names} (${DESCRIBED[kind]})`, conflict: null, full: true };
}

/**
 * The best pair over both name lists. A conflict (different given names, a feminine form) is a contradiction unless
 * another pair of full names agrees: a bare-surname alias must not outvote the full names.
 */
export function comparePersonNames(incoming: readonly string[], existing: readonly string[]): Evidence {
  const pairs: PairMatch[] = [];
  for (const a of incoming.map(personName)) {
    for (const b of existing.map(personName)) {
      const pair = comparePair(a, b);
      if (pair) pairs.push(pair);
    }
  }
  const agreeing = pairs.filter((pair) => pair.conflict === null).sort((p, q) => q.score - p.score);
  const conflict = pairs.find((pair) => pair.conflict !== null)?.conflict ?? null;
  if (conflict !== null && !agreeing.some((pair) => pair.full)) {
    return { score: 0, reasons: [], contradiction: conflict };
  }
  const best = agreeing[0];
  return best
    ? { score: best.score, reasons: [best.reason], contradiction: null }
    : { score: 0, reasons: ["no name in common"], contradiction: null };
}
