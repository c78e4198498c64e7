// The subject of a verb, read backwards from the verb: "Sens. A (D-ND) and B (R-ME) today announced", "after US bank
// chief Ben Bernanke said", "Of the government ownership he stated", "the senators said". Word by word over a bounded
// window, so that long openings, asides in brackets and adverbs between the subject and its verb do not hide it.
import type { Span } from "../../domain/spans";
import { isTitleWord, ORGANIZATION_NOUNS } from "../words/lexicon";

/** How far before the verb its subject may start. */
export const SUBJECT_WINDOW = 120;

/** Words between a subject and its verb: auxiliaries, negation, adverbs, and when. */
const BETWEEN = new Set(
  (
    "has have had would will did was were is are not also later then again repeatedly previously once earlier " +
    "further simply quickly flatly firmly only today yesterday tonight now already jointly recently formally " +
    "publicly monday tuesday wednesday thursday friday saturday sunday"
  ).split(" "),
);
/** Lower-case words inside a name: "Bank of England", "Charles de Gaulle". */
const JOINERS = new Set(["of", "de", "du", "la", "le", "van", "von", "der", "bin", "al", "da", "dos", "for"]);
/** A verb after these is not the subject's: "to announce", "who said", "which says" (the subject is elsewhere). */
const NOT_A_SUBJECT_BEFORE = new Set(["to", "who", "which", "that", "it", "they", "we", "i", "you"]);
const PRONOUN = new Set(["he", "she"]);
/** The most lower-case words of a post between "and" and a second name ("and federal industry minister B"). */
const MAX_POST_WORDS = 3;
/** Words a subject may follow: "after X said", "and X announced". */
const OPENERS = new Set(
  "and but after as while because when since although though before until if once so yet".split(" "),
);

export interface Subject {
  phrase: string;
  at: number;
}

interface Word extends Span {
  text: string;
}

function wordsOf(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  for (const m of text.slice(from, to).matchAll(/\S+/gu)) {
    words.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  return words;
}

const capitalised = (w: string) => /^[\p{Lu}]/u.test(w);
/** The word without the commas, semicolons and colons after it. */
function bare(word: string): string {
  let end = word.length;
  while (end > 0 && ",;:".includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}

/**
 * The subject right before a verb at `verbAt` in text[sentenceStart, verbAt): a name (the first of "A and B"), "he" or
 * "she", or "the" and a noun ("the senators", "the government"); undefined when the words before the verb are not a
 * subject (an infinitive, a relative clause, an object).
 */
export function subjectBefore(text: string, sentenceStart: number, verbAt: number): Subject | undefined {
  const words = wordsOf(text, Math.max(sentenceStart, verbAt - SUBJECT_WINDOW), verbAt);
  let i = words.length - 1;
  while (i >= 0 && BETWEEN.has(words[i]!.text.toLowerCase())) i--;
  // An aside in brackets after the name: "Byron Dorgan (D-ND) said".
  if (i >= 0 && words[i]!.text.endsWith(")")) {
    while (i >= 0 && !words[i]!.text.startsWith("(")) i--;
    i--;
  }
  if (i < 0) return undefined;
  const last = words[i]!;
  if (/[,;:]$/u.test(last.text)) return undefined;
  const lower = last.text.toLowerCase();
  if (NOT_A_SUBJECT_BEFORE.has(lower)) return undefined;
  if (PRONOUN.has(lower)) return { phrase: last.text, at: last.start };
  // "@someone also disagrees with …": a handle is a name.
  if (/^@\w+$/u.test(last.text)) return { phrase: last.text, at: last.start };
  if (capitalised(last.text)) return nameEndingAt(text, words, i);
  // "X made an address on the economy and said …": the sentence's subject has a second verb.
  if (lower === "and" || lower === "but") return sentenceSubject(text, sentenceStart, verbAt);
  // "the senators", "the government", "the company's chief executive".
  const head = lower.replace(/[’']s$/u, "");
  if (!ORGANIZATION_NOUNS.has(head) && !isTitleWord(head)) return undefined;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (/^the$/iu.test(words[j]!.text)) {
      if (words.slice(j + 1, i + 1).some((w) => /[,;:()]/u.test(w.text))) return undefined;
      return { phrase: text.slice(words[j]!.start, last.end), at: words[j]!.start };
    }
  }
  return undefined;
}

/** The name or pronoun a sentence opens with, when a lower-case verb follows it. */
function sentenceSubject(text: string, sentenceStart: number, verbAt: number): Subject | undefined {
  const words = wordsOf(text, sentenceStart, Math.min(verbAt, sentenceStart + SUBJECT_WINDOW));
  if (!words.length) return undefined;
  if (PRONOUN.has(words[0]!.text.toLowerCase())) return { phrase: words[0]!.text, at: words[0]!.start };
  let i = 0;
  while (i + 1 < words.length && capitalised(words[i + 1]!.text) && bare(words[i]!.text) === words[i]!.text) i++;
  if (!capitalised(words[0]!.text) || i + 1 >= words.length || capitalised(words[i + 1]!.text)) return undefined;
  return { phrase: text.slice(words[0]!.start, words[i]!.end), at: words[0]!.start };
}

/** The name whose last word is words[i], with its titles; the first of two joined by "and" (or of "A, B and C"). */
function nameEndingAt(text: string, words: readonly Word[], i: number, inList = false): Subject | undefined {
  let first = i;
  for (let j = i - 1; j >= 0; j--) {
    const w = bare(words[j]!.text);
    if (w !== words[j]!.text) break;
    if (capitalised(w) || (JOINERS.has(w) && j > 0 && capitalised(words[j - 1]!.text))) first = j;
    else break;
  }
  // "The former head of engineering group Valcourt denied": the name qualifies a longer subject that is not read.
  const before = words[first - 1]?.text;
  if (before && bare(before) === before && /^\p{Ll}/u.test(before) && !isTitleWord(before) && !OPENERS.has(before))
    return undefined;
  // "A (D-IL) and B", "A (D-IL), B (D-IL) and C": the first of them speaks for all; "A and industry minister B"
  // too (a post in lower case before the second name).
  let k = first - 1;
  let post = k;
  while (
    post >= 0 &&
    first - post <= MAX_POST_WORDS &&
    /^\p{Ll}+$/u.test(words[post]!.text) &&
    words[post]!.text !== "and"
  )
    post--;
  const titled = words.slice(post + 1, first).some((w) => isTitleWord(w.text));
  if (post >= 0 && post < k && words[post]!.text === "and" && titled) k = post;
  const listed = inList && k >= 0 && /,$/.test(words[k]!.text);
  if (k >= 0 && (words[k]!.text === "and" || listed)) {
    if (!listed) k--;
    if (k >= 0 && /\),?$/.test(words[k]!.text)) {
      while (k >= 0 && !words[k]!.text.startsWith("(")) k--;
      k--;
    }
    if (k >= 0 && capitalised(bare(words[k]!.text))) {
      const other = nameEndingAt(text, words, k, true);
      if (other) return other;
    }
  }
  return { phrase: text.slice(words[first]!.start, words[i]!.end), at: words[first]!.start };
}
