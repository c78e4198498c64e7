// Quotations whose speaker is carried on from the quotation before, where nothing between them says it changed.
//
// A run of block quotations: paragraphs without marks set one after another under one hand-over ("X writes:", then
// the post in its own language, then its translation, then a second paragraph of the post). The ranker weighs each
// paragraph on its own and is less sure of every paragraph further from the hand-over, though nothing between them
// says the writer changed. Here a paragraph that the block model is sure is quoted, with no attribution of its own,
// right after a block paragraph whose speaker the ranker also ranks first for it, is as sure as that one, a little
// less: a run is one writer's until the article's own voice or another hand-over breaks it.
import type { Quotation } from "../quotations/quotes";
import type { Paragraph } from "../text/layout";
import type { Entity } from "../entities/entities";
import type { MentionIndex } from "./speakerCandidates";
import type { Attributed } from "./speakers";

/** The share of the paragraph before's confidence that a paragraph carrying its run on keeps (tuning split). */
export const RUN_DECAY = 0.97;
/** How sure the block model must be that the paragraph is quoted at all (the article's own paragraph ends a run). */
export const RUN_BLOCK_SURENESS = 0.9;

export interface RunChoice {
  speaker: Entity;
  /** The last paragraph of the quotation it was made for. */
  paragraph: number;
  confidence: number;
  /** Whether that quotation was a block quotation. */
  block: boolean;
  /** Whether its words are in another language than the article's, and how long they are. */
  foreign?: boolean;
  length?: number;
}

/** A paragraph that only marks words left out of a quotation: "[...]", "(…)", "...". */
const ELLIPSIS = /^[[(]?(?:\.{3}|…)[\])]?$/u;

/**
 * The choice made for the quotation before, as if it stood right before `paragraph` when only paragraphs that mark
 * words left out ("[...]") stand between them: a post quoted in pieces is still one writer's.
 */
export function acrossOmissions<T extends { paragraph: number }>(
  text: string,
  paragraphs: readonly Paragraph[],
  choice: T | undefined,
  paragraph: number,
): T | undefined {
  if (!choice || choice.paragraph >= paragraph - 1) return choice;
  for (let i = choice.paragraph + 1; i < paragraph; i++) {
    const p = paragraphs[i]!;
    if (!ELLIPSIS.test(text.slice(p.start, p.end).replace(/\s/gu, ""))) return choice;
  }
  return { ...choice, paragraph: paragraph - 1 };
}

/**
 * The confidence a block quotation takes from the block paragraph before it, when it carries that run on and the
 * ranker chose the same speaker; undefined when it does not.
 */
export function runConfidence(
  q: Quotation,
  hasOwnAttribution: boolean,
  before: RunChoice | undefined,
  chosen: Entity | undefined,
): number | undefined {
  if (q.style !== "block" || hasOwnAttribution || !before?.block || before.paragraph !== q.paragraph - 1) return;
  if (chosen !== before.speaker || (q.blockProbability ?? 1) < RUN_BLOCK_SURENESS) return;
  return before.confidence * RUN_DECAY;
}

/** How much longer or shorter than the original its translation may be. */
const TRANSLATION_RATIO = 2;

/**
 * A post quoted in its own language and then in English: a block paragraph in the article's language right after a
 * block paragraph in another, of a like length and with no attribution of its own, is its translation, and the
 * original's speaker's, as sure as the original a little less, whoever else the ranker would prefer.
 */
export function translationConfidence(
  q: Quotation,
  words: string,
  hasOwnAttribution: boolean,
  before: RunChoice | undefined,
  foreign: boolean,
): number | undefined {
  if (q.style !== "block" || hasOwnAttribution || foreign || !before?.block || !before.foreign) return;
  if (before.paragraph !== q.paragraph - 1 || !before.length) return;
  const ratio = words.length / before.length;
  if (ratio > TRANSLATION_RATIO || ratio < 1 / TRANSLATION_RATIO) return;
  return before.confidence * RUN_DECAY;
}

/** The share of the quotation before's confidence that the quotation in the next sentence keeps. */
export const NEXT_SENTENCE_DECAY = 0.95;

interface Before {
  statement: {
    kind: string;
    speaker: Entity;
    evidence: readonly { start: number; end: number }[];
    confidence: number;
    cue: string;
  };
  paragraph: number;
}

/**
 * `"Q1," said Jane Roe, a trader at Eastbank. "Q2."`: a quotation that opens the sentence right after a sentence that
 * ended with the attribution of the quotation before (in the same paragraph, with no one else named between them) is
 * that speaker's, a little less sure. (The ranker alone gave such quotations to whoever the text names next.)
 * Undefined when nothing carries on.
 */
export function nextSentenceSpeaker(
  text: string,
  q: Quotation,
  before: Before,
  mentions: MentionIndex,
): Attributed | undefined {
  const { statement } = before;
  // Only a quotation attributed by a verb of saying (its cue), in this paragraph.
  if (statement.kind !== "DIRECT_QUOTE" || !statement.cue || before.paragraph !== q.paragraph) return undefined;
  const from = statement.evidence[statement.evidence.length - 1]!.end;
  const open = q.marked[0]!.start;
  // The evidence reaches through the attribution: what follows it is only the end of its sentence and a space.
  if (!/^[\s.!?]*$/.test(text.slice(from, open)) || !/[.!?]\s*$/.test(text.slice(Math.max(0, from - 3), open)))
    return undefined;
  if (mentions.within({ start: from, end: open }).some((m) => m.entity !== statement.speaker)) return undefined;
  return {
    entity: statement.speaker,
    confidence: Math.round(statement.confidence * NEXT_SENTENCE_DECAY * 100) / 100,
    via: "continuation",
  };
}
