// The rules every free-text argument obeys before it reaches Lucene — the search query, a statement filter's text and
// an entity filter's name: a length limit checked before anything else (so a megabyte is refused without being read),
// a limit on words and on the length of each word, and at least one letter or digit to match. Anything else is
// refused with BAD_USER_INPUT naming the argument and the limit, never cut or dropped silently.
import { MAX_TERMS, MAX_TERM_LENGTH } from "../../graph/fulltext";
import { nameKey } from "../../domain/names";
import { badInput } from "../errors";

/** Characters of a search query or a statement filter's text. */
export const MAX_QUERY_LENGTH = 1000;
/** Characters of a name filter. */
export const MAX_NAME_LENGTH = 200;
/** Words of any text input: the number a full-text query uses. */
export const MAX_WORDS = MAX_TERMS;
/** Characters of one word, so Lucene's wildcard automaton for a name prefix stays small. */
export const MAX_WORD_LENGTH = MAX_TERM_LENGTH;

interface Rule {
  maxLength: number;
  /** The words as the full-text query will see them. */
  words: (text: string) => string[];
}

const TEXT: Rule = { maxLength: MAX_QUERY_LENGTH, words: (text) => text.match(/\S+/g) ?? [] };
// A name filter matches folded word prefixes: "Jean-Pierre" is two words, "Çırağan" is "ciragan".
const NAME: Rule = { maxLength: MAX_NAME_LENGTH, words: (text) => nameKey(text).split(" ").filter(Boolean) };

/** The value, quoted for a message: short, with invisible characters shown as escapes. */
function quoted(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown).replace(
    /[\p{Cf}\p{Zl}\p{Zp}\u00a0]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function check(value: string, field: string, rule: Rule): string {
  // First, and O(1): nothing below runs on a text over the limit.
  if (value.length > rule.maxLength) {
    throw badInput(`${field} is ${value.length} characters long; at most ${rule.maxLength} are allowed`, field);
  }
  if (value.trim() === "") throw badInput(`${field} must not be empty`, field);
  const words = rule.words(value);
  if (words.length > MAX_WORDS)
    throw badInput(`${field} has ${words.length} words; at most ${MAX_WORDS} are allowed`, field);
  const longest = words.reduce((max, word) => Math.max(max, word.length), 0);
  if (longest > MAX_WORD_LENGTH) {
    throw badInput(
      `${field} has a word of ${longest} characters; at most ${MAX_WORD_LENGTH} are allowed in a word`,
      field,
    );
  }
  if (nameKey(value) === "") throw badInput(`${field} has no letters or digits to match (${quoted(value)})`, field);
  return value;
}

/** The search query, checked. */
export function checkSearchQuery(query: string, field = "query"): string {
  return check(query, field, TEXT);
}

/** A statement filter's text, checked; null when there is none. */
export function checkTextFilter(text: string | null | undefined, field = "filter.text"): string | null {
  return text == null ? null : check(text, field, TEXT);
}

/** An entity filter's name, checked; null when there is none. */
export function checkNameFilter(name: string | null | undefined, field = "filter.name"): string | null {
  return name == null ? null : check(name, field, NAME);
}
