// Who may have said a quotation: every candidate in reach, each with what speaks for and against it. The
// attribution rules (attribution.ts, speakers.ts) give their reading as one candidate among others; the
// people, organizations and states named in the quotation's own sentence, the sentence before, the paragraph that
// introduces it and the paragraph before, the speaker of the quotation before, and the handles of an introduction
// ("@someone tweeted:") come in beside it. speakerRanker.ts weighs them.
import type { Span } from "../../domain/spans";
import type { Entity, Mention, Register } from "../entities/entities";
import { containing, lastStartingBy, type Paragraph } from "../text/layout";
import type { Features } from "../models/linearModel";
import { CUE_WORDS, NAME_PARTICLE, WRITES_IN, type Sentence } from "../text/patterns";
import { whyNotAPerson } from "../words/personNames";
import { isCommonEnglish } from "../words/commonWords";
import type { Quotation } from "../quotations/quotes";
import type { Attributed } from "./speakers";
import { ATTRIBUTION_WINDOW } from "../text/windows";
import { handsOver, inOtherLanguage } from "../quotations/blockQuotes";
import { paragraphBefore } from "../quotations/captions";

export interface Candidate {
  entity: Entity;
  features: Features;
  /** How it came in, strongest source first: "name", "pronoun", "continuation", "nearby", … */
  via: string;
}

export interface CandidateContext {
  text: string;
  sentences: readonly Sentence[];
  paragraphs: readonly Paragraph[];
  register: Register;
  q: Quotation;
  /** The rules' reading of the attribution, and where it stood relative to the quotation. */
  rule?: { who?: Attributed; cue: string; around: Span; phrase: Span };
  /** The speaker of the statement before, if it was in this paragraph or the one before. */
  previous?: { speaker: Entity; paragraph: number; confidence: number };
  lastSpeaker?: Entity;
  /** The article's mentions in text order (made once per article). */
  mentions: MentionIndex;
}

const CUE_AFTER = new RegExp(`^[\\s,]*(?:(?:has|have|had|also|then|later)\\s+)?(?:${CUE_WORDS})\\b`, "iu");
const CUE_BEFORE = new RegExp(`\\b(?:${CUE_WORDS}|according\\s+to)[\\s,]*$`, "iu");
const PREPOSITION_BEFORE = /\b(?:to|by|from|with|in|on|at|of|for|about|against|via)\s+(?:the\s+)?$/i;
const HANDLE = /@([A-Za-z0-9_]{2,30})/g;
/**
 * Where a name is what a writer writes in, not a writer: "on his blog Harbour Notes", "of the blog Quayside", "on the
 * blog of Quayside". The blogger named beside it speaks; the blog does not.
 */
const CHANNEL_BEFORE = new RegExp(String.raw`\b${WRITES_IN}\s+(?:of\s+)?$`, "iu");
/** A name that is a title's first word: "a post entitled Tunisia, …", "an essay called Harbour Days". */
const TITLE_BEFORE = /\b(?:entitled|titled|called|named)\s+$/i;
/** A user name in lower case, a verb and a language tag: "someone posts [PL]", "as someone updates [es] on". */
const USER_BEFORE_TAG = /(?:^|[\s(])([a-z][a-z0-9_.]{2,30})\s+[a-z]+\s+\[[A-Za-z]{2,3}\]/g;
const USER_STOPWORDS = new Set(
  "the and but who which that this she they also then blogger user users post blog site page here there".split(" "),
);

const near = (distance: number) => Math.exp(-Math.max(0, distance) / 250);

/**
 * Every mention of the article in text order, so that each quotation reads the few around it by a binary search (not
 * every mention of the article: extraction stays linear in the text). Mentions made while quotations are read (a
 * speaker found by pronoun, a handle) are added as they come.
 */
export class MentionIndex {
  private readonly sorted: Mention[];
  private readonly late: Mention[] = [];
  private readonly keys = new Set<string>();
  /** Per entity, where its mentions outside quotations start, in text order. */
  private readonly starts = new Map<Entity, Span[]>();

  constructor(register: Register) {
    this.sorted = register.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
    for (const m of this.sorted) {
      this.keys.add(`${m.entity.n}:${m.start}`);
      if (m.quoted) continue;
      const list = this.starts.get(m.entity);
      if (list) list.push(m);
      else this.starts.set(m.entity, [m]);
    }
  }

  has(entity: Entity, start: number): boolean {
    return this.keys.has(`${entity.n}:${start}`);
  }

  add(m: Mention): void {
    this.keys.add(`${m.entity.n}:${m.start}`);
    this.late.splice(lastStartingBy(this.late, m.start) + 1, 0, m);
  }

  /** The mentions that start inside a span. */
  within(span: Span): Mention[] {
    const out: Mention[] = [];
    for (const list of [this.sorted, this.late]) {
      for (let i = lastStartingBy(list, span.start - 1) + 1; i < list.length && list[i]!.start < span.end; i++)
        out.push(list[i]!);
    }
    return out;
  }

  /** How many times the text named an entity (outside quotations) before `at`, as it stood when the index was made. */
  countBefore(entity: Entity, at: number): number {
    const list = this.starts.get(entity);
    return list ? lastStartingBy(list, at - 1) + 1 : 0;
  }
}

/**
 * Registers the handles an introduction names as the people they stand for: "@someone wrote:", a user name in lower
 * case before a verb and a language tag ("someone posts [PL]:"), and a name's handle in brackets ("Jan Novak
 * (@jnovak)") as another name of that person.
 */
/** The name right before a handle in brackets, particles included: "Camila de Souza (@cdesouza)". */
const NAME_BEFORE_HANDLE = new RegExp(
  String.raw`(\p{Lu}[\p{L}’'-]+(?:\s+(?:${NAME_PARTICLE}\s+){0,2}\p{Lu}[\p{L}’'-]+){0,3})\s*\($`,
  "u",
);

function handlesIn(text: string, span: Span, register: Register, index: MentionIndex): void {
  const slice = text.slice(span.start, span.end);
  const mention = (name: string, start: number) => {
    const known = register.find(name);
    const entity = known ?? register.register("person", name, { handle: true });
    if (index.has(entity, start)) return;
    const m: Mention = { entity, start, end: start + name.length, subject: false };
    entity.mentions.push(m);
    index.add(m);
  };
  for (const m of slice.matchAll(HANDLE)) {
    const start = span.start + m.index + 1;
    const named = NAME_BEFORE_HANDLE.exec(slice.slice(Math.max(0, m.index - 60), m.index));
    const person = named && register.find(named[1]!, "person");
    if (person) register.alias(person, m[1]!);
    mention(m[1]!, start);
  }
  for (const m of slice.matchAll(USER_BEFORE_TAG)) {
    // "he had founded [Pt]": a word of the language is not a user's name.
    if (USER_STOPWORDS.has(m[1]!) || isCommonEnglish(m[1]!)) continue;
    mention(m[1]!, span.start + m.index + m[0].indexOf(m[1]!));
  }
}

/** Every candidate speaker of a quotation, with its features. */
export function speakerCandidates(ctx: CandidateContext): Candidate[] {
  const { text, sentences, paragraphs, register, q } = ctx;
  const open = q.marked[0]!.start;
  const close = q.marked[q.marked.length - 1]!.end;
  const paragraph = paragraphs[q.paragraph]!;
  const first = containing(sentences, open);
  const last = containing(sentences, close - 1) ?? first;
  const before = sentences[lastStartingBy(sentences, first?.start ?? open) - 1];
  const after = sentences[lastStartingBy(sentences, close - 1) + 1];
  const opensParagraph = open === paragraph.start;
  // The paragraph before, passing over a photograph's credit set between a hand-over and the words.
  const introAt = paragraphBefore(text, paragraphs, q.paragraph);
  const intro = opensParagraph && introAt >= 0 ? paragraphs[introAt] : undefined;
  // The paragraph before hands over ("X writes:"), or the quotation is a post in another language, which the paragraph
  // before introduces however it ends ("X (@x) shows her anger at the police.").
  const introducing =
    intro &&
    (handsOver(text.slice(Math.max(intro.start, intro.end - 40), intro.end)) ||
      (q.style === "block" && inOtherLanguage(text.slice(open, close))));
  // Only the words near the quotation are read: at most ATTRIBUTION_WINDOW before it for handles, twice that
  // before and once after it for mentions, however long its paragraph.
  if (intro)
    handlesIn(
      text,
      { start: Math.max(intro.start, intro.end - ATTRIBUTION_WINDOW), end: intro.end },
      register,
      ctx.mentions,
    );
  handlesIn(text, { start: Math.max(paragraph.start, open - ATTRIBUTION_WINDOW), end: open }, register, ctx.mentions);

  const window: Span = {
    start: Math.max(
      Math.min(before?.start ?? paragraph.start, intro?.start ?? paragraph.start),
      open - 2 * ATTRIBUTION_WINDOW,
    ),
    end: Math.min(Math.max(after?.end ?? close, close), close + ATTRIBUTION_WINDOW),
  };
  const byEntity = new Map<Entity, Candidate>();
  const candidate = (entity: Entity, via: string): Candidate => {
    let c = byEntity.get(entity);
    if (!c) {
      c = { entity, via, features: {} };
      byEntity.set(entity, c);
    }
    return c;
  };
  const set = (c: Candidate, name: string, value = 1) => {
    c.features[name] = Math.max(c.features[name] ?? 0, value);
  };

  /** Where a mention of a candidate stands relative to the quotation. */
  const place = (c: Candidate, m: Span) => {
    const s = containing(sentences, m.start);
    if (s && first && last && s.start >= first.start && s.end <= last.end) set(c, "sameSentence");
    else if (s && before && s.start === before.start) set(c, "previousSentence");
    else if (s && after && s.start === after.start) set(c, "nextSentence");
    if (intro && m.start >= intro.start && m.end <= intro.end)
      set(c, introducing ? "inIntroduction" : "inParagraphBefore");
    if (m.start >= paragraph.start && m.end <= paragraph.end) set(c, "sameParagraph");
    if (CUE_AFTER.test(text.slice(m.end, m.end + 40))) set(c, "beforeCue");
    if (CUE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) set(c, "afterCue");
    if (PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.start - 14), m.start))) set(c, "afterPreposition");
    if (/^[’']s\b/u.test(text.slice(m.end, m.end + 3))) set(c, "possessive");
    set(c, "near", near(m.end <= open ? open - m.end : m.start - close));
  };

  if (ctx.rule?.who) {
    const c = candidate(ctx.rule.who.entity, ctx.rule.who.via);
    place(c, ctx.rule.phrase);
    set(c, `rule_${ctx.rule.who.via}`);
    set(c, "ruleConfidence", ctx.rule.who.confidence);
    // The rules' own guesses (an age or a pronoun nobody else fits) stay guesses.
    if (ctx.rule.who.confidence < 0.6) set(c, "ruleGuess");
    set(c, ctx.rule.around.start >= close ? "ruleAfter" : "ruleBefore");
  }
  if (ctx.previous && ctx.previous.paragraph >= q.paragraph - 1) {
    const c = candidate(ctx.previous.speaker, "continuation");
    set(c, ctx.previous.paragraph === q.paragraph ? "previousSameParagraph" : "previousParagraph");
    if (opensParagraph && !ctx.rule) set(c, "continuesWithoutCue");
    if (q.style === "block") set(c, "blockContinuation");
    // How sure the choice before was: a run of paragraphs is as much its first speaker's as the first was.
    set(c, "previousConfidence", ctx.previous.confidence);
  }

  for (const m of ctx.mentions.within(window)) {
    const entity = m.entity;
    if (entity.type === "venue" || entity.type === "event" || m.end <= window.start) continue;
    const insideQuote = q.marked.some((s) => m.start >= s.start && m.end <= s.end);
    if (insideQuote || m.quoted) {
      set(candidate(entity, "nearby"), "mentionedInside");
      continue;
    }
    if (CHANNEL_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))) continue;
    const c = candidate(entity, "nearby");
    place(c, m);
    if (m.subject) set(c, "subject");
  }

  // The one the introduction's last sentence is about: its first name not after a preposition ("Blogger X wrote [pt]",
  // "Some, like @someone, point out:"), the writer of what follows more often than anyone named after.
  const introSentence = introducing ? containing(sentences, intro.end - 1) : undefined;
  if (introSentence) {
    const named = ctx.mentions
      .within(introSentence)
      .filter(
        (m) =>
          m.entity.type !== "venue" &&
          m.entity.type !== "event" &&
          !m.quoted &&
          !PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.start - 14), m.start)) &&
          !TITLE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)),
      );
    // The sentence's subject where the register knows it ("In a post entitled X, Saudi Y poses:" is Y's).
    const first = named.find((m) => m.subject) ?? named[0];
    const c = first && byEntity.get(first.entity);
    if (c) set(c, "introSubject");
  }

  for (const c of byEntity.values()) {
    const e = c.entity;
    // No feature of the entity's kind: people, organizations and states speak alike where the text says they do.
    if (e.handle) set(c, "handle");
    if (whyNotAPerson(e.name) === "news outlet") set(c, "outlet");
    if (e === ctx.lastSpeaker) set(c, "lastSpeaker");
    set(c, "salience", Math.log1p(ctx.mentions.countBefore(e, open)) / 3);
    if (e.type === "person" && e.name.includes(" ")) set(c, "fullName");
  }
  return [...byEntity.values()];
}
