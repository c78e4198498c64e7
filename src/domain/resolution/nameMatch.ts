// Names compared, label by label: people by surname and given names (personNameMatch.ts); states, organizations,
// venues and events by their words, where one of a series differs from the next by an ordinal or number.
import { nameKey } from "../names";
import { contentWords, expandedAcronym, GENERIC_WORDS, numbersIn, writtenAcronym } from "./nameParts";
import { comparePersonNames } from "./personNameMatch";
import { variantKey } from "./skeleton";
import type { Evidence, ResolvableLabel } from "./types";
import { NAME } from "./weights";
import { wordOverlap } from "./wordMatch";

interface PairMatch {
  score: number;
  reason: string;
}

const sortedKey = (words: readonly string[]): string => [...words].sort().join(" ");

function acronymMatch(label: ResolvableLabel, a: string, b: string): boolean {
  if (label !== "State" && label !== "Organization") return false;
  const written = [writtenAcronym(a), writtenAcronym(b)];
  const expanded = [expandedAcronym(b), expandedAcronym(a)];
  return written.some((acronym, i) => acronym !== null && acronym === expanded[i]);
}

function comparePair(label: ResolvableLabel, a: string, b: string): PairMatch | null {
  if (nameKey(a) === "" || nameKey(b) === "") return null;
  if (nameKey(a) === nameKey(b)) return { score: NAME.exact, reason: `name "${a}" = "${b}" (same name)` };
  const names = `name "${a}" ~ "${b}"`;
  if (acronymMatch(label, a, b)) return { score: NAME.acronym, reason: `${names} (acronym)` };
  const [wordsA, wordsB] = [contentWords(a), contentWords(b)];
  if (wordsA.length === 0 || wordsB.length === 0) return null;
  if (sortedKey(wordsA) === sortedKey(wordsB)) return { score: NAME.variant, reason: `${names} (same words)` };
  if (sortedKey(wordsA.map(variantKey)) === sortedKey(wordsB.map(variantKey))) {
    return { score: NAME.variant, reason: `${names} (transliteration variant)` };
  }
  const generic = label === "Venue" ? withoutGenericWord(wordsA, wordsB) : null;
  if (generic) return { score: NAME.variant, reason: `${names} (the same name with or without "${generic}")` };
  const { similarity, shared } = wordOverlap(wordsA, wordsB);
  if (similarity === 0) return null;
  const score = NAME.sharedWords * similarity;
  return { score, reason: `${names} (words in common: ${shared.join(", ")}; similarity ${similarity.toFixed(2)})` };
}

/**
 * A place is often named with or without the word for what it is ("River Tavra", "the Tavra"; "Villa Lumen", "Lumen"):
 * when one name's words are the other's plus only such generic words, it is the same name. Two different specific
 * words stay apart ("Hotel Lumen", "Villa Lumen"). Answers the generic words that differ, or null.
 */
function withoutGenericWord(a: readonly string[], b: readonly string[]): string | null {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const keys = new Set(shorter.map(variantKey));
  const longerKeys = new Set(longer.map(variantKey));
  const extra = longer.filter((w) => !keys.has(variantKey(w)));
  const specific = shorter.filter((w) => !GENERIC_WORDS.has(w));
  if (extra.length === 0 || specific.length === 0 || ![...keys].every((k) => longerKeys.has(k))) return null;
  return extra.every((w) => GENERIC_WORDS.has(w)) ? extra.join(" ") : null;
}

/**
 * Ordinals and numbers tell one of a series from the next ("First round" and "Second round" of talks, "Group of 7"
 * and "Group of 20"): both names' numbers known and neither set within the other is a contradiction.
 */
function numbersContradiction(incoming: readonly string[], existing: readonly string[]): string | null {
  const [a, b] = [new Set(incoming.flatMap(numbersIn)), new Set(existing.flatMap(numbersIn))];
  if (a.size === 0 || b.size === 0) return null;
  const within = (x: Set<number>, y: Set<number>) => [...x].every((n) => y.has(n));
  if (within(a, b) || within(b, a)) return null;
  return `different ordinals or numbers in the names: ${[...a].join(", ")} vs ${[...b].join(", ")}`;
}

/** The best-matching pair of names over both lists, with the name rules of the label. */
export function compareNames(
  label: ResolvableLabel,
  incoming: readonly string[],
  existing: readonly string[],
): Evidence {
  if (label === "Person") return comparePersonNames(incoming, existing);
  const contradiction = numbersContradiction(incoming, existing);
  let best: PairMatch | null = null;
  for (const a of incoming) {
    for (const b of existing) {
      const pair = comparePair(label, a, b);
      if (pair && (!best || pair.score > best.score)) best = pair;
    }
  }
  return best
    ? { score: best.score, reasons: [best.reason], contradiction }
    : { score: 0, reasons: ["no name in common"], contradiction };
}
