// Weighs the candidate speakers of a quotation (src/ingest/attribution/speakerCandidates.ts) with a small learned model
// (src/ingest/models/speaker.json, trained by scripts/train-models.ts on the tuning split only) and says how sure the
// choice is: the winner's probability, lowered when a rival comes close, so that a confidence of 0.9 means about
// nine right in ten on text the model never saw (the reliability table of `npm run eval:news` checks it).
import { wordCount } from "../text/layout";
import { probability, type Features, type LinearModel } from "../models/linearModel";
import confidenceModel from "../models/confidence.json";
import model from "../models/speaker.json";
import type { Quotation } from "../quotations/quotes";
import type { Candidate } from "./speakerCandidates";

const SPEAKER_MODEL: LinearModel = model;
const CONFIDENCE_MODEL: LinearModel = confidenceModel;

export interface Ranked {
  candidate: Candidate;
  probability: number;
}

/** Candidates, most likely speaker first. Ties keep the candidates' order (the rules' reading first). */
export function rankSpeakers(candidates: readonly Candidate[]): Ranked[] {
  return candidates
    .map((candidate) => ({ candidate, probability: probability(SPEAKER_MODEL, candidate.features) }))
    .sort((a, b) => b.probability - a.probability);
}

/** The winner's own features the confidence model reads beside the margin. */
const WINNER_FEATURES = [
  "inIntroduction",
  "introSubject",
  "subject",
  "beforeCue",
  "afterCue",
  "sameSentence",
  "previousSentence",
  "blockContinuation",
  "continuesWithoutCue",
  "previousSameParagraph",
  "fullName",
  "mentionedInside",
  "afterPreposition",
  "ruleAfter",
  "ruleGuess",
  "rule_pronoun",
  "rule_description",
  "outlet",
  "previousConfidence",
] as const;

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * What the quotation itself looks like, for the confidence model: a scare quote or a title ("support movement",
 * "The Internet Explorer 6 Countdown") is short, unpunctuated and often in title case, while someone's words run
 * longer and end like a sentence. A choice of speaker is only as right as the quotation is someone's words.
 */
export function quotationShape(text: string, q: Quotation): Features {
  const words = q.parts
    .map((p) => text.slice(p.start, p.end))
    .join(" ")
    .trim();
  const count = wordCount(words);
  const tokens = words.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const capitalised = tokens.filter((w) => /^\p{Lu}/u.test(w)).length;
  const before = text.slice(Math.max(0, q.marked[0]!.start - 3), q.marked[0]!.start);
  return {
    quoteWords: Math.min(count, 40) / 40,
    quoteShort: count <= 5 ? 1 : 0,
    quoteEndsLikeSentence: /[.,!?…;:]["'”’»)\]]?$/.test(words) ? 1 : 0,
    quoteCapital: /^["'“‘«([]?\p{Lu}/u.test(words) ? 1 : 0,
    quoteTitleCase: count <= 8 && tokens.length > 1 && capitalised / tokens.length > 0.6 ? 1 : 0,
    quoteInsideSentence: /\p{Ll}[,]? $/u.test(before) ? 1 : 0,
    quoteParts: q.parts.length > 1 ? 1 : 0,
    // How sure the block-quotation model was that a paragraph without marks is someone's words at all.
    blockSureness: q.blockProbability === undefined ? 0 : logit(Math.min(0.999, q.blockProbability)) / 4,
  };
}

/** What the confidence model reads of a choice: how far ahead the winner is, and how it came in. */
export function decisionFeatures(ranked: readonly Ranked[], block: boolean, shape: Features = {}): Features {
  const [first, second] = ranked;
  if (!first) return {};
  const f = first.candidate.features;
  const top = logit(first.probability);
  return {
    top: top / 4,
    margin: second ? Math.min(2, (top - logit(second.probability)) / 4) : 2,
    alone: second ? 0 : 1,
    rule: Object.keys(f).some((k) => k.startsWith("rule_")) ? 1 : 0,
    ruleName: f.rule_name ?? 0,
    continuation: first.candidate.via === "continuation" ? 1 : 0,
    nearbyOnly: first.candidate.via === "nearby" ? 1 : 0,
    block: block ? 1 : 0,
    organization: f.type_organization ?? 0,
    handle: f.handle ?? 0,
    // Where the winner stands: the subject of the introduction, before its cue, in the quotation's own sentence.
    ...Object.fromEntries(WINNER_FEATURES.map((k) => [`winner_${k}`, f[k] ?? 0])),
    // A run carried on from a choice sure enough to be drafted: a block's next paragraph is as sure as its first.
    previousDrafted: (f.previousConfidence ?? 0) >= 0.7 ? 1 : 0,
    blockAfterDrafted: block && (f.previousConfidence ?? 0) >= 0.7 ? 1 : 0,
    ...shape,
  };
}

/**
 * How sure the first choice is: a second small model (src/ingest/models/confidence.json), trained on the same
 * split, that has seen how often such a choice was right, including quotations whose speaker was not among the
 * candidates at all.
 */
export function confidenceOf(ranked: readonly Ranked[], block = false, shape: Features = {}): number {
  if (!ranked.length) return 0;
  return probability(CONFIDENCE_MODEL, decisionFeatures(ranked, block, shape));
}
