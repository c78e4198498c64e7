// Turns user text into a Lucene query for Neo4j's full-text indexes: every special character is escaped, so user
// input is only ever searched for, never interpreted as query syntax.
import { nameKey } from "./names";

const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function escapeLucene(term: string): string {
  // AND, OR and NOT are operators only in capitals; the analyser lower-cases terms anyway.
  const word = /^(AND|OR|NOT)$/.test(term) ? term.toLowerCase() : term;
  return word.replace(SPECIAL, (c) => `\\${c}`);
}

function terms(text: string): string[] {
  return text
    .split(/\s+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 32);
}

/** Every word must occur (for filters): "immediate halt" → immediate AND halt. */
export function allWords(text: string): string | null {
  const list = terms(text).map(escapeLucene);
  return list.length ? list.join(" AND ") : null;
}

/** Any word may occur, better matches first (for search). */
export function anyWords(text: string): string | null {
  const list = terms(text).map(escapeLucene);
  return list.length ? list.join(" OR ") : null;
}

/** Names and aliases starting with every given word: "ciragan pal" → name or alias has ciragan* and pal*. */
export function namePrefixes(text: string): string | null {
  // Lucene does not analyse wildcard terms, so they are folded here the way the index folds names.
  const list = nameKey(text)
    .split(" ")
    .filter(Boolean)
    .slice(0, 32)
    .map((t) => `${escapeLucene(t)}*`);
  if (!list.length) return null;
  const all = list.join(" AND ");
  return `name:(${all}) OR aliasText:(${all})`;
}
