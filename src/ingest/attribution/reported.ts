// Reported speech in a sentence with no quotation of its own: "X said (that) …", "According to X, …", "…, the
// ministry said.", "X …, saying …", "X called for …", "…, after Kyiv said it …".
import type { Span } from "../../domain/spans";
import { wordCount } from "../text/layout";
import { CUES, isTitleWord, OBJECT_STEMS, OBJECT_VERBS, ORGANIZATION_NOUNS, REPORTING_STEMS } from "../words/lexicon";
import { subjectBefore } from "./subjectBefore";
import { tailSite } from "./tailSite";
import { ADVERBS, AUX, CUE_WORDS, MID_CUES, NAMED, SUBJECT, VIEW_OF, type Sentence, type Site } from "../text/patterns";

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
/** Words after "said" that begin an adverbial or close the saying, not the clause of what was said. */
const WHEN_SAID_WORDS =
  "in|on|at|of|to|during|after|before|with|by|for|from|about|as|when|while|through|via|so|nothing|yes|no|goodbye|" +
  "it|this|earlier|later|today|yesterday|last|recently|previously|then|repeatedly|again|also|only|simply|once|twice";
/** What starts a reported clause: "that", "it", "the", or a subject and its verb ("Russia would"). */
const REPORTED_START = new RegExp(String.raw`^\s+${WHEN_SAID}(?:that\b|it\b|the\b|\S+\s+(?:${MODALS})\b)`);

/**
 * After "said" / "says" a clause may start with any word ("said Tuesday's vote showed …"), but not with what makes
 * the verb's object something other than a statement: a preposition ("said in a statement", "said of him"), a
 * quotation mark, or a word that closes the saying ("said so", "said nothing").
 */
const SAYS_CLAUSE = new RegExp(String.raw`^\s+(?!(?:${WHEN_SAID_WORDS})\b)(?:[\p{L}\d$]|the\b)`, "iu");

/** Whether what follows a verb of saying reads as the clause that says what was said. */
function clauseAfter(stem: string, rest: string): boolean {
  return (
    REPORTED_START.test(rest) ||
    /\b(?:that|would|will)\b/.test(rest.slice(0, 40)) ||
    (stem === "say" && SAYS_CLAUSE.test(rest)) ||
    (COMMITS.has(stem) && TO_DO.test(rest))
  );
}

/** Verbs whose "to" and a verb say what was promised or refused: "vowed to fight", "promised to keep". */
const COMMITS = new Set(["promise", "pledge", "vow", "threaten", "agree", "refuse", "offer"]);
const TO_DO = /^\s+to\s+\p{Ll}+/u;

/** Whether the words after "said" read as the clause of what was said ("… said the fees would stay low"). */
export const saysAClause = (rest: string) => clauseAfter("say", rest);

/** "is pleased to announce", "are proud to report": an announcement in the words of a press release. */
const PLEASED_TO_ANNOUNCE =
  /\s(?:is|are|was|were)\s+(pleased|proud|happy|delighted|glad|honou?red)\s+to\s+(announce|report|confirm|share)\s/u;

/** Reported speech in a sentence without a quotation of its own. */
export function reportedSite(text: string, s: Sentence, marked: Span[]): Site | undefined {
  const sentence = text.slice(s.start, s.end);
  // A headline or a caption ("Airbus announces job cuts") is not a sentence of the story.
  if (!/[.!?:;"”’)]$/u.test(sentence.trimEnd())) return undefined;
  const around = { start: s.start, end: s.end };
  const according = accordingTo(sentence, s);
  if (according) return according;
  // "Senator Ana Lind is pleased to announce …": the announcement is hers.
  const pleased = PLEASED_TO_ANNOUNCE.exec(sentence);
  const glad = pleased && subjectBefore(text, s.start, s.start + pleased.index + pleased[0].indexOf(pleased[1]!));
  if (pleased && glad && wordCount(sentence.slice(pleased.index + pleased[0].length)) >= 2)
    return { phrase: glad.phrase, phraseAt: glad.at, cue: pleased[2]!, tense: "present", perfect: false, around };
  // "For Ana Lind, the ferry was the wrong target.": her view, reported.
  const view = VIEW_OF.exec(sentence);
  if (view && wordCount(sentence.slice(view[0].length)) >= 4)
    return { phrase: view[1]!, phraseAt: s.start + 4, cue: "for", tense: "past", perfect: false, around };
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
  // "NP (aux) (adv) CUE (that) …" at the start of the sentence, then after an opening clause ("In 2005, X said …"):
  // the shorter reading first, so that a participle later on ("…, noting …") does not hide the subject's own verb.
  for (const lead of LEADS) {
    const site = leadSite(sentence, s, marked, lead);
    if (site) return site;
  }
  // "NP … , saying (that) …", "…, arguing …": the sentence's subject speaks.
  const subject = /^((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*|He|She)\s+\p{Ll}/u.exec(sentence);
  const participle = subject && PARTICIPLE_CLAUSE.exec(sentence);
  if (subject && participle) {
    const before = sentence.slice(0, participle[0].length - participle[1]!.length);
    const perfect = /^\S+(?:\s+\S+)*?\s+(?:has|have)\s/.test(before);
    return { phrase: subject[1]!, phraseAt: s.start, cue: participle[1]!, tense: "past", perfect, around };
  }
  // "…, X said, …" and "…, said X." in the middle or at the end of a sentence.
  const aside = asideSite(sentence, s) ?? tailSite(sentence, s);
  if (aside) return aside;
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
  // "…, X told the three judges:": the ones told, then nothing reported.
  const toldOnly =
    mid &&
    /^(?:told|asked)$/.test(mid[3]!) &&
    wordCount(sentence.slice(mid.index + mid[0].indexOf(mid[3]!) + mid[3]!.length).replace(TOLD_WHOM, "")) < 3;
  if (mid && !toldOnly) {
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
  return verbFirstSite(text, s, marked);
}

/**
 * A verb of saying anywhere in the sentence, its subject read backwards from it ("Sens. A (D-ND) and B (R-ME) today
 * announced that …", "…, after US bank chief Ben Bernanke said that …"): what the rules above, which read the
 * subject forwards from the sentence's start, miss.
 */
function verbFirstSite(text: string, s: Sentence, marked: Span[]): Site | undefined {
  const sentence = text.slice(s.start, s.end);
  for (const m of sentence.matchAll(REPORTING_AT)) {
    const cue = m[0];
    const info = CUES.get(cue) ?? OBJECT_VERBS.get(cue);
    if (!info || info.tense === "participle") continue;
    if (!REPORTING_STEMS.has(info.stem) && !OBJECT_STEMS.has(info.stem)) continue;
    const verbAt = s.start + m.index;
    if (marked.some((q) => q.start <= verbAt && q.end > verbAt)) continue;
    // "was praised", "has been told": the subject did not speak.
    if (/\b(?:was|were|been|being|be)\s+$/u.test(sentence.slice(Math.max(0, m.index - 8), m.index))) continue;
    const rest = sentence.slice(m.index + cue.length);
    const told = /^(?:told|tells|asked|asks)$/.test(cue) ? (TOLD_WHOM.exec(rest)?.[0] ?? "") : "";
    const reported = rest.slice(told.length);
    const clause = clauseAfter(info.stem, reported) || OBJECT_STEMS.has(info.stem);
    if (!clause || wordCount(reported) < 3) continue;
    const subject = subjectBefore(text, s.start, verbAt);
    if (!subject || NOUN_BEFORE.has(subject.phrase.toLowerCase())) continue;
    return {
      phrase: subject.phrase,
      phraseAt: subject.at,
      cue,
      tense: info.tense,
      perfect: false,
      around: { start: s.start, end: s.end },
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

/** Participles that hand the sentence's subject what follows: "…, saying that …", "…, calling for …". */
const PARTICIPLES =
  "saying|arguing|adding|noting|claiming|insisting|warning|explaining|stressing|suggesting|calling for|urging|" +
  "demanding|describing|accusing|asking|pointing out";
const PARTICIPLE_CLAUSE = new RegExp(`^[^,]{0,120},\\s+(${PARTICIPLES})\\b`, "u");
/** Verbs of an aside: "…, Sanders said, …". */
const ASIDE_CUES = "said|says|added|adds|argued|argues|noted|notes|wrote|writes|explained|insisted|warned|claimed";
/** "…, Sanders said, …" or "…, he added, …": a name or a pronoun between commas with its verb. */
const ASIDE = new RegExp(`,\\s+(${NAMED}|he|she)\\s+(${ASIDE_CUES}),\\s`, "u");
/** "…, said Chute, of the Institute …" or "…, said Chute.": the verb first, then the name. */
const INVERTED = new RegExp(
  `,\\s+(${ASIDE_CUES})\\s+((?:the\\s+)?[\\p{Lu}][\\p{L}’'.-]*(?:\\s+[\\p{Lu}][\\p{L}’'.-]*)*)[,.]`,
  "u",
);

/** "…, Sanders said, …", "…, said Chute.": the speaker named in an aside, with something reported around it. */
function asideSite(sentence: string, s: Sentence): Site | undefined {
  const aside = ASIDE.exec(sentence);
  const inverted = aside ? undefined : INVERTED.exec(sentence);
  const found = aside ?? inverted;
  if (!found || wordCount(sentence) - wordCount(found[0]) < 4) return undefined;
  const [phrase, cue] = aside ? [aside[1]!, aside[2]!] : [inverted![2]!, inverted![1]!];
  return {
    phrase,
    phraseAt: s.start + found.index + found[0].indexOf(phrase),
    cue,
    tense: CUES.get(cue)?.tense ?? "past",
    perfect: false,
    around: { start: s.start, end: s.end },
  };
}

/** The subject's words before the cue: at most six, lazily, so the nearest cue is read. */
const LEAD_SUBJECT = String.raw`((?:\S+\s+){0,6}?)`;
/** Every verb that can report: the cues and the verbs whose object is what was said, longest first. */
const REPORTING_WORDS = [...CUES.keys(), ...OBJECT_VERBS.keys()].sort((a, b) => b.length - a.length).join("|");
/** Every verb that may report, anywhere in a sentence (lower case: a capitalised "Says" starts a title). */
const REPORTING_AT = new RegExp(`\\b(?:${REPORTING_WORDS})\\b`, "gu");
/** The subject, its auxiliary and adverb, then the verb: "The ministry has also said", "Sen. X has urged". */
const LEAD_VERB = `${LEAD_SUBJECT}(${AUX}\\s+)?(?:${ADVERBS}\\s+)?(${REPORTING_WORDS})\\b`;
/** The same after an opening clause of at most 80 characters ("In a statement on Tuesday, "). */
const LEADS = [new RegExp(`^()${LEAD_VERB}`, "u"), new RegExp(`^([^,]{0,80},\\s+)${LEAD_VERB}`, "u")];

/** A name alone before the comma that opens its apposition: "Jana Holt, ". */
const APPOSED_BEFORE = new RegExp(`^(${NAMED}),\\s+$`, "u");

/** "NP (aux) (adv) CUE (that) …": the sentence's subject reports what follows the cue. */
function leadSite(sentence: string, s: Sentence, marked: Span[], pattern: RegExp): Site | undefined {
  const lead = pattern.exec(sentence);
  if (!lead || !lead[2]!.trim()) return undefined;
  const cue = lead[4]!;
  const info = (CUES.get(cue) ?? OBJECT_VERBS.get(cue))!;
  // "X was praised by …": the passive's subject did not speak.
  if (/^(?:was|were)\s/.test(lead[3] ?? "")) return undefined;
  // "told reporters that …": the one told is not what was said.
  const told = /^(?:told|tells|telling|asked|asks)$/.test(cue)
    ? (TOLD_WHOM.exec(sentence.slice(lead[0].length))?.[0] ?? "")
    : "";
  const rest = sentence.slice(lead[0].length + told.length);
  const named = /^[\p{Lu}]/u.test(lead[2]!) || /^(?:he|she|the)\b/i.test(lead[2]!);
  const that = REPORTED_START.test(rest) || /^\s+that\b/.test(rest);
  const wordBefore = lead[2]!.trim().split(/\s+/).pop()?.toLowerCase() ?? "";
  if (
    !named ||
    NOUN_BEFORE.has(wordBefore) ||
    info.tense === "participle" ||
    !(REPORTING_STEMS.has(info.stem) || OBJECT_STEMS.has(info.stem)) ||
    !(that || clauseAfter(info.stem, rest) || OBJECT_STEMS.has(info.stem)) ||
    wordCount(rest) < 3
  )
    return undefined;
  const at = s.start + lead.index;
  if (marked.some((m) => m.start <= at && m.end > at)) return undefined;
  // "Jana Holt, the chief executive of Velora, announced …": the name before the apposition speaks.
  const apposed = APPOSED_BEFORE.exec(lead[1]!);
  if (apposed && /^(?:the|a|an)\s/u.test(lead[2]!) && /,\s*$/u.test(lead[2]!))
    return {
      phrase: apposed[1]!,
      phraseAt: s.start,
      cue,
      tense: info.tense,
      perfect: /^(?:has|have)\s/.test(lead[3] ?? ""),
      around: { start: s.start, end: s.end },
    };
  // "Of the old pier she stated …": the pronoun before the verb is the subject, not the words before it.
  const pronoun = /\s(he|she)\s+$/iu.exec(lead[2]!);
  return {
    phrase: pronoun ? pronoun[1]! : lead[2]!,
    phraseAt: s.start + lead[1]!.length + (pronoun ? pronoun.index + 1 : 0),
    cue,
    tense: info.tense,
    perfect: /^(?:has|have)\s/.test(lead[3] ?? ""),
    around: { start: s.start, end: s.end },
  };
}

/**
 * Where the source's name ends after "according to": a comma, a semicolon, a bracket, or a full stop at the end or
 * before a lower-case word (not the one in "the U.S. Department").
 */
const SOURCE_END = /[,;()]|\.(?=\s+\p{Ll}|\s*$)/u;

/** A source is a name or a noun with its determiner: "Reuters", "the website", "its spokesman". */
const SOURCE_START = /^(?:\p{Lu}|(?:the|a|an|its|his|her|their)\s+\S)/u;

/** Lower-case words inside a name: "Institute for Supply Management", "Bank of England". */
const NAME_JOINERS = new Set(["of", "for", "and", "on", "in", "the", "de", "du", "la", "le", "van", "von", "al"]);

/**
 * A name with no comma after it ends at its last capitalised word: "According to Osabutey countries that …"; titles
 * stay inside ("Airbus spokesman Jaime Perez-Guerra").
 */
function nameOnly(phrase: string): string {
  if (!/^\p{Lu}/u.test(phrase)) return phrase;
  const words = phrase.split(/\s+/);
  let last = 0;
  for (let i = 1; i < words.length; i++) {
    if (/^[\p{Lu}\d]/u.test(words[i]!)) last = i;
    else if (!NAME_JOINERS.has(words[i]!) && !isTitleWord(words[i]!)) break;
  }
  return words.slice(0, last + 1).join(" ");
}

/** "According to NP, …", "…, according to NP.", "…, which, according to NP, is …": NP is the source. */
function accordingTo(sentence: string, s: Sentence): Site | undefined {
  const cue = /(?:^|[\s(])[Aa]ccording to\s+/u.exec(sentence);
  if (!cue) return undefined;
  const from = cue.index + cue[0].length;
  const after = sentence.slice(from, from + 120);
  const end = SOURCE_END.exec(after)?.index ?? after.length;
  const phrase = nameOnly(after.slice(0, end).trimEnd());
  // Something must be reported besides the source: "According to X." alone says nothing.
  if (!phrase || wordCount(phrase) > 10 || wordCount(sentence) - wordCount(phrase) < 5) return undefined;
  // "according to research done by …", "according to some": no source named.
  if (!SOURCE_START.test(phrase)) return undefined;
  return {
    phrase,
    phraseAt: s.start + from,
    cue: "according to",
    tense: "past",
    perfect: false,
    around: { start: s.start, end: s.end },
  };
}

/**
 * The phrase names an institution the entity is not: "the U.S. Department of Justice" read as the United States,
 * "the Institute for Supply Management" as "Institute". Such a reading gives the words to the wrong speaker.
 */
export function namesAnotherInstitution(phrase: string, entityNames: readonly string[]): boolean {
  const heads = [...phrase.matchAll(/\b\p{Lu}\p{Ll}+\b/gu)]
    .map((m) => m[0])
    .filter((w) => ORGANIZATION_NOUNS.has(w.toLowerCase()));
  return heads.some((head) => !entityNames.some((n) => n.includes(head)));
}
