// From an article's text to its statements: quotations and reported speech, each with its speaker, date, venue and
// the entities it names, and a confidence with the cue it relied on. Pure: the graph's knowledge comes in as
// `known`, the text is never changed, and every span indexes it exactly as given.
import { QUOTE_GAP, type Span } from "../domain/spans";
import type { Precision } from "../domain/dates";
import { containing, paragraphsOf, sentencesOf, wordCount, type Paragraph } from "./layout";
import { quotationsOf, type Quotation } from "./quotes";
import { classify, nameRuns, Register, type Entity, type KnownEntity, type Mention } from "./entities";
import { resolveSpeaker, type Attributed } from "./speakers";
import { CUES, REPORTING_STEMS, TITLE_WORDS, type CueTense } from "./lexicon";
import { datesIn, widened, type SaidOn } from "./saidOn";

export interface ExtractedStatement {
  kind: "DIRECT_QUOTE" | "REPORTED";
  speaker: Entity;
  /** The quoted words (several parts joined by " … ") or the reported sentence. */
  text: string;
  /** The words of each part of a quotation; the sentence of reported speech. */
  parts: Span[];
  /** Spans for the dataset: each quotation part with its marks, through the attribution. */
  evidence: Span[];
  saidOn?: string;
  datePrecision?: Precision;
  venue?: Entity;
  mentions: Entity[];
  confidence: number;
  cue: string;
}

export interface Unattributed {
  parts: Span[];
  text: string;
  reason: string;
  /** The speaker the rules would guess, below the confidence a draft statement needs; for the reviewer to decide. */
  suggested?: { entity: Entity; confidence: number };
}

/**
 * Below this confidence a quotation is not drafted as a statement but left for review with its guessed speaker: a
 * wrong speaker in a who-said-what graph is worse than a missing one.
 */
export const MIN_CONFIDENCE = 0.6;

export interface Extraction {
  statements: ExtractedStatement[];
  entities: Entity[];
  /** Quotations that read as statements but whose speaker could not be told with confidence. */
  unattributed: Unattributed[];
  dateline?: Entity;
}

export interface ExtractOptions {
  publishedOn: string;
  known?: readonly KnownEntity[];
}

interface Sentence extends Span {
  paragraph: number;
}

interface Site {
  /** The words naming the speaker, and where they start. */
  phrase: string;
  phraseAt: number;
  cue: string;
  tense: CueTense | "none";
  perfect: boolean;
  /** The attribution's own text (for dates and venues): from the cue's clause, quotations left out. */
  around: Span;
}

/** A clause before the subject that is not part of it: "Speaking in Bratislava on Tuesday, ", "In a statement, ". */
const LEADING_CLAUSE =
  /^(?:Speaking|Writing|Asked|Addressing|Interviewed|Responding|Answering|Replying|In|At|On|Later|Earlier|After|Before)\b[^,]*,\s+/;
const CUE_WORDS = [...CUES.keys()].sort((a, b) => b.length - a.length).join("|");
const ADVERBS =
  "(?:also|later|then|again|repeatedly|previously|once|earlier|further|simply|quickly|flatly|firmly|only)";
const AUX = "(?:has|have|had|would|will|did|was|were)";
/** A capitalised name, with "the" before it ("the Kremlin", "Anna Kovacs"). */
const NAMED = "(?:the\\s+)?[\\p{Lu}][\\p{L}’'-]*(?:\\s+[\\p{Lu}][\\p{L}’'-]*)*";
const SUBJECT = `${NAMED}|He|She`;
/** Cues read in the middle of a sentence ("…, after Kyiv said it …"): the unambiguous ones. */
const MID_CUES = "said|says|told|insisted|insists|warned|warns|claimed|claims|announced|confirmed|denied";

export function extract(text: string, options: ExtractOptions): Extraction {
  const paragraphs = paragraphsOf(text);
  const quotations = quotationsOf(text, paragraphs);
  const marked = quotations.flatMap((q) => q.marked);
  // The dateline is not part of the first sentence: "KYIV: Ukraine's president said …" is reported from "Ukraine's".
  const storyStart = datelineOf(text)?.storyStart ?? 0;
  const sentences: Sentence[] = paragraphs.flatMap((p) =>
    sentencesOf(text, p, marked).map((s) => ({
      ...s,
      start: s.start < storyStart && storyStart < s.end ? storyStart : s.start,
      paragraph: p.index,
    })),
  );
  const register = new Register(text, options.known ?? []);
  const dateline = registerMentions(text, sentences, marked, register);
  learnGenders(text, sentences, register);

  const windowStartOf = (paragraph: number) => paragraphs[Math.max(0, paragraph - 2)]!.start;
  const candidates = [
    ...quotations.map((q) => ({ at: q.marked[0]!.start, q })),
    ...sentences
      .filter((s) => !marked.some((m) => overlaps(m, s) && isStatementQuote(text, m, s)))
      .map((s) => ({ at: s.start, s })),
  ].sort((a, b) => a.at - b.at);

  const statements: ExtractedStatement[] = [];
  const unattributed: Unattributed[] = [];
  let lastSpeaker: { entity: Entity; at: number } | undefined;
  let previous: { statement: ExtractedStatement; q?: Quotation; paragraph: number } | undefined;

  for (const c of candidates) {
    if ("q" in c && c.q) {
      const q = c.q;
      const sentence = containing(sentences, q.marked[0]!.start)!;
      // The statement's words drop the comma that hands over to the attribution ("…," he said), as readers quote.
      const words = q.parts.map((p) => text.slice(p.start, p.end).replace(/\s*[,;:—–-]$/u, "")).join(QUOTE_GAP);
      const found = attributionOf(text, q, sentence, sentences, paragraphs, marked);
      // `"X," he said, "Y."`: the attribution before this quotation is the previous one's; the two are one statement.
      const site =
        found &&
        found.around.end === q.marked[0]!.start &&
        previous?.q &&
        previous.paragraph === q.paragraph &&
        joinsPrevious(text, previous.q, q)
          ? undefined
          : found;
      const heading =
        paragraphs[q.paragraph]!.start === q.marked[0]!.start &&
        paragraphs[q.paragraph]!.end === q.marked[0]!.end &&
        words === words.toUpperCase();
      if (heading) continue;
      const short = wordCount(words) <= 2 || (wordCount(words) <= 4 && !/[.,!?…;:]$/.test(words) && !site);
      if (short) continue;
      // A quotation reopened by its attribution: `"X," he said. "Y."` is one statement of two parts.
      if (!site && previous?.q && previous.paragraph === q.paragraph && joinsPrevious(text, previous.q, q)) {
        const s = previous.statement;
        s.parts.push(...q.parts.map((p) => ({ ...p })));
        s.evidence.push(...q.marked.map((m) => ({ ...m })));
        s.text = `${s.text}${QUOTE_GAP}${words}`;
        previous.q = q;
        continue;
      }
      let who: Attributed | undefined;
      let cue = site?.cue ?? "";
      if (site) {
        who = resolveSpeaker(site.phrase, site.phraseAt, {
          register,
          at: site.phraseAt,
          windowStart: windowStartOf(q.paragraph),
          paragraphStart: paragraphs[q.paragraph]!.start,
          lastSpeaker,
        });
      } else if (
        previous &&
        (q.paragraph === previous.paragraph + 1 || q.paragraph === previous.paragraph) &&
        isWholeParagraph(q, paragraphs)
      ) {
        // A paragraph that is nothing but a quotation continues the speaker of the one before.
        who = { entity: previous.statement.speaker, confidence: 0.7, via: "continuation" };
        cue = "continuation";
      }
      if (!who || who.confidence < MIN_CONFIDENCE) {
        unattributed.push({
          parts: q.parts,
          text: words,
          reason: who
            ? `unsure: "${site?.phrase.trim() ?? "the paragraph before"}" may be ${who.entity.name} (${who.via})`
            : site
              ? `no one found for "${site.phrase.trim()}"`
              : "no attribution",
          ...(who ? { suggested: { entity: who.entity, confidence: who.confidence } } : {}),
        });
        continue;
      }
      const statement: ExtractedStatement = {
        kind: "DIRECT_QUOTE",
        speaker: who.entity,
        text: words,
        parts: q.parts.map((s) => ({ ...s })),
        evidence: q.marked.map((s) => ({ ...s })),
        mentions: [],
        confidence: who.confidence,
        cue: `${who.via}${cue ? `: ${cue}` : ""}`,
      };
      if (site) stretch(statement.evidence, site.around);
      dateAndPlace(statement, site, text, options.publishedOn, register, statements);
      statements.push(statement);
      lastSpeaker = { entity: who.entity, at: site ? site.phraseAt : q.marked[0]!.start };
      if (site) mentionSpeaker(who.entity, site);
      previous = { statement, q, paragraph: q.lastParagraph };
    } else if ("s" in c && c.s) {
      const s = c.s;
      const site = reportedSite(text, s, marked);
      if (!site) continue;
      const who = resolveSpeaker(site.phrase, site.phraseAt, {
        register,
        at: site.phraseAt,
        windowStart: windowStartOf(s.paragraph),
        paragraphStart: paragraphs[s.paragraph]!.start,
        lastSpeaker,
      });
      if (!who) continue;
      const statement: ExtractedStatement = {
        kind: "REPORTED",
        speaker: who.entity,
        text: text.slice(site.around.start, site.around.end),
        parts: [{ ...site.around }],
        evidence: [{ ...site.around }],
        mentions: [],
        confidence: Math.min(who.confidence, 0.85),
        cue: `${who.via}: ${site.cue}`,
      };
      dateAndPlace(statement, site, text, options.publishedOn, register, statements);
      statements.push(statement);
      lastSpeaker = { entity: who.entity, at: site.phraseAt };
      mentionSpeaker(who.entity, site);
      previous = { statement, paragraph: s.paragraph };
    }
  }
  for (const st of statements) st.mentions = mentionsIn(st, register);
  const used = new Set<Entity>();
  for (const st of statements) {
    used.add(st.speaker);
    if (st.venue) used.add(st.venue);
    for (const m of st.mentions) used.add(m);
  }
  if (dateline) used.add(dateline);
  return { statements, entities: register.entities.filter((e) => used.has(e)), unattributed, dateline };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * A speaker found by pronoun, description or office is mentioned where the phrase stands: later descriptions and
 * pronouns can point back to them as to anyone named there.
 */
function mentionSpeaker(entity: Entity, site: Site): void {
  const end = site.phraseAt + site.phrase.length;
  if (entity.mentions.some((m) => m.start < end && m.end > site.phraseAt)) return;
  entity.mentions.push({ entity, start: site.phraseAt, end, subject: true });
  entity.mentions.sort((a, b) => a.start - b.start);
}

/** Whether a quotation in a sentence is long enough to be a statement rather than scare quotes. */
function isStatementQuote(text: string, marked: Span, sentence: Span): boolean {
  if (!overlaps(marked, sentence)) return false;
  return wordCount(text.slice(marked.start + 1, marked.end - 1)) > 4;
}

function isWholeParagraph(q: Quotation, paragraphs: readonly Paragraph[]): boolean {
  const p = paragraphs[q.paragraph]!;
  return q.marked[0]!.start === p.start && q.marked[q.marked.length - 1]!.end >= paragraphs[q.lastParagraph]!.end - 1;
}

/** `"X," he said. "Y."` or `"X," he said, "Y."`: only an attribution stands between the two quotations. */
function joinsPrevious(text: string, previous: Quotation, q: Quotation): boolean {
  const between = text.slice(previous.marked[previous.marked.length - 1]!.end, q.marked[0]!.start);
  const prevWords = text.slice(
    previous.parts[previous.parts.length - 1]!.start,
    previous.parts[previous.parts.length - 1]!.end,
  );
  // Only the attribution may stand between: `, he said. ` or `, he said, ` — not another sentence or a colon.
  const attributionOnly = /^[^.!?:]*(?:[.!?]\s*|,\s*)$/.test(between);
  return (
    attributionOnly &&
    between.length < 240 &&
    /[,—–-]\s*$|[,—–-]$/.test(prevWords) === true &&
    new RegExp(`\\b(?:${CUE_WORDS})\\b`, "i").test(between) &&
    !/["“«‘]/.test(between)
  );
}

/** Extends each evidence span that ends where the attribution begins, so the evidence reads "…," he said. */
function stretch(evidence: Span[], around: Span): void {
  const last = evidence[evidence.length - 1]!;
  if (around.start >= last.end - 1 && around.start - last.end < 3) last.end = Math.max(last.end, around.end);
  const first = evidence[0]!;
  if (around.end <= first.start + 1 && first.start - around.end < 3) first.start = Math.min(first.start, around.start);
}

/**
 * The dateline that opens wire copy ("ISTANBUL:", "KYIV, 16 September (Wire) -"): the city in capitals, where it
 * stands, and where the story itself begins.
 */
export function datelineOf(text: string): { city: string; start: number; end: number; storyStart: number } | undefined {
  const line = text.slice(0, 160).split("\n")[0] ?? "";
  const lead = /(?:^|\s)(\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*)\s*(?:,|:|\(|—|–| - )/u.exec(line);
  if (!lead || lead[1]!.length < 3) return undefined;
  const start = lead.index + lead[0].indexOf(lead[1]!);
  // The story begins after the separator: "CITY:", "CITY -", or "CITY, date (Agency) -".
  const rest = /^[^:—–]*?(?::|—|–|\s-\s)\s*/u.exec(line.slice(start + lead[1]!.length));
  const storyStart = rest && rest[0].length < 60 ? start + lead[1]!.length + rest[0].length : start;
  return { city: lead[1]!, start, end: start + lead[1]!.length, storyStart };
}

/** Registers every capitalised name outside quotations (and inside them as quoted mentions); returns the dateline. */
function registerMentions(text: string, sentences: Sentence[], marked: Span[], register: Register): Entity | undefined {
  let dateline: Entity | undefined;
  const lead = datelineOf(text);
  if (lead) {
    const name = lead.city.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
    dateline = register.register("venue", name);
    dateline.mentions.push({ entity: dateline, start: lead.start, end: lead.end, subject: false });
  }
  for (const s of sentences) {
    for (const run of nameRuns(text, s, register)) {
      if (dateline && run.start < 80 && run.name.toUpperCase() === run.name) continue;
      const quoted = marked.some((m) => run.start > m.start && run.end < m.end);
      const read = classify(run, register);
      if (!read) continue;
      const entity =
        register.find(read.name, read.type) ??
        register.find(run.name, read.type) ??
        register.register(read.type, read.name, { isoCode: read.isoCode });
      if (run.name !== entity.name) register.alias(entity, run.name);
      if (quoted) {
        entity.mentions.push({ entity, start: run.start, end: run.end, subject: false, quoted: true });
        continue;
      }
      const mention: Mention = { entity, start: run.start, end: run.end, subject: run.atSentenceStart };
      entity.mentions.push(mention);
      if (entity.type === "person") describePerson(text, run, entity, register);
    }
  }
  return dateline;
}

/** Roles, gender and age the text gives a person where it names them. */
function describePerson(
  text: string,
  run: ReturnType<typeof nameRuns>[number],
  person: Entity,
  register: Register,
): void {
  for (const r of run.roles) if (!person.roles.includes(r)) person.roles.push(r);
  if (run.roleState) person.roleState = run.roleState.isoCode;
  if (run.honorific) person.gender ??= register.genderOf(run.honorific);
  for (const r of run.roles) for (const w of r.split(" ")) person.gender ??= register.genderOf(w);
  // Lower-case role words right before the name: "chief executive Tom Hale", "the 54-year-old Jan Novak".
  const before = text.slice(Math.max(0, run.start - 60), run.start);
  const lowerRole = /((?:[\p{Ll}-]+\s+){1,3})$/u.exec(before)?.[1]?.trim().split(/\s+/) ?? [];
  const roleWords = [];
  for (let i = lowerRole.length - 1; i >= 0 && TITLE_WORDS.has(lowerRole[i]!); i--) roleWords.unshift(lowerRole[i]!);
  if (roleWords.length) person.roles.push(roleWords.join(" "));
  const ageBefore = /(\d{1,3})-year-old\s+$/.exec(before);
  if (ageBefore) person.age = Number(ageBefore[1]);
  // Appositions after the name: "Anna Kovacs, 54, …", "Anna Kovacs, Poland's foreign minister, …".
  const after = text.slice(run.end, run.end + 100);
  const age = /^[’']?s?,\s+(\d{1,3}),/.exec(after);
  if (age) person.age = Number(age[1]);
  const appos =
    /^,\s+(?:the\s+|a\s+|an\s+)?(?:([\p{Lu}][\p{L}]+)[’']s\s+|([\p{Lu}][\p{L}]+)\s+)?((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)(?:\s+(?:of|for|at)\s+[^,.]+)?[,.]/u.exec(
      after,
    );
  if (appos) {
    const words = appos[3]!.split(/\s+/);
    if (words.some((w) => TITLE_WORDS.has(w))) {
      person.roles.push(appos[3]!);
      for (const w of words) person.gender ??= register.genderOf(w);
    }
  }
}

/** "his"/"her" after exactly one person named earlier in the sentence tells that person's gender. */
function learnGenders(text: string, sentences: Sentence[], register: Register): void {
  for (const s of sentences) {
    const people = register.entities.filter(
      (e) => e.type === "person" && e.mentions.some((m) => m.start >= s.start && m.start < s.end && !m.quoted),
    );
    if (people.length !== 1) continue;
    const person = people[0]!;
    if (person.gender) continue;
    const first = person.mentions
      .filter((m) => m.start >= s.start && m.start < s.end)
      .sort((a, b) => a.start - b.start)[0]!;
    // Only "X … his/her" soon after X names X's gender: "Grace Adhiambo's son Brian … he" names Brian's.
    const rest = text.slice(first.end, Math.min(s.end, first.end + 60));
    if (
      /^[’']s\b/u.test(rest) ||
      /[\p{Lu}]/u.test(
        rest
          .replace(/^[^\p{L}]*/u, "")
          .slice(1)
          .split(/\b(?:his|her)\b/)[0] ?? "",
      )
    )
      continue;
    if (/\bhis\b/.test(rest) && !/\bher\b/.test(rest)) person.gender = "male";
    else if (/\bher\b/.test(rest) && !/\bhis\b/.test(rest)) person.gender = "female";
  }
}

/** Reads an attribution: `NP said` / `said NP` after the quotation, or `NP said:` / `NP said,` before it. */
function attributionOf(
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
  let afterEnd = lastSentence.end;
  const nextOpen = /["“«‘']/.exec(text.slice(close, afterEnd));
  if (nextOpen && /[,:]\s*$/.test(text.slice(close, close + nextOpen.index))) afterEnd = close + nextOpen.index;
  const after = text.slice(close, afterEnd);
  const a = afterSite(after, close);
  if (a) return { ...a, around: { start: close, end: afterEnd } };
  // Before: from the sentence's start (or the previous quotation's end) to the opening mark.
  const from = Math.max(sentence.start, ...marked.filter((m) => m.end <= open).map((m) => m.end));
  const before = text.slice(from, open);
  const b = beforeSite(before, from);
  if (b) return { ...b, around: { start: from, end: open } };
  // A quotation opening its paragraph after one that ends with a colon: "…, Helena Marstrand, said:"
  const paragraph = paragraphs[q.paragraph]!;
  if (!before.trim() && open === paragraph.start && q.paragraph > 0) {
    const prev = sentences.filter((s) => s.paragraph === q.paragraph - 1).pop();
    if (prev && /:\s*$/.test(text.slice(prev.start, prev.end))) {
      const site = beforeSite(text.slice(prev.start, prev.end), prev.start);
      if (site) return { ...site, around: { start: prev.start, end: prev.end } };
    }
  }
  // "Quote:" label: the attribution is in the sentence before or after the quotation.
  if (/^\s*Quote\s*:\s*$/i.test(before)) {
    const prevSentence = sentences.filter((s) => s.end <= sentence.start && s.paragraph >= q.paragraph - 1).pop();
    const nextSentence = sentences.find((s) => s.start >= close && s.paragraph <= q.lastParagraph + 1);
    for (const s of [prevSentence, nextSentence]) {
      if (!s) continue;
      const site =
        beforeSite(text.slice(s.start, s.end).replace(/[.:]\s*$/, ":"), s.start) ??
        afterSite(` ${text.slice(s.start, s.end)}`, s.start - 1);
      if (site) return { ...site, around: { start: s.start, end: s.end } };
    }
  }
  return undefined;
}

function cueOf(word: string): { tense: CueTense } | undefined {
  return CUES.get(word.toLowerCase());
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
  const m3 = new RegExp(`^([\\s,—–-]*)(${CUE_WORDS})\\s+([^,.;]+)`, "iu").exec(after);
  if (m3) {
    const tense = cueOf(m3[2]!)!.tense;
    if (tense === "participle") return undefined;
    // "said Anna Kovacs, the minister": the name runs to the comma; drop what follows a preposition.
    const phrase = m3[3]!.replace(
      /\s+(?:in|on|at|to|after|before|during|from|when|while|late|early|last|yesterday|today)\b.*$/i,
      "",
    );
    return {
      phrase,
      phraseAt: at + m3[1]!.length + m3[2]!.length + 1,
      cue: m3[2]!.toLowerCase(),
      tense,
      perfect: false,
    };
  }
  return undefined;
}

/** `NP (aux) (adv) CUE (to X) (on Sunday):` or `NP CUE,` before a quotation; or a subject and a colon. */
function beforeSite(before: string, at: number): Omit<Site, "around"> | undefined {
  if (!/[:,]\s*$|\s$/.test(before) || !before.trim()) return undefined;
  // The clause that holds the cue: after the last comma that precedes it.
  const m = new RegExp(`(${CUE_WORDS})\\b([^"“«]*?)[:,]?\\s*$`, "iu").exec(before);
  if (m && !/[.!?]/.test(m[2]!) && m[2]!.length < 60) {
    const tense = cueOf(m[1]!)!.tense;
    let head = before.slice(0, m.index);
    const auxAdv = new RegExp(`(?:\\s+${AUX})?(?:\\s+${ADVERBS})?\\s*$`, "i").exec(head);
    const perfect = /\b(?:has|have)\b/.test(auxAdv?.[0] ?? "");
    head = head.slice(0, head.length - (auxAdv?.[0].length ?? 0));
    // "Emil Horak, the operator's chief executive, told reporters:" — the name, not its apposition.
    const appositive = new RegExp(`(${NAMED}),\\s+(?:the|a|an|\\d+|[\\p{Lu}][\\p{L}]+[’']s)\\b[^,]*,\\s*$`, "u").exec(
      head,
    );
    if (appositive && tense !== "participle") {
      const phraseStart = appositive.index;
      return { phrase: appositive[1]!, phraseAt: at + phraseStart, cue: m[1]!.toLowerCase(), tense, perfect };
    }
    const comma = Math.max(head.lastIndexOf(", "), -1);
    const phraseStart = comma >= 0 && tense !== "participle" ? comma + 2 : 0;
    let phrase = head.slice(phraseStart);
    if (tense === "participle") {
      // "…, saying:" — the subject is the sentence's first noun phrase.
      phrase = head.split(/,|\s+(?:has|have|had|was|is|were|are|said|says)\b/)[0] ?? "";
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
    const subject =
      /^(?:[^,]*,\s+)?((?:the\s+|a\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:[\p{Lu}][\p{L}’'.-]*\s*)+|he|she|they|the\s+[\p{Ll}\d-]+(?:\s+(?:executive|minister|officer|president|director|secretary|judge|coach|governor|spokesman|spokeswoman|spokesperson|chairman|chairwoman|leader|envoy))?)\s+\p{Ll}/u.exec(
        clause,
      );
    if (subject) {
      const phraseAt = at + lead.length + clause.indexOf(subject[1]!);
      return { phrase: subject[1]!, phraseAt, cue: "colon", tense: "past", perfect: false };
    }
  }
  return undefined;
}

/** Reported speech in a sentence without a quotation of its own. */
function reportedSite(text: string, s: Sentence, marked: Span[]): Site | undefined {
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
      ? (/^\s+(?:reporters|journalists|lawmakers|parliament|the\s+\S+|a\s+\S+(?:\s+\S+)?|him|her|them|us|[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)/u.exec(
          sentence.slice(lead[0].length),
        )?.[0] ?? "")
      : "";
    const rest = sentence.slice(lead[0].length + told.length);
    const named = /^[\p{Lu}]/u.test(lead[2]!) || /^(?:he|she|the)\b/i.test(lead[2]!);
    const that =
      /^\s+(?:on\s+\S+\s+|late\s+\S+\s+|last\s+\S+\s+|yesterday\s+|in\s+\S+\s+)?(?:that\b|it\b|the\b|\S+\s+(?:would|will|was|is|had|has|could|should|must)\b)/.test(
        rest,
      ) || /^\s+that\b/.test(rest);
    if (
      named &&
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

/** Date and venue from the attribution's own words, else the rules of the README (present tense, carried dates). */
function dateAndPlace(
  statement: ExtractedStatement,
  site: Site | undefined,
  text: string,
  publishedOn: string,
  register: Register,
  earlier: readonly ExtractedStatement[],
): void {
  let date: SaidOn | undefined;
  if (site) {
    const words = attributionWords(text, statement, site);
    const found = datesIn(words, publishedOn)[0];
    if (found) date = found;
    else if (site.perfect) date = undefined;
    else if (site.tense === "present") date = { saidOn: publishedOn, datePrecision: "DAY" };
    else {
      const same = [...earlier].reverse().find((e) => e.speaker === statement.speaker && e.saidOn);
      if (same && text.slice(same.evidence[0]!.start, statement.evidence[0]!.start).split(/\n\s*\n|\n/).length <= 3) {
        date = widened({ saidOn: same.saidOn!, datePrecision: same.datePrecision! });
      }
    }
    const venue = /\b(?:in|at)\s+((?:the\s+)?[\p{Lu}][\p{L}’'-]*(?:\s+[\p{Lu}][\p{L}’'-]*)*)/u.exec(words);
    if (venue) {
      const name = venue[1]!.replace(/^the\s+/, "");
      const run = nameRuns(text, { start: 0, end: 0 });
      void run;
      const entity = register.find(name);
      if (entity && entity.type === "venue") statement.venue = entity;
    }
  } else {
    const same = [...earlier].reverse().find((e) => e.speaker === statement.speaker && e.saidOn);
    if (same) date = widened({ saidOn: same.saidOn!, datePrecision: same.datePrecision! });
  }
  if (date) {
    statement.saidOn = date.saidOn;
    statement.datePrecision = date.datePrecision;
  }
}

/** The attribution's words without the quotation or the reported clause's own content after the cue. */
function attributionWords(text: string, statement: ExtractedStatement, site: Site): string {
  const slice = text.slice(site.around.start, site.around.end);
  if (statement.kind === "DIRECT_QUOTE") {
    // Blank out the quoted words, keep the rest (offsets are not needed here).
    let out = slice;
    for (const p of statement.parts) {
      if (p.start >= site.around.start && p.end <= site.around.end) {
        out =
          out.slice(0, p.start - site.around.start) +
          " ".repeat(p.end - p.start) +
          out.slice(p.end - site.around.start);
      }
    }
    return out;
  }
  // Reported: the speaker, the cue and the few words after it ("said on Sunday that"), or a leading "On Sunday,".
  const cueAt = slice.indexOf(site.cue, site.phraseAt - site.around.start);
  const lead = /^(?:On|Late|Early|Last|In)\s+[^,]+,/.exec(slice)?.[0] ?? "";
  const tail =
    cueAt >= 0 ? slice.slice(Math.max(0, site.phraseAt - site.around.start), cueAt + site.cue.length + 25) : "";
  const upToThat = tail.split(/\bthat\b/)[0] ?? tail;
  return `${lead} ${upToThat}`;
}

/** Entities named inside the statement's words (for reported speech, after its speaker). */
function mentionsIn(statement: ExtractedStatement, register: Register): Entity[] {
  const out: Entity[] = [];
  for (const e of register.entities) {
    if (e === statement.speaker || (e.type === "venue" && e === statement.venue)) continue;
    if (e.mentions.some((m: Mention) => statement.parts.some((p) => m.start >= p.start && m.end <= p.end))) out.push(e);
  }
  return out;
}

export { classify };
