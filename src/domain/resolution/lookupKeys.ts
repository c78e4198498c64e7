// The keys an entity's names are indexed by (NameKey nodes), so that a new mention finds its candidates by exact
// look-ups: the exact folded name, plus skeleton keys on which spelling and transliteration variants collide.
import { LABELS } from "../labels";
import { nameKey } from "../names";
import { contentWords, expandedAcronym, GENERIC_WORDS, personName, personWords, writtenAcronym } from "./nameParts";
import { skeleton } from "./skeleton";
import type { ResolvableLabel } from "./types";

/** A skeleton shorter than this (letters, not counting spaces) would collide with too many names to be worth a key. */
const MIN_SKELETON = 3;

/** The skeleton of a whole name: each word's skeleton, sorted so that word order does not matter. */
export function nameSkeleton(label: ResolvableLabel, name: string): string {
  const nameWords = label === "Person" ? personWords(name) : contentWords(name);
  return nameWords.map(skeleton).sort().join(" ");
}

const longEnough = (key: string): boolean => key.replace(/ /g, "").length >= MIN_SKELETON;

/**
 * For each name: `${prefix}|${nameKey}` (the exact key the graph already stores), then `${prefix}~${skeleton}` (the
 * whole name without titles or stop words, words sorted). People also get `person~last~${skeleton of surname}`, so
 * "President Zelensky" and "V. Zelensky" find "Volodymyr Zelenskyy"; other labels get no per-word keys, since
 * their words are often generic ("palace", "talks"); venues also get the skeleton of their name without its generic
 * words ("River Tavra" → "tvr"). States and organizations get `${prefix}~acronym~${letters}`
 * for a name written as an acronym and for the initials of a longer one ("NATO"); an acronym key only meets other
 * acronyms, so two letters are enough. Exact keys come first; no key repeats.
 */
export function lookupKeys(label: ResolvableLabel, names: readonly string[]): string[] {
  const prefix = LABELS[label].prefix;
  const keys: string[] = [];
  for (const name of names) {
    const exact = nameKey(name);
    if (exact) keys.push(`${prefix}|${exact}`);
  }
  for (const name of names) {
    const whole = nameSkeleton(label, name);
    if (longEnough(whole)) keys.push(`${prefix}~${whole}`);
    if (label === "Venue") {
      // A place named with or without the word for what it is ("River Tavra", "Tavra") meets itself.
      const specific = contentWords(name).filter((w) => !GENERIC_WORDS.has(w));
      const key = specific.map(skeleton).sort().join(" ");
      if (specific.length > 0 && key !== whole && longEnough(key)) keys.push(`${prefix}~${key}`);
    }
    if (label === "Person") {
      const { surname } = personName(name);
      const last = surname === null ? "" : skeleton(surname);
      if (longEnough(last)) keys.push(`person~last~${last}`);
    }
    if (label === "State" || label === "Organization") {
      for (const acronym of [writtenAcronym(name), expandedAcronym(name)]) {
        if (acronym && acronym.length >= 2) keys.push(`${prefix}~acronym~${acronym}`);
      }
    }
  }
  return [...new Set(keys)];
}

/**
 * The skeletons of every word of an entity's names, for the full-text index: a name filter or a search in another
 * spelling ("Zelenskiy", "Chiragan") finds the entity through them. Short skeletons are left out (they match too much).
 */
export function spellingText(label: ResolvableLabel, names: readonly string[]): string {
  const words = names.flatMap((name) => (label === "Person" ? personWords(name) : contentWords(name)));
  return [...new Set(words.map(skeleton).filter(longEnough))].join(" ");
}

/** The skeletons of the words of a query, to look up in spellingText (the short ones are left out). */
export function querySpellings(text: string): string[] {
  return [...new Set(contentWords(text).map(skeleton).filter(longEnough))];
}
