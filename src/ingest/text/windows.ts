// How far the rules read, and the few trims they need done by a scan. Every pattern that can backtrack over what it
// is given (a cue with a name run before it, a lazy run up to an anchor) is applied only to a window of at most one
// of these lengths, so its cost is bounded per window and the extractor stays linear in the article
// (tests/unit/ingest/linearPatterns.test.ts checks every pattern; bench/ingestHostile.ts measures the shapes).

/** The words after a quotation, or before it, that an attribution is looked for in ("," said X, the minister …). */
export const ATTRIBUTION_WINDOW = 400;

/** Sentences longer than this are not read for reported speech: no wire sentence is, and the rules scan each. */
export const REPORTED_SENTENCE = 600;

/** A speaker phrase longer than this is not a name or a description of one. */
export const SPEAKER_PHRASE = 160;

/** The longest piece of text compromise (whose sentence splitting is quadratic on runs like "A. A. A.") is given. */
export const NLP_PIECE = 4000;

/** The text in pieces of at most `max` characters, cut at a line break, else at a space, else anywhere. */
export function piecesOf(text: string, max: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start, start + max);
    const cut = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(" ", max - 1));
    const end = start + (cut > max / 2 ? cut + 1 : max);
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

const isSpace = (c: string) => c === " " || c === "\n" || c === "\t" || c === "\r" || /\s/u.test(c);

/** `s` without the characters of `set` (and white space) at either end. */
export function trimEdges(s: string, set: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (set.includes(s[start]!) || isSpace(s[start]!))) start++;
  while (end > start && (set.includes(s[end - 1]!) || isSpace(s[end - 1]!))) end--;
  return s.slice(start, end);
}

/** Quoted words without the mark that hands over to the attribution ("…," he said): one of `,;:—–-` at the end. */
export function withoutHandover(words: string): string {
  return ",;:—–-".includes(words.at(-1) ?? "x") ? words.slice(0, -1).trimEnd() : words;
}
