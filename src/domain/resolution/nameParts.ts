// A name taken apart for comparison: its words folded and romanised, without the words that do not tell entities
// apart (stop words; titles before a person's name), a person's given names and surname, the ordinals and numbers
// that tell one round of talks from the next, and the acronym a long name is known by.
import { nameKey } from "../names";
import { romanize } from "./skeleton";

/** Words that join a name's words and name nothing ("Round of talks in Istanbul"). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  "the of in at on for and a an to with by de la le les des".split(" "),
);

/** Words many names share, which count half when names are compared by their words ("Çırağan Palace"). */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  "palace", "hotel", "hall", "house", "building", "centre", "center", "square", "park", "street", "airport",
  "talks", "round", "meeting", "summit", "conference", "negotiations", "session", "visit", "call", "forum",
  "delegation", "ministry", "office", "council", "committee", "party", "agency", "service", "forces", "army",
  "group", "union", "organization", "organisation", "government", "administration", "republic", "federation",
  "city", "region", "province", "state", "river", "sea", "island",
]); // prettier-ignore

// Courtesy titles say nothing about an office; office titles may match one the other entity holds.
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady"]);
const OFFICE_TITLES = new Set([
  "president", "vice", "prime", "minister", "foreign", "defence", "defense", "interior", "finance", "deputy",
  "secretary", "general", "chancellor", "premier", "chairman", "chairwoman", "chair", "head", "chief", "speaker",
  "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "special", "senator", "governor", "mayor",
  "king", "queen", "prince", "princess", "sheikh", "emir", "pope", "commander", "admiral", "colonel", "gen",
  "aide", "adviser", "advisor", "presidential", "press", "negotiator", "leader", "director", "commissioner", "first",
]); // prettier-ignore
// Only leading words are titles ("President Zelensky"), so a surname that is also a title (Martin Luther King) stays.
const LEADING_TITLE_WORDS = new Set([...HONORIFICS, ...OFFICE_TITLES, "of", "the", "state", "affairs"]);
/** Words inside a name that belong to the surname, not the given names (Ursula von der Leyen). */
const PARTICLES = new Set("da de del della der den di do dos du la le van von".split(" "));

/** A name's words folded (nameKey) and romanised; none for a name of no letters. */
export function words(name: string): string[] {
  const key = nameKey(name);
  return key ? key.split(" ").map(romanize) : [];
}

/** The words that tell one name from another: without stop words, ordinals as numbers ("1st", "first" → "1"). */
export function contentWords(name: string): string[] {
  return words(name)
    .filter((word) => !STOP_WORDS.has(word))
    .map(canonicalOrdinal);
}

/** The words of an office title, stop words aside ("Minister of Foreign Affairs" → minister, foreign, affairs). */
export function titleWords(title: string): string[] {
  return words(title).filter((word) => !STOP_WORDS.has(word));
}

export interface GivenName {
  text: string;
  /** "V." in "V. Zelensky": a letter that stands for any given name starting with it. */
  initial: boolean;
}

export interface PersonName {
  written: string;
  /** The office title written before the name ("Foreign Minister"), as words; empty when none. */
  title: string[];
  given: GivenName[];
  /** The last word; null when the name is only a title. */
  surname: string | null;
}

/** "President V. Zelensky" → title [president], given [v (initial)], surname zelensky. */
export function personName(name: string): PersonName {
  const all = words(name);
  if (all.every((word) => LEADING_TITLE_WORDS.has(word))) {
    return { written: name, title: all.filter((word) => OFFICE_TITLES.has(word)), given: [], surname: null };
  }
  let start = 0;
  while (start < all.length - 1 && LEADING_TITLE_WORDS.has(all[start] ?? "")) start++;
  const rest = all.slice(start);
  const surname = rest.pop() ?? null;
  return {
    written: name,
    title: all.slice(0, start).filter((word) => OFFICE_TITLES.has(word)),
    given: rest.filter((word) => !PARTICLES.has(word)).map((text) => ({ text, initial: text.length === 1 })),
    surname,
  };
}

/** The words a person's name is indexed by: without titles and particles ("President Zelensky" → [zelensky]). */
export function personWords(name: string): string[] {
  const { given, surname } = personName(name);
  return surname === null ? [] : [...given.map((g) => g.text), surname];
}

const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12,
}; // prettier-ignore

/** The ordinals and numbers in a name ("Second round" and "Round 2" → 2), which tell one of a series from the next. */
export function numbersIn(name: string): number[] {
  return contentWords(name)
    .filter((word) => /^\d+$/.test(word))
    .map(Number);
}

/** An ordinal written as its number, so that "first", "1st" and "1" are one word in keys and comparisons. */
export function canonicalOrdinal(word: string): string {
  const ordinal = ORDINALS[word];
  if (ordinal !== undefined) return String(ordinal);
  const digits = /^(\d+)(st|nd|rd|th)$/.exec(word);
  return digits ? String(Number(digits[1])) : word;
}

/** The acronym a name is written as, lower case ("NATO", "U.N." → "nato", "un"); null when not in capitals. */
export function writtenAcronym(name: string): string | null {
  const compact = name.replace(/\./g, "").trim();
  return /^\p{Lu}{2,6}$/u.test(compact) ? nameKey(compact) : null;
}

/** The acronym a name of two words or more stands for ("North Atlantic Treaty Organization" → "nato"), else null. */
export function expandedAcronym(name: string): string | null {
  const content = contentWords(name).filter((word) => !/\d/.test(word));
  return content.length >= 2 ? content.map((word) => word[0]).join("") : null;
}
