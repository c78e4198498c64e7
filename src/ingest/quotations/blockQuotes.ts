// Quotations printed without marks: a blog post, a tweet or a statement set as a paragraph of its own after
// "X writes:" / "She tweeted:" / "The minister said:", and the paragraphs that carry it on. The first paragraph after
// a colon is a candidate, and each paragraph after a block paragraph; a small learned model
// (src/ingest/models/blockQuote.json, trained on the tuning split) decides from the paragraph's voice (first or second
// person, the narrator's cue verbs, another language, handles, a closing colon that introduces the next one) whether
// it is someone's words or the article's own.
import type { Paragraph } from "../text/layout";
import { probability, type Features, type LinearModel } from "../models/linearModel";
import model from "../models/blockQuote.json";
import { paragraphsInMarks, type Quotation } from "./quotes";
import { isCredit } from "./captions";

const BLOCK_MODEL: LinearModel = model;

const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|me|my|mine|we|we're|we’re|our|ours|us)\b/;
const SECOND_PERSON = /\b(?:you|your|yours)\b/i;
/** Verbs with which the article's narrator hands over to someone's words ("she writes", "he added"). */
const NARRATOR_VERBS = (
  "says said writes wrote adds added tweets tweeted blogs blogged argues argued explains explained notes noted " +
  "continues continued asks asked reports reported comments commented concludes concluded posted posts shared shares " +
  "responded responds replied replies"
).split(" ");
const NARRATOR_CUES = new RegExp(`\\b(?:${NARRATOR_VERBS.join("|")})\\b`, "i");
const NAMED_CUES = new RegExp(`\\b(?:${NARRATOR_VERBS.slice(0, 16).join("|")})\\b`, "g");

/** A capitalised word right before one of the narrator's cue verbs ("Anna writes"), found by a scan. */
function namedCue(words: string): boolean {
  for (const m of words.matchAll(NAMED_CUES)) {
    const before = words.slice(Math.max(0, m.index - 40), m.index).trimEnd();
    const word = before.slice(before.lastIndexOf(" ") + 1);
    if (/^\p{Lu}[\p{L}’'-]+$/u.test(word)) return true;
  }
  return false;
}
const FUNCTION_WORDS = new Set(
  "the and of to in is that for it with as on was be by this are not but have has an at from they he she".split(" "),
);
const ENDS_SENTENCE = /[.!?…"”’)\]]$/;

export interface BlockState {
  /** The paragraph before ends with a colon (or a comma: it hands over all the same). */
  afterColon: boolean;
  /** How many block paragraphs run right before this one. */
  run: number;
  /** The paragraph before, if any. */
  previous?: string;
  /** The article's last paragraph: a sign-off or a note on the coverage, more often than someone's words. */
  last?: boolean;
}

/** A paragraph of `least` words or more with almost none of English's commonest words (under `share` of them). */
export function inOtherLanguage(words: string, least = 6, share = 0.06): boolean {
  const tokens = words.toLowerCase().match(/\p{L}+/gu) ?? [];
  return tokens.length >= least && tokens.filter((t) => FUNCTION_WORDS.has(t)).length / tokens.length < share;
}
/**
 * A paragraph in another language after one that does not hand over: ten words or more, almost none of them English's
 * commonest, and most of them not capitalised (an English heading in title case has few small words too).
 */
function otherLanguageSentence(words: string): boolean {
  if (!inOtherLanguage(words, 10)) return false;
  const capitalised = words.match(/(?:^|\s)\p{Lu}/gu)?.length ?? 0;
  const all = words.match(/(?:^|\s)\S/g)?.length ?? 0;
  return capitalised <= all / 2;
}

/** What the model reads of one paragraph and the one before it. */
export function blockFeatures(words: string, state: BlockState): Features {
  const previous = state.previous ?? "";
  return {
    afterColon: state.afterColon ? 1 : 0,
    afterCueColon: state.afterColon && NARRATOR_CUES.test(previous) ? 1 : 0,
    continuing: state.run > 0 ? 1 : 0,
    deepRun: state.run >= 3 ? 1 : 0,
    firstPerson: FIRST_PERSON.test(words) ? 1 : 0,
    secondPerson: SECOND_PERSON.test(words) ? 1 : 0,
    endsColon: words.trimEnd().endsWith(":") ? 1 : 0,
    narratorCue: NARRATOR_CUES.test(words) ? 1 : 0,
    namedCue: namedCue(words) ? 1 : 0,
    otherLanguage: inOtherLanguage(words) ? 1 : 0,
    handle: /@\w/.test(words) ? 1 : 0,
    hashtag: /#\w/.test(words) ? 1 : 0,
    link: /https?:\/\//.test(words) ? 1 : 0,
    heading: words.length < 80 && !ENDS_SENTENCE.test(words.trimEnd()) && !words.trimEnd().endsWith(":") ? 1 : 0,
    question: words.trimEnd().endsWith("?") ? 1 : 0,
    short: words.length < 40 ? 1 : 0,
    long: words.length > 400 ? 1 : 0,
    ellipsis: /^\[?(?:\.\.\.|…)\]?$/.test(words.trim()) ? 1 : 0,
    hasMarks: /["“”«»]/.test(words) ? 1 : 0,
    lastParagraph: state.last ? 1 : 0,
    // An item of a list ("* Reforming the …", "2. Adding …"): the article's own list, more often than someone's words.
    listItem: /^\s*(?:[*•·▪‣–-]|\d{1,2}[.)])\s/u.test(words) ? 1 : 0,
  };
}

/** The model's probability that a candidate paragraph is someone's words. */
export function blockProbability(words: string, state: BlockState): number {
  return probability(BLOCK_MODEL, blockFeatures(words, state));
}

const BLOCK_THRESHOLD = 0.5;

/**
 * The narrator's own sentences: a writer named with the handle in brackets and a verb after it ("Ana Ruiz (@anaruiz)
 * reminds readers …"), and a note on the coverage ("This post is part of our special coverage …").
 */
const NARRATION = [/\(@\w+\)\s+(?:also\s+)?\p{Ll}/u, /^This post is part of\b/u];

/** A verb with which a writer is named at the very end of a paragraph that hands over: "X wrote [pt]", "… writing". */
const HANDOVER_VERB = new RegExp(`\\b(?:${[...NARRATOR_VERBS, "writing", "observed", "observes"].join("|")})$`, "i");

/**
 * Whether a paragraph hands over to the words after it: "X writes:", "Nick Keith said," as a paragraph of its own,
 * a language tag that says what the next paragraph is in ("X wrote [pt]"), or a verb of writing with no stop after
 * it ("Commenter X wrote").
 */
export function handsOver(paragraph: string): boolean {
  const end = paragraph.trimEnd();
  if (/[:,]$/.test(end)) return true;
  const tagAt = end.endsWith("]") ? end.lastIndexOf("[") : -1;
  if (tagAt >= 0 && /^[\p{L}-]{2,12}$/u.test(end.slice(tagAt + 1, -1))) return true;
  return HANDOVER_VERB.test(end);
}

/**
 * Walks the paragraphs a block quotation may be (after a colon, after another block paragraph, or in another language
 * than the article's: a post quoted in the original before its translation; not already in marks) and asks `decide`
 * about each; a paragraph decided to be one carries the run on. The extractor decides with the model, the training
 * script (scripts/train-models.ts) with the gold.
 */
export function walkBlockCandidates(
  text: string,
  paragraphs: readonly Paragraph[],
  quotations: readonly Quotation[],
  decide: (paragraph: Paragraph, words: string, state: BlockState, lastIndex: number) => boolean,
): void {
  const markedParagraphs = paragraphsInMarks(paragraphs, quotations);
  const groupEnd = groupEnds(text, paragraphs);
  let run = 0;
  // A photograph's credit between a hand-over and the words, or inside a run, is passed over as if it were not there.
  let before = 0;
  for (let i = 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const words = text.slice(p.start, p.end);
    if (isCredit(words)) continue;
    const previous = text.slice(paragraphs[before]!.start, paragraphs[before]!.end);
    before = i;
    const afterColon = handsOver(previous);
    if (markedParagraphs.has(i) || (!afterColon && run === 0 && !otherLanguageSentence(words))) {
      run = 0;
      continue;
    }
    // Lines set apart by a single line break (a post's lines: "Urgent:" over the news) are weighed together first,
    // once, from the group's first line, when the group is a post's length.
    const lastLine = groupEnd[i]!;
    if (lastLine > i && lastLine - i < POST_LINES && (i === 0 || groupEnd[i - 1] !== lastLine)) {
      const lines = { index: i, start: p.start, end: paragraphs[lastLine]!.end };
      const state = { afterColon, run, previous, last: lastLine === paragraphs.length - 1 };
      if (decide(lines, text.slice(lines.start, lines.end), state, lastLine)) {
        run += 1;
        before = i = lastLine;
        continue;
      }
    }
    const last = i === paragraphs.length - 1;
    run = decide(p, words, { afterColon, run, previous, last }, i) ? run + 1 : 0;
  }
}

/** The most lines a post set line by line may have to be weighed as one. */
const POST_LINES = 12;

/** For each paragraph, the last of the lines that follow it with no blank line between them (one pass, backwards). */
function groupEnds(text: string, paragraphs: readonly Paragraph[]): number[] {
  const ends: number[] = [];
  for (let j = paragraphs.length - 1; j >= 0; j--) {
    const next = paragraphs[j + 1];
    const joined = next && !/\n\s*\n/.test(text.slice(paragraphs[j]!.end, next.start));
    ends[j] = joined ? ends[j + 1]! : j;
  }
  return ends;
}

/** Paragraphs (not already in quotation marks) read as quotations without marks, one Quotation each. */
export function blockQuotationsOf(
  text: string,
  paragraphs: readonly Paragraph[],
  quotations: readonly Quotation[],
): Quotation[] {
  const out: Quotation[] = [];
  walkBlockCandidates(text, paragraphs, quotations, (p, words, state, lastIndex) => {
    // A run of quoted paragraphs ends where the narrator names the next writer by their handle.
    if (!state.afterColon && NARRATION.some((n) => n.test(words))) return false;
    const probability = blockProbability(words, state);
    if (probability < BLOCK_THRESHOLD) return false;
    // Lines of one block set apart by a single line break (no blank line) are one quotation of several parts.
    const lines = paragraphs.slice(p.index, lastIndex + 1).map((l) => ({ start: l.start, end: l.end }));
    const before = out[out.length - 1];
    if (
      before &&
      before.lastParagraph === p.index - 1 &&
      !/\n\s*\n/.test(text.slice(before.marked.at(-1)!.end, p.start))
    ) {
      before.parts.push(...lines);
      before.marked.push(...lines.map((l) => ({ ...l })));
      before.lastParagraph = lastIndex;
      return true;
    }
    out.push({
      blockProbability: probability,
      parts: lines,
      marked: lines.map((l) => ({ ...l })),
      style: "block",
      paragraph: p.index,
      lastParagraph: lastIndex,
      inner: [],
    });
    return true;
  });
  return out;
}
