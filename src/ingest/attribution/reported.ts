// Reported speech in a sentence with no quotation of its own: "X said (that) …", "According to X, …", "…, the
// ministry said.", "X …, saying …", "X called for …", "…, after Kyiv said it …".
import type { Span } from "../../domain/spans";
import { wordCount } from "../text/layout";
import { CUES, REPORTING_STEMS } from "../words/lexicon";
import { ADVERBS, AUX, CUE_WORDS, MID_CUES, NAMED, SUBJECT, type Sentence, type Site } from "../text/patterns";

const AUDIENCES = "reporters|journalists|lawmakers|parliament";
const NAME = String.raw`[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*`;
/** Who was told or asked: "told reporters", "told the BBC", "asked him", "told Robert Fico". */
const TOLD_WHOM = new RegExp(
  String.raw`^\s+(?:${AUDIENCES}|the\s+\S+|a\s+\S+(?:\s+\S+)?|him|her|them|us|${NAME})`,
  "u",
);
/** "on Tuesday ", "last week ", "yesterday ": when, between the cue and what was said. */
const WHEN_SAID = String.raw`(?:on\s+\S+\s+|late\s+\S+\s+|last\s+\S+\s+|yesterday\s+|in\s+\S+\s+)?`;
const MODALS = "would|will|was|is|had|has|could|should|must";
/** What starts a reported clause: "that", "it", "the", or a subject and its verb ("Russia would"). */
const REPORTED_START = new RegExp(String.raw`^\s+${WHEN_SAID}(?:that\b|it\b|the\b|\S+\s+(?:${MODALS})\b)`);

/** Reported speech in a sentence without a quotation of its own. */
export function reportedSite(text: string, s: Sentence, marked: Span[]): Site | undefined {
  const sentence = text.slice(s.start, s.end);
  const around = { start: s.start, end: s.end };
  // "According to NP, …" / "…, according to NP."
  const acc = /^According to ([^,]+),\s+\S/u.exec(sentence) ?? /,\s+according to ([^,.;]+)[.]?$/u.exec(sentence);
  if (acc) {
    return {
      phrase: acc[1]!,
      phraseAt: s.start + acc.index + acc[0].indexOf(acc[1]!),
      cue: "according to",
      tense: "past",
      perfect: false,
      around,
    };
  }
  // "…, the ministry said." — indirect speech with its attribution at the end.
  const trailing = new RegExp(
    `,\\s+((?:\\S+\\s+){0,6}?)(?:${AUX}\\s+)?(${CUE_WORDS})(?:\\s+(?:on|late|early|last)?\\s*\\S+)?\\s*[.]$`,
    "u",
  ).exec(sentence);
  if (
    trailing &&
    trailing[1]!.trim() &&
    REPORTING_STEMS.has(CUES.get(trailing[2]!)?.stem ?? "") &&
    CUES.get(trailing[2]!)!.tense !== "participle"
  ) {
    const words = wordCount(sentence.slice(0, trailing.index));
    if (words >= 4) {
      return {
        phrase: trailing[1]!,
        phraseAt: s.start + trailing.index + trailing[0].indexOf(trailing[1]!),
        cue: trailing[2]!,
        tense: CUES.get(trailing[2]!)!.tense,
        perfect: false,
        around,
      };
    }
  }
  // "NP (aux) (adv) CUE (that) …" at the start of the sentence (after an opening clause).
  const lead = new RegExp(
    `^((?:[^,]{0,80},\\s+)?)((?:\\S+\\s+){0,6}?)(${AUX}\\s+)?(?:${ADVERBS}\\s+)?(${CUE_WORDS})\\b`,
    "u",
  ).exec(sentence);
  if (lead && lead[2]!.trim()) {
    const cue = lead[4]!;
    const info = CUES.get(cue)!;
    // "told reporters that …": the one told is not what was said.
    const told = /^(?:told|tells|telling|asked|asks)$/.test(cue)
      ? (TOLD_WHOM.exec(sentence.slice(lead[0].length))?.[0] ?? "")
      : "";
    const rest = sentence.slice(lead[0].length + told.length);
    const named = /^[\p{Lu}]/u.test(lead[2]!) || /^(?:he|she|the)\b/i.test(lead[2]!);
    const that = REPORTED_START.test(rest) || /^\s+that\b/.test(rest);
    const wordBefore = lead[2]!.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
    if (
      named &&
      !NOUN_BEFORE.has(wordBefore) &&
      info.tense !== "participle" &&
      REPORTING_STEMS.has(info.stem) &&
      (that || /\b(?:that|would|will)\b/.test(rest.slice(0, 40))) &&
      wordCount(rest) >= 3
    ) {
      const inQuote = marked.some((m) => m.start <= s.start + lead.index && m.end > s.start + lead.index);
      if (!inQuote) {
        return {
          phrase: lead[2]!,
          phraseAt: s.start + lead[1]!.length,
          cue,
          tense: info.tense,
          perfect: /^(?:has|have)\s/.test(lead[3] ?? ""),
          around,
        };
      }
    }
  }
  // "NP … , saying (that) …": the sentence's subject speaks.
  const subject = /^((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*|He|She)\s+\p{Ll}/u.exec(sentence);
  if (subject && /^[^,]{0,120},\s+saying\b/u.test(sentence)) {
    const perfect = /^\S+(?:\s+\S+)*?\s+(?:has|have)\s/.test(sentence.slice(0, sentence.indexOf(", saying")));
    return { phrase: subject[1]!, phraseAt: s.start, cue: "saying", tense: "past", perfect, around };
  }
  // "NP (also) called for …": a demand, reported.
  const callFor = new RegExp(
    `^(${SUBJECT})\\s+(${AUX}\\s+)?(?:${ADVERBS}\\s+)?(called for|calls for|urged|urges|demanded|demands)\\s`,
    "u",
  ).exec(sentence);
  if (callFor) {
    return {
      phrase: callFor[1]!,
      phraseAt: s.start,
      cue: callFor[3]!,
      tense: /s for$|ges$|nds$/.test(callFor[3]!) ? "present" : "past",
      perfect: /^ha(?:s|ve)\s/.test(callFor[2] ?? ""),
      around,
    };
  }
  // "…, after Kyiv said it …": a cue in the middle of the sentence; the evidence runs from the speaker on.
  const mid = new RegExp(
    `(?:,\\s+|\\b(?:after|as|while|because|when|since|but|and)\\s+)(${NAMED})\\s+(${AUX}\\s+)?(?:${ADVERBS}\\s+)?` +
      `(${MID_CUES})\\s+(?:\\S+\\s+)?(?:that\\s+)?(?:it|he|she|they|the)\\b`,
    "u",
  ).exec(sentence);
  if (mid) {
    const from = s.start + mid.index + mid[0].indexOf(mid[1]!);
    const evidenceStart = /^(?:after|as|while|because|when|since|but|and)\s/.test(sentence.slice(mid.index).trimStart())
      ? s.start + mid.index + (mid[0].length - mid[0].trimStart().length)
      : from;
    const cue = mid[3]!;
    return {
      phrase: mid[1]!,
      phraseAt: from,
      cue,
      tense: CUES.get(cue)!.tense,
      perfect: /^ha(?:s|ve)\s/.test(mid[2] ?? ""),
      around: { start: evidenceStart, end: s.end },
    };
  }
  return undefined;
}

/**
 * Words after which a cue word is a noun ("seven states", "the reports", "his claims", "the United States") or the
 * verb of a relative clause ("an officer who said that …": the officer speaks, not the sentence's subject).
 */
const NOUN_BEFORE = new Set(
  (
    "the a an his her their its our my your this these those some many several few no any other such " +
    "two three four five six seven eight nine ten dozen united who which"
  ).split(" "),
);
