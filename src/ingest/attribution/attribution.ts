// Who a quotation is attributed to, read from the words around it: after it (`," NP said`, `," said NP`,
// `," NP, the minister, told reporters`), before it (`NP said:`, `NP put it bluntly:`), in the paragraph before (a
// colon), or around a `Quote:` label; and whether a quotation continues the one before it (`"X," he said. "Y."`).
import { paragraphBefore } from "../quotations/captions";
import type { Span } from "../../domain/spans";
import { containing, lastStartingBy, type Paragraph } from "../text/layout";
import {
  ADVERBS,
  AUX,
  CUE_WORDS,
  cueOf,
  LEADING_CLAUSE,
  NAME_PARTICLE,
  NAMED,
  type Sentence,
  VIEW_OF,
  type Site,
} from "../text/patterns";
import type { Quotation } from "../quotations/quotes";
import { isTitleWord, TITLE_WORDS } from "../words/lexicon";
import { ATTRIBUTION_WINDOW } from "../text/windows";
import { saysAClause } from "./reported";

/** A name with up to three lower-case words before it: "the outspoken Robert Fico". */
const CAPITALISED_WORD = String.raw`[\p{Lu}][\p{L}’'.-]*`;
/** A name's words after the first, with particles between them ("Camila de Souza"). */
const NAME_REST = String.raw`(?:\s+(?:${NAME_PARTICLE}\s+){0,2}${CAPITALISED_WORD})*`;
const NAMED_SUBJECT = String.raw`(?:the\s+|a\s+)?(?:[\p{Ll}-]+\s+){0,3}?${CAPITALISED_WORD}${NAME_REST}`;
const ROLE_NOUNS = [
  "executive",
  "minister",
  "officer",
  "president",
  "director",
  "secretary",
  "judge",
  "coach",
  "governor",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "chairman",
  "chairwoman",
  "leader",
  "envoy",
].join("|");
/** "the chief executive", "the foreign minister": a role as the subject. */
const ROLE_SUBJECT = String.raw`the\s+[\p{Ll}\d-]+(?:\s+(?:${ROLE_NOUNS}))?`;
/** The subject of a clause before a colon, after an optional clause of its own, followed by its predicate. */
const COLON_SUBJECT = new RegExp(
  String.raw`^(?:[^,]*,\s+)?(${NAMED_SUBJECT}|he|she|they|${ROLE_SUBJECT})(?:\s+\(@\w+\))?\s+\p{Ll}`,
  "u",
);

/** A name of two to four words opening a sentence, then an apposition's comma or a verb. */
const OPENING_NAME = new RegExp(String.raw`^(${CAPITALISED_WORD}(?:\s+${CAPITALISED_WORD}){1,3})(?:,|\s+\p{Ll})`, "u");

/** A verb of saying and its "that": "Roe warned that …" reports a clause of its own. */
const REPORTS_A_CLAUSE = new RegExp(String.raw`\b(?:${CUE_WORDS})\s+that\b`, "iu");
const CUE_VERB = new RegExp(String.raw`\b(?:${CUE_WORDS})\b`, "iu");

/** `"X," he said. "Y."` or `"X," he said, "Y."`: only an attribution stands between the two quotations. */
export function joinsPrevious(text: string, previous: Quotation, q: Quotation): boolean {
  const between = text.slice(previous.marked[previous.marked.length - 1]!.end, q.marked[0]!.start);
  const prevWords = text.slice(
    previous.parts[previous.parts.length - 1]!.start,
    previous.parts[previous.parts.length - 1]!.end,
  );
  if (between.length >= 240) return false;
  // Only the attribution may stand between: `, he said. ` or `, he said, ` — not another sentence or a colon.
  const attributionOnly = /^[^.!?:]*(?:[.!?]\s*|,\s*)$/.test(between);
  return (
    attributionOnly &&
    "—–-,".includes(prevWords.trimEnd().at(-1) ?? "x") &&
    CUE_VERB.test(between) &&
    !/["“«‘]/.test(between)
  );
}

/** Reads an attribution: `NP said` / `said NP` after the quotation, or `NP said:` / `NP said,` before it. */
export function attributionOf(
  text: string,
  q: Quotation,
  sentence: Sentence,
  sentences: Sentence[],
  paragraphs: readonly Paragraph[],
  marked: readonly Span[],
): Site | undefined {
  const close = q.marked[q.marked.length - 1]!.end;
  const open = q.marked[0]!.start;
  const lastSentence = containing(sentences, close - 1) ?? sentence;
  // After: up to the next quotation or the sentence's end.
  let afterEnd = Math.min(lastSentence.end, close + ATTRIBUTION_WINDOW);
  // The next opening mark (an apostrophe inside a word, "Tunisia's", opens nothing).
  const nextOpen = /(?<![\p{L}\d])["“«‘']/u.exec(text.slice(close, afterEnd));
  const handsOn = nextOpen !== null && /[,:]\s*$/.test(text.slice(close, close + nextOpen.index));
  if (handsOn) afterEnd = close + nextOpen.index;
  const after = text.slice(close, afterEnd);
  const a = afterSite(after, close);
  // After a quotation that ends its sentence, a new sentence whose verb hands over to the next quotation
  // (`"… early." After the match, Roe said, "…"`) is that quotation's attribution, and one that reports a clause of
  // its own (`"… stronger." Roe warned that …`) is a statement of its own: neither is this quotation's.
  const newSentence = /[.!?…]$/.test(text.slice(close - 2, close - 1)) && /^\s+\p{Lu}/u.test(after);
  // Before: from the sentence's start (or the previous quotation's end) to the opening mark.
  // The previous quotation's closing mark: marks are in text order, and the one before this quotation's opening.
  const previousMark = marked[lastStartingBy(marked, open) - 1];
  const from = Math.max(sentence.start, open - ATTRIBUTION_WINDOW, previousMark?.end ?? 0);
  const before = text.slice(from, open);
  const b = beforeSite(before, from);
  // `Jones said that "… short term." Other markets also posted gains`: an attribution before a quotation that ends
  // its sentence is its own; the next sentence is the story's. So is one that reports a clause of its own without
  // "that" (`"… to come." Piet Aalders said the fees would stay low.`).
  const verb = CUE_VERB.exec(after);
  const clause = verb ? saysAClause(after.slice(verb.index + verb[0].length)) : false;
  const afterFirst = a && !(newSentence && (b || handsOn || REPORTS_A_CLAUSE.test(after) || clause));
  if (afterFirst) return { ...a, around: { start: close, end: afterEnd } };
  if (b) return { ...b, around: { start: from, end: open } };
  // A quotation opening its paragraph after one that ends with a colon: "…, Helena Marstrand, said:"
  const paragraph = paragraphs[q.paragraph]!;
  if (!before.trim() && open === paragraph.start && q.paragraph > 0) {
    // A photograph's credit between the hand-over and the words is passed over.
    const intro = paragraphBefore(text, paragraphs, q.paragraph);
    const prev = intro >= 0 ? sentences[lastStartingBy(sentences, paragraphs[intro]!.end - 1)] : undefined;
    const start = prev && Math.max(prev.start, prev.end - ATTRIBUTION_WINDOW);
    if (
      prev &&
      prev.paragraph === intro &&
      start !== undefined &&
      // "Nick Keith said," as a paragraph of its own hands over as a colon does.
      /[:,]$/.test(text.slice(start, prev.end).trimEnd())
    ) {
      const site = beforeSite(text.slice(start, prev.end), start) ?? openingName(text.slice(start, prev.end), start);
      if (site) return { ...site, around: { start, end: prev.end } };
    }
  }
  // "Quote:" label: the attribution is in the sentence before or after the quotation.
  if (/^\s*Quote\s*:\s*$/i.test(before)) {
    const prevOne = sentences[lastStartingBy(sentences, sentence.start) - 1];
    const nextOne = sentences[lastStartingBy(sentences, close - 1) + 1];
    const prevSentence = prevOne && prevOne.paragraph >= q.paragraph - 1 ? prevOne : undefined;
    const nextSentence =
      nextOne && nextOne.start >= close && nextOne.paragraph <= q.lastParagraph + 1 ? nextOne : undefined;
    for (const whole of [prevSentence, nextSentence]) {
      if (!whole) continue;
      const s = { start: whole.start, end: Math.min(whole.end, whole.start + ATTRIBUTION_WINDOW) };
      const site =
        beforeSite(text.slice(s.start, s.end).replace(/[.:]\s*$/, ":"), s.start) ??
        afterSite(` ${text.slice(s.start, s.end)}`, s.start - 1);
      if (site) return { ...site, around: { start: s.start, end: s.end } };
    }
  }
  return undefined;
}

/** `, NP (aux) (adv) CUE …` or `, CUE NP …` or `, according to NP`, at the start of the text after a quotation. */
function afterSite(after: string, at: number): Omit<Site, "around"> | undefined {
  const m1 = new RegExp(`^([\\s,—–-]*)(?:(according to)\\s+)([^,.;]+)`, "iu").exec(after);
  if (m1) {
    return {
      phrase: m1[3]!,
      phraseAt: at + m1[1]!.length + m1[2]!.length + 1,
      cue: "according to",
      tense: "past",
      perfect: false,
    };
  }
  // "…," Mykola Hrytsenko, who heads the headquarters for …, told reporters: a name, its apposition, the cue.
  const apposed = new RegExp(
    `^([\\s,—–-]*)(${NAMED}),\\s+(?:who|which|a|an|the|one|\\d+)\\b[^"“«‘]*?,\\s+` +
      `(?:${AUX}\\s+)?(?:${ADVERBS}\\s+)?(${CUE_WORDS})\\b`,
    "u",
  ).exec(after);
  if (apposed && cueOf(apposed[3]!)!.tense !== "participle") {
    const perfect = /\b(?:has|have)\s+(?:\w+\s+)?$/.test(
      after.slice(0, apposed.index + apposed[0].length - apposed[3]!.length),
    );
    return {
      phrase: apposed[2]!,
      phraseAt: at + apposed[1]!.length,
      cue: apposed[3]!.toLowerCase(),
      tense: cueOf(apposed[3]!)!.tense,
      perfect,
    };
  }
  const m2 = new RegExp(
    `^([\\s,—–-]*)((?:\\S+\\s+){0,12}?)(?:${AUX}\\s+)?(?:${ADVERBS}\\s+)?(${CUE_WORDS})\\b`,
    "iu",
  ).exec(after);
  if (m2 && m2[2]!.trim()) {
    const tense = cueOf(m2[3]!)!.tense;
    if (tense === "participle") return undefined;
    const perfect = /\b(?:has|have)\s+(?:\w+\s+)?$/.test(after.slice(0, m2.index + m2[0].length - m2[3]!.length));
    return {
      phrase: m2[2]!.replace(new RegExp(`\\s+${AUX}\\s*$`), ""),
      phraseAt: at + m2[1]!.length,
      cue: m2[3]!.toLowerCase(),
      tense,
      perfect,
    };
  }
  // "said Senator Jon S. Corzine, who …": an initial's full stop does not end the name.
  const m3 = new RegExp(`^([\\s,—–-]*)(${CUE_WORDS})\\s+((?:[^,.;]|${NAME_STOP})+)`, "iu").exec(after);
  if (m3) {
    const tense = cueOf(m3[2]!)!.tense;
    if (tense === "participle") return undefined;
    // "said Anna Kovacs, the minister": the name runs to the comma; drop what follows a preposition.
    let phrase = m3[3]!.replace(
      /\s+(?:in|on|at|to|after|before|during|from|when|while|late|early|last|yesterday|today)\b.*$/i,
      "",
    );
    let phraseAt = at + m3[1]!.length + m3[2]!.length + 1;
    // "said the firm's chief executive, Ana Lind.": a description, then the name it describes.
    // So is "said Roe's spokesman, Piet Aalders.": the possessor only qualifies the post.
    const described = /^(?:the|a|an)\s/i.test(phrase) || POSSESSIVE_POST.test(phrase);
    const named = described ? NAME_AFTER_DESCRIPTION.exec(after.slice(m3[0].length)) : null;
    if (named) {
      phraseAt = at + m3[0].length + named.index + named[0].indexOf(named[1]!);
      phrase = named[1]!;
    }
    return {
      phrase,
      phraseAt,
      cue: m3[2]!.toLowerCase(),
      tense,
      perfect: false,
    };
  }
  return undefined;
}

/** A full stop inside a name: after an initial ("A. B. Lind") or a title's abbreviation ("Sen. Lind"). */
const NAME_STOP = String.raw`(?<=\b(?:\p{Lu}|Sen|Sens|Rep|Reps|Gov|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Sgt|St))\.`;
/** "Roe's spokesman", "Eastbank's chief executive": a possessive, then a post in lower case. */
const POSSESSIVE_POST = /^[\p{Lu}][\p{L}-]*['’]s\s+\p{Ll}/u;
/** ", Ana Lind." after a description: the name the description is of. */
const NAME_AFTER_DESCRIPTION = new RegExp(`^,\\s+(${NAMED})\\s*[.,;]`, "u");

/** Words that open an apposition or an adjunct between a subject and its verb, not the subject itself. */
const NOT_SUBJECT_START = /^(?:the|a|an|at|from|in|of|on|for|with|who|which|whose|as|by|after|before|during)\b/i;

/**
 * Where the subject of a cue verb starts in the words before it: the last comma-separated segment that is not an
 * apposition or adjunct ("Ana Lind, Executive Director of X, said", "From Oslo, Ana, at her blog, writes").
 */
function subjectSegment(head: string): number {
  const starts = [0];
  for (let at = head.indexOf(", "); at >= 0; at = head.indexOf(", ", at + 2)) starts.push(at + 2);
  for (let i = starts.length - 1; i >= 0; i--) {
    const segment = head.slice(starts[i]).trim();
    const first = segment.split(/\s+/)[0]?.toLowerCase().replace(/[.,]$/, "") ?? "";
    // A title opens an apposition when it names an office of something ("Executive Director of X"); otherwise it
    // is the subject's own title ("Judge Miriam Ashdown").
    const apposition = TITLE_WORDS.has(first) && /\s(?:of|and|at)\s/.test(segment);
    if (segment && !NOT_SUBJECT_START.test(segment) && !apposition) return starts[i]!;
  }
  return starts[starts.length - 1]!;
}

const CUE_AT = new RegExp(`\\b(?:${CUE_WORDS})\\b`, "giu");

/** The last cue verb followed only by a short stretch without sentence ends or quotation marks (`said to X:`). */
function lastCueBefore(before: string): { index: number; 1: string; 2: string } | undefined {
  let found: { index: number; 1: string; 2: string } | undefined;
  for (const c of before.matchAll(CUE_AT)) {
    let tail = before.slice(c.index + c[0].length).trimEnd();
    if (tail.endsWith(":") || tail.endsWith(",")) tail = tail.slice(0, -1);
    if (tail.length < 60 && !/[.!?"“«]/.test(tail)) found = { index: c.index, 1: c[0], 2: tail };
  }
  return found;
}

/**
 * The name that opens a paragraph handing over to the next with no verb of saying: "Anna Berg, Director, Berg
 * Consulting found the support invaluable," — she speaks in the paragraph that follows.
 */
function openingName(intro: string, at: number): Omit<Site, "around"> | undefined {
  const m = OPENING_NAME.exec(intro);
  return m ? { phrase: m[1]!, phraseAt: at, cue: "colon", tense: "past", perfect: false } : undefined;
}

/** `NP (aux) (adv) CUE (to X) (on Sunday):` or `NP CUE,` before a quotation; or a subject and a colon. */
/** A description after a name, set off by commas: "the operator's chief", "a lawyer", "from Leeds, UK". */
const DESCRIPTION = String.raw`(?:the|a|an|\d+|[\p{Lu}][\p{L}]+[’']s)\b[^,]*`;
/** A post at a named body: "USI associate professor of art history", "Harbour Board chief engineer". */
const POST_AT = String.raw`(?:[\p{Lu}][\p{L}.&’'-]*\s+){1,3}(?!(?:and|or|of)\b)\p{Ll}[^,]*`;
const ORIGIN = String.raw`(?:from|in)\s+\p{Lu}[^,]*(?:,\s*\p{Lu}[^,]*)?`;
/**
 * A post without an article, then the place of its body: "curator and director at the University of X, Y" (without a
 * place, the words before the cue are read segment by segment: `subjectSegment`).
 */
const ROLE_WORDS = [...TITLE_WORDS].filter((w) => /^[a-z]+$/.test(w)).join("|");
/** "According to Ana Lind:", "according to @quay:" before a colon, with nothing else. */
const ACCORDING_TO_ALONE = new RegExp(
  String.raw`^\s*[Aa]ccording\s+to\s+(${NAMED}|@\w+|the\s+(?:${ROLE_WORDS}))\s*$`,
  "u",
);
const ROLE = String.raw`(?:[\p{Ll}-]+\s+){0,2}(?:${ROLE_WORDS})\b[^,]*,\s*\p{Lu}[^,]*`;
/** Where or how the speaker spoke, in a participle clause: "speaking at a press conference alongside X". */
const SETTING_VERBS =
  "speaking writing testifying appearing responding reacting addressing commenting answering standing";
/** Where the words were said: "in remarks to a television channel", "in an interview with the Gazette". */
const OCCASION_NOUNS = "interview statement letter speech email e-mail press\\s+release";
const OCCASION_NOUN = `(?:remarks|comments|an?\\s+(?:${OCCASION_NOUNS.split(" ").join("|")}))`;
const OCCASION = String.raw`in\s+(?:(?:his|her|their|its)\s+)?${OCCASION_NOUN}\b[^,]*`;
const SETTING = String.raw`(?:(?:${SETTING_VERBS.split(" ").join("|")})\b[^,]*|${OCCASION})`;
/** Where a writer writes: "in the blog Quayside", "on his blog Harbourwatch [es]". */
const BLOG = String.raw`(?:in|on|at)\s+(?:the|his|her|their|its)\s+(?:blog|website|site|column|account)\b[^,]*`;
const APPOSITION = `(?:${DESCRIPTION}|${POST_AT}|${ROLE}|${ORIGIN}|${SETTING}|${BLOG})`;
/** A party and state in brackets after a name: "Jane Roe (D-ME)". */
const ASIDE = String.raw`(?:\s+\([^()]{1,30}\))?`;
const APPOSED_NAME = new RegExp(`(${NAMED})${ASIDE},\\s+${APPOSITION},\\s*$`, "u");
/** A post, then the name of who holds it, opening a sentence: "Eastbank CEO, Jane Roe, …" (the post checked apart). */
const NAME_THEN_COMMA = new RegExp(String.raw`^(${NAMED}),`, "u");
/** The most characters of a post before its holder's name ("Eastbank chief executive, …"). */
const POST_LENGTH = 60;

function postThenName(head: string): { name: string; at: number } | undefined {
  const comma = head.indexOf(", ");
  if (comma <= 0 || comma > POST_LENGTH) return undefined;
  const post = head.slice(0, comma).split(/\s+/).pop()!;
  const named = isTitleWord(post) ? NAME_THEN_COMMA.exec(head.slice(comma + 2)) : null;
  return named ? { name: named[1]!, at: comma + 2 } : undefined;
}
/** Before a colon: "Ana Lind, in the blog Quayside, supports this view:", "@quay, the port's account, has this:". */
const NAME_THEN_APPOSITION = new RegExp(`^(${NAMED}|@\\w+),\\s+${APPOSITION},\\s+\\p{Ll}`, "u");

/**
 * "Syrian blogger Ana Lind writes:", "Harbour Gazette columnist @quay notes:": a capitalised word or two that qualify
 * a post ("Syrian", "Harbour Gazette"), the post, then the name that speaks.
 */
const QUALIFIED_POST = String.raw`(?:[\p{Lu}][\p{L}’'-]*\s+){1,2}(?:[\p{Ll}-]+\s+)?(?:${ROLE_WORDS})`;
const DESCRIBED_NAME = new RegExp(String.raw`^(?:[^,]*,\s+)?${QUALIFIED_POST}\s+(${NAMED}|@\w+)\s+\p{Ll}`, "u");

/** "And she adds:", "But Lind writes:": a conjunction that opens the sentence, before its subject. */
const OPENING_CONJUNCTION = /^(?:And|But|So|Then|Also|Meanwhile)\s+(?=\S)/u;

/** "…, with Boswell stating:": the participle's own subject, named right before it. */
const WITH_NAME = new RegExp(`\\bwith\\s+(${NAMED})\\s*$`, "u");

function beforeSite(before: string, at: number): Omit<Site, "around"> | undefined {
  if (!/[:,]\s*$|\s$/.test(before) || !before.trim()) return undefined;
  // The clause that holds the cue: after the last comma that precedes it.
  // The last cue of the clause that ends at the quotation ("When asked about it, Brandt said:" is Brandt's "said").
  const m = lastCueBefore(before);
  if (m) {
    const tense = cueOf(m[1]!)!.tense;
    let head = before.slice(0, m.index);
    const auxAdv = new RegExp(`(?:\\s+${AUX})?(?:\\s+${ADVERBS})?\\s*$`, "i").exec(head);
    const perfect = /\b(?:has|have)\b/.test(auxAdv?.[0] ?? "");
    head = head.slice(0, head.length - (auxAdv?.[0].length ?? 0));
    // "Emil Horak, the operator's chief executive, told reporters:", "Ana Ruiz, from Leeds, UK, notes:" — the name,
    // not its apposition.
    const appositive = APPOSED_NAME.exec(head);
    if (appositive && tense !== "participle") {
      const phraseStart = appositive.index;
      return { phrase: appositive[1]!, phraseAt: at + phraseStart, cue: m[1]!.toLowerCase(), tense, perfect };
    }
    const segment = tense !== "participle" ? subjectSegment(head) : 0;
    const phraseStart = segment + (OPENING_CONJUNCTION.exec(head.slice(segment))?.[0].length ?? 0);
    let phrase = head.slice(phraseStart);
    if (tense === "participle") {
      // "…, with Boswell stating:" — the name before the participle; "…, saying:" — the sentence's first noun phrase.
      const withName = WITH_NAME.exec(head);
      if (withName) {
        const phraseAt = at + withName.index + withName[0].indexOf(withName[1]!);
        return { phrase: withName[1]!, phraseAt, cue: m[1]!.toLowerCase(), tense: "past", perfect };
      }
      phrase = head.split(/,|\s+(?:has|have|had|was|is|were|are|said|says)\b/)[0] ?? "";
      // "Eastbank CEO, Jane Roe, justified the choice by saying:" — the name apposed to the post, not the post.
      const posted = postThenName(head);
      if (posted)
        return { phrase: posted.name, phraseAt: at + posted.at, cue: m[1]!.toLowerCase(), tense: "past", perfect };
    }
    if (!phrase.trim()) return undefined;
    return {
      phrase,
      phraseAt: at + phraseStart,
      cue: m[1]!.toLowerCase(),
      tense: tense === "participle" ? "past" : tense,
      perfect,
    };
  }
  // "He put it bluntly:" — a colon after a short clause: its subject speaks.
  const colon = /^([^:]{1,200}):\s*$/.exec(before);
  if (colon) {
    // "For Ana Lind, the ferry was the wrong target:": whose view it is; a name and its apposition; a qualified post
    // and its holder's name.
    const view = VIEW_OF.exec(colon[1]!);
    if (view) return { phrase: view[1]!, phraseAt: at + 4, cue: "colon", tense: "past", perfect: false };
    // "According to Ana Lind:" — the source named, and nothing else before the colon.
    const source = ACCORDING_TO_ALONE.exec(colon[1]!);
    if (source) {
      const phraseAt = at + source[0].lastIndexOf(source[1]!);
      return { phrase: source[1]!, phraseAt, cue: "according to", tense: "past", perfect: false };
    }
    const named = NAME_THEN_APPOSITION.exec(colon[1]!);
    if (named) return { phrase: named[1]!, phraseAt: at, cue: "colon", tense: "past", perfect: false };
    const described = DESCRIBED_NAME.exec(colon[1]!);
    if (described) {
      const phraseAt = at + described.index + described[0].lastIndexOf(described[1]!);
      return { phrase: described[1]!, phraseAt, cue: "colon", tense: "past", perfect: false };
    }
    // Without a leading clause ("Speaking in Bratislava on Tuesday, …"); a subject with its apposition
    // ("Slovakia's economy minister, Zuzana Hrabovska, was blunter") is the words before the predicate's comma.
    const lead = LEADING_CLAUSE.exec(colon[1]!)?.[0] ?? "";
    const clause = colon[1]!.slice(lead.length);
    const apposed =
      /^([\p{Lu}].*),\s+(?:was|is|were|are|had|has|struck|sounded|went|took|put|made|kept|gave|offered)\b[^,]*$/u.exec(
        clause,
      );
    if (apposed)
      return { phrase: apposed[1]!, phraseAt: at + lead.length, cue: "colon", tense: "past", perfect: false };
    const subject = COLON_SUBJECT.exec(clause);
    if (subject) {
      const phraseAt = at + lead.length + clause.indexOf(subject[1]!);
      return { phrase: subject[1]!, phraseAt, cue: "colon", tense: "past", perfect: false };
    }
  }
  return undefined;
}
