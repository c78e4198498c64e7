// Turns user text into a Lucene query for Neo4j's full-text indexes: every special character is escaped, so user
// input is only ever searched for, never interpreted as query syntax. Whatever it is given, a query built here has at
// most MAX_TERMS terms of at most MAX_TERM_LENGTH characters each, so Lucene's work (and the automaton of a wildcard
// term) stays small; the API refuses longer input with an error before it gets here (src/graphql/limits/textInputs.ts).
import { nameKey } from "../domain/names";
import { querySpellings } from "../domain/resolution";

/** Words a full-text query uses; the rest of the text is not searched for. */
export const MAX_TERMS = 32;
/** Characters of one word (before escaping); longer words are cut here. */
export const MAX_TERM_LENGTH = 64;

/**
 * The statements' text index is eventually consistent (src/graph/constraintsAndIndexes.ts): a write's commit leaves
 * its text to a background thread, instead of updating Lucene inside the commit while every other writer waits for
 * the change log's counter. A read of that index starts with this clause, which waits until every transaction
 * committed before it is in the index (about 1 ms when nothing is pending): so a search, a statement list's text
 * filter or a subscription's text filter sees every statement written before it, as with an index updated on commit.
 */
export const AWAIT_STATEMENT_TEXT = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()";

const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function escapeLucene(term: string): string {
  // AND, OR and NOT are operators only in capitals; the analyser lower-cases terms anyway.
  const word = /^(AND|OR|NOT)$/.test(term) ? term.toLowerCase() : term;
  return word.replace(SPECIAL, (c) => `\\${c}`);
}

/** A word cut to MAX_TERM_LENGTH, never between the two halves of a surrogate pair. */
function capped(word: string): string {
  if (word.length <= MAX_TERM_LENGTH) return word;
  const cut = /[\uD800-\uDBFF]/.test(word.charAt(MAX_TERM_LENGTH - 1)) ? MAX_TERM_LENGTH - 1 : MAX_TERM_LENGTH;
  return word.slice(0, cut);
}

/** The first MAX_TERMS whitespace-separated words of the text, each capped; stops reading after the last of them. */
export function queryWords(text: string): string[] {
  const list: string[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    list.push(capped(match[0]));
    if (list.length === MAX_TERMS) break;
  }
  return list;
}

/** The first MAX_TERMS words of the text's name key (folded as the index folds names), each capped. */
export function nameWords(text: string): string[] {
  const list: string[] = [];
  // Folded one whitespace-separated word at a time, so reading stops soon after the last word used.
  for (const match of text.matchAll(/\S+/g)) {
    for (const word of queryWords(nameKey(match[0]))) {
      list.push(word);
      if (list.length === MAX_TERMS) return list;
    }
  }
  return list;
}

/** Every word must occur (for filters): "immediate halt" → immediate AND halt. */
export function allWords(text: string): string | null {
  const list = queryWords(text).map(escapeLucene);
  return list.length ? list.join(" AND ") : null;
}

/**
 * Any word may occur, better matches first (for search); a name in another spelling matches through the entities'
 * spelling skeletons, at half the weight of the words as written.
 */
export function anyWords(text: string): string | null {
  const list = queryWords(text).map(escapeLucene);
  if (!list.length) return null;
  const spellings = querySpellings(queryWords(text).join(" ")).map(escapeLucene);
  return list.join(" OR ") + (spellings.length ? ` OR spellings:(${spellings.join(" OR ")})^0.5` : "");
}

/**
 * Names and aliases starting with every given word: "ciragan pal" → name or alias has ciragan* and pal*; or, in
 * another spelling, every word's skeleton among the entity's ("Zelenskiy" finds Zelenskyy).
 */
export function namePrefixes(text: string): string | null {
  // Lucene does not analyse wildcard terms, so they are folded here the way the index folds names.
  const words = nameWords(text);
  const list = words.map((t) => `${escapeLucene(t)}*`);
  if (!list.length) return null;
  const all = list.join(" AND ");
  const spellings = querySpellings(words.join(" ")).map(escapeLucene);
  const bySpelling = spellings.length === words.length ? ` OR spellings:(${spellings.join(" AND ")})` : "";
  return `name:(${all}) OR aliasText:(${all})${bySpelling}`;
}
