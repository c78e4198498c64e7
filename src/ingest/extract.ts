// From an article's text to its statements: quotations and reported speech, each with its speaker, date, venue and
// the entities it names, and a confidence with the cue it relied on. Pure: the graph's knowledge comes in as
// `known`, the text is never changed, and every span indexes it exactly as given.
import { QUOTE_GAP, type Span } from "../domain/spans";
import type { Precision } from "../domain/dates";
import { attributionOf, joinsPrevious } from "./attribution/attribution";
import { blockQuotationsOf, inOtherLanguage } from "./quotations/blockQuotes";
import { interviewOf } from "./quotations/interviewAnswers";
import { answerSpeaker, intervieweeOf } from "./attribution/interviewee";
import {
  acrossOmissions,
  nextSentenceSpeaker,
  runConfidence,
  translationConfidence,
  type RunChoice,
} from "./attribution/carriedOn";
import { addMention, Register, type Entity, type KnownEntity } from "./entities/entities";
import { containing, overlapping, paragraphsOf, sentencesOf, wordCount } from "./text/layout";
import { registerIntroducers } from "./entities/introducers";
import { labelledQuotationsOf, registerLabelWriters } from "./quotations/labelled";
import { datelineOf, learnGenders, registerMentions } from "./entities/mentions";
import { CUE_WORDS, type Sentence, type Site } from "./text/patterns";
import { whyNotAPerson } from "./words/personNames";
import { quotationsOf, type Quotation } from "./quotations/quotes";
import { namesAnotherInstitution, reportedSite } from "./attribution/reported";
import { headlineReport } from "./attribution/headlineReport";
import { resolveSpeaker, speaksForSomeone, type Attributed } from "./attribution/speakers";
import { MentionIndex, speakerCandidates, type Candidate } from "./attribution/speakerCandidates";
import { confidenceOf, quotationShape, rankSpeakers } from "./attribution/speakerRanker";
import { dateAndPlace, mentionsIn } from "./attribution/statementDetails";
import { REPORTED_SENTENCE, SPEAKER_PHRASE, withoutHandover } from "./text/windows";

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
  event?: Entity;
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

/** A reading of the attribution rules this sure is taken as it is; below it, the learned ranker decides. */
export const SURE_RULE = 0.9;

/**
 * The confidence a speaker chosen by the ranker needs to be drafted (chosen on the tuning split: below it, its
 * choices were right less than four times in five); below it the quotation is listed for review with its guess.
 */
export const RANKED_DRAFT = 0.7;

/**
 * The most a speaker carried on from the quotation before may be sure of (below the "confident" 0.9), except along a
 * run of block paragraphs (attribution/carriedOn.ts).
 */
const CARRIED_ON = 0.89;

/** A verb of saying (or of naming: "called", "described … as") before a quotation in its sentence. */
/** A verb of saying and the "that" of its clause: "he stated that", "Jobs said on Monday that". */
const REPORTS_THAT = new RegExp(String.raw`\b(?:${CUE_WORDS})\s+(?:\S+\s+){0,3}?that\s`, "iu");
const REPORTED_BEFORE = new RegExp(String.raw`\b(?:${CUE_WORDS}|called|dubbed|described|termed|branded)\b`, "iu");

/** "According to The Harbour Gazette, …": the outlet is the source of what follows, not a channel for others' words. */
const OUTLET_SOURCE = /^according to$/;

/** A member named in a release's headline in capitals, found again by surname in its text. */
const HEADLINE_CONFIDENCE = 0.85;

/** A post under its writer's handle ("@handle: …"): the label says who wrote it. */
const LABEL_CONFIDENCE = 0.95;

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
  /** Sees every quotation's candidate speakers (scripts/train-models.ts learns from them). */
  onCandidates?: (q: Quotation, candidates: readonly Candidate[]) => void;
}

export function extract(text: string, options: ExtractOptions): Extraction {
  const paragraphs = paragraphsOf(text);
  const { labelled, inMarks } = labelledQuotationsOf(text, paragraphs, quotationsOf(text, paragraphs));
  const interview = interviewOf(text, paragraphs, [...inMarks, ...labelled]);
  const unmarked = [...inMarks, ...labelled, ...(interview?.answers ?? [])];
  // An interviewer's question is the article's own words, never a block quotation.
  const blocks = blockQuotationsOf(text, paragraphs, unmarked).filter((q) => !interview?.questions.has(q.paragraph));
  const quotations = [...unmarked, ...blocks].sort((a, b) => a.marked[0]!.start - b.marked[0]!.start);
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
  registerIntroducers(text, sentences, marked, register);
  registerLabelWriters(labelled, register);
  learnGenders(text, sentences, register);

  const mentionIndex = new MentionIndex(register);
  const answerer = interview && intervieweeOf(text, paragraphs, interview.firstQuestion, mentionIndex);
  const windowStartOf = (paragraph: number) => paragraphs[Math.max(0, paragraph - 2)]!.start;
  const candidates = [
    ...quotations.map((q) => ({ at: q.marked[0]!.start, q })),
    ...sentences
      .filter(
        (s) => !overlapping(marked, s).some((m) => isStatementQuote(text, m, s)) || quotesInReport(text, s, marked),
      )
      .map((s) => ({ at: s.start, s })),
  ].sort((a, b) => a.at - b.at);

  const statements: ExtractedStatement[] = [];
  const unattributed: Unattributed[] = [];
  let lastSpeaker: { entity: Entity; at: number } | undefined;
  let previous: { statement: ExtractedStatement; q?: Quotation; paragraph: number } | undefined;
  let lastChoice: RunChoice | undefined;

  for (const c of candidates) {
    if ("q" in c && c.q) {
      const q = c.q;
      const sentence = containing(sentences, q.marked[0]!.start)!;
      // The statement's words drop the comma that hands over to the attribution ("…," he said), as readers quote.
      const words = q.parts.map((p) => withoutHandover(text.slice(p.start, p.end))).join(QUOTE_GAP);
      // "@handle: …": the label names the writer; nothing else is in reach of such a post.
      const writer = q.label && register.find(q.label.name);
      if (writer) {
        const statement = quoteStatement(q, words, { entity: writer, confidence: LABEL_CONFIDENCE, via: "label" });
        dateAndPlace(statement, undefined, text, options.publishedOn, register, statements);
        statements.push(statement);
        lastSpeaker = { entity: writer, at: q.marked[0]!.start };
        lastChoice = { speaker: writer, paragraph: q.lastParagraph, confidence: LABEL_CONFIDENCE, block: false };
        previous = { statement, q, paragraph: q.lastParagraph };
        continue;
      }
      // An interview's answer is the interviewee's, when the introduction says who that is.
      if (q.style === "answer") {
        const answer = answerSpeaker(text, q, answerer, mentionIndex);
        if (answer === "article") continue;
        const { reason } = answer;
        const who = answer.who && { ...answer.who, confidence: round(answer.who.confidence) };
        if (!who || who.confidence < RANKED_DRAFT)
          unattributed.push({
            parts: q.parts,
            text: words,
            reason,
            ...(who ? { suggested: { entity: who.entity, confidence: who.confidence } } : {}),
          });
        else {
          const statement = quoteStatement(q, words, who, "answer");
          dateAndPlace(statement, undefined, text, options.publishedOn, register, statements);
          statements.push(statement);
          previous = { statement, q, paragraph: q.lastParagraph };
        }
        continue;
      }
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
        words === words.toUpperCase() &&
        // A script without capitals (Arabic, Chinese) is never "all in capitals".
        words !== words.toLowerCase();
      if (heading) continue;
      // A word or two in marks is a term or a scare quote, unless a verb of saying in its sentence hands it over
      // ("he called the bankruptcies \"quick, surgical\"", "she said it was \"damning\"").
      const reported = REPORTED_BEFORE.test(text.slice(sentence.start, q.marked[0]!.start));
      // `"It's carnage," he said.`: two words that end as a sentence does, handed to a speaker after them, are words.
      const said = site && /[.,!?…]$/.test(text.slice(q.parts[0]!.start, q.parts[0]!.end).trimEnd());
      const short =
        !reported &&
        ((wordCount(words) <= 2 && !said) || (wordCount(words) <= 4 && !/[.,!?…;:]$/.test(words) && !site));
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
      const ruleWho = site
        ? resolveSpeaker(site.phrase, site.phraseAt, {
            register,
            at: site.phraseAt,
            windowStart: windowStartOf(q.paragraph),
            paragraphStart: paragraphs[q.paragraph]!.start,
            lastSpeaker,
          })
        : undefined;
      const before = acrossOmissions(text, paragraphs, lastChoice, q.paragraph);
      // Every speaker in reach, the rules' reading among them, weighed by the ranker.
      const speakers = speakerCandidates({
        text,
        sentences,
        paragraphs,
        register,
        q,
        rule: site && {
          who: ruleWho,
          cue: site.cue,
          around: site.around,
          phrase: { start: site.phraseAt, end: site.phraseAt + site.phrase.trimEnd().length },
        },
        previous: before,
        lastSpeaker: lastSpeaker?.entity,
        mentions: mentionIndex,
      });
      options.onCandidates?.(q, speakers);
      const ranked = rankSpeakers(speakers);
      const best = ranked[0];
      // A guess of the rules (an age nobody was given, a pronoun nobody fits) stays a guess, however the rest looks.
      const ceiling = ruleWho && best?.candidate.entity === ruleWho.entity && ruleWho.confidence < MIN_CONFIDENCE;
      const shape = quotationShape(text, q);
      const confidence = Math.min(confidenceOf(ranked, q.style === "block", shape), ceiling ? ruleWho.confidence : 1);
      // The rules' reading of the attribution stands when it is sure, or when the ranker ranks it first; the ranker
      // decides where the rules are unsure or find nothing.
      const agreed = ruleWho && ruleWho.confidence >= MIN_CONFIDENCE && best?.candidate.entity === ruleWho.entity;
      const sure = ruleWho && (ruleWho.confidence >= SURE_RULE || agreed) ? ruleWho : undefined;
      // Every confidence is the calibrated one (the rules' own numbers are not probabilities): a sure reading that
      // the ranker ranks first takes the confidence model's figure for that choice.
      const calibrated =
        sure && best?.candidate.entity === sure.entity ? { ...sure, confidence: round(confidence) } : sure;
      let who: Attributed | undefined =
        calibrated ??
        (best && {
          entity: best.candidate.entity,
          // A speaker carried on from the quotation before is never "sure": on the tuning split such choices at 0.9
          // or more were right 84 times in 100.
          confidence: round(best.candidate.via === "continuation" ? Math.min(confidence, CARRIED_ON) : confidence),
          via: best.candidate.via,
        });
      const run = who && runConfidence(q, Boolean(site), before, who.entity);
      if (who && run !== undefined) who.confidence = Math.max(who.confidence, round(run));
      const foreign = inOtherLanguage(words);
      const translated = translationConfidence(q, words, Boolean(site), before, foreign);
      if (before && translated !== undefined)
        who = { entity: before.speaker, confidence: round(translated), via: "continuation" };
      const carried = !site && previous?.q ? nextSentenceSpeaker(text, q, previous, mentionIndex) : undefined;
      if (carried) who = carried;
      const cue = site && who?.entity === ruleWho?.entity ? site.cue : "";
      // The next quotation may carry this one on, drafted or not: a block quotation's second paragraph is the same
      // writer's even when the first was left for review.
      const block = q.style === "block";
      lastChoice = who && {
        speaker: who.entity,
        paragraph: q.lastParagraph,
        confidence: who.confidence,
        block,
        foreign,
        length: words.length,
      };
      // The attribution describes someone the register cannot tell ("the EU negotiator said"): whoever else ranks
      // first is a guess about another person, listed for review, never drafted.
      const unknownDescribed =
        site && !ruleWho && (/^(?:the|a|an)\s/i.test(site.phrase.trim()) || speaksForSomeone(site.phrase));
      if (!who || who.confidence < (sure ? MIN_CONFIDENCE : RANKED_DRAFT) || (unknownDescribed && !sure)) {
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
      const statement = quoteStatement(q, words, who, cue);
      if (site) stretch(statement.evidence, site.around);
      dateAndPlace(statement, site, text, options.publishedOn, register, statements);
      statements.push(statement);
      lastSpeaker = { entity: who.entity, at: site ? site.phraseAt : q.marked[0]!.start };
      if (site) mentionSpeaker(who.entity, site, mentionIndex);
      previous = { statement, q, paragraph: q.lastParagraph };
    } else if ("s" in c && c.s) {
      const s = c.s;
      // A "sentence" longer than any wire sentence (a list, a table, run-on text) is not read for reported speech.
      const site = s.end - s.start <= REPORTED_SENTENCE ? reportedSite(text, s, marked) : undefined;
      if (!site) continue;
      const who = resolveSpeaker(site.phrase, site.phraseAt, {
        register,
        at: site.phraseAt,
        windowStart: windowStartOf(s.paragraph),
        paragraphStart: paragraphs[s.paragraph]!.start,
        lastSpeaker,
      });
      // A news outlet that reports is the channel the news came through, not a speaker (its sources are unnamed),
      // except as the source named after "according to".
      if (!who || (whyNotAPerson(who.entity.name) === "news outlet" && !OUTLET_SOURCE.test(site.cue))) continue;
      if (
        who.entity.type !== "person" &&
        namesAnotherInstitution(site.phrase, [who.entity.name, ...who.entity.aliases])
      )
        continue;
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
      mentionSpeaker(who.entity, site, mentionIndex);
      previous = { statement, paragraph: s.paragraph };
      lastChoice = { speaker: who.entity, paragraph: s.paragraph, confidence: statement.confidence, block: false };
    }
  }
  const headline = paragraphs[0] && headlineReport(text, paragraphs[0]);
  const member = headline?.names.map((n) => register.find(n, "person")).find((e) => e !== undefined);
  if (headline && member) {
    const statement: ExtractedStatement = {
      kind: "REPORTED",
      speaker: member,
      text: text.slice(headline.content.start, headline.content.end),
      parts: [{ ...headline.content }],
      evidence: [{ ...headline.content }],
      mentions: [],
      confidence: HEADLINE_CONFIDENCE,
      cue: `headline: ${headline.cue}`,
    };
    dateAndPlace(statement, undefined, text, options.publishedOn, register, statements);
    statements.unshift(statement);
  }
  // The last word on who may be a person: a statement whose speaker's name cannot be a person's is left for review.
  for (const st of [...statements]) {
    const why =
      st.speaker.type === "person" && !st.speaker.knownId && !st.speaker.handle && whyNotAPerson(st.speaker.name);
    if (!why) continue;
    statements.splice(statements.indexOf(st), 1);
    unattributed.push({
      parts: st.parts,
      text: st.text,
      reason: `"${st.speaker.name}" is not a person's name (${why})`,
    });
  }
  for (const st of statements) st.mentions = mentionsIn(st, register);
  const used = new Set<Entity>();
  for (const st of statements) {
    used.add(st.speaker);
    if (st.venue) used.add(st.venue);
    if (st.event) used.add(st.event);
    for (const m of st.mentions) used.add(m);
  }
  if (dateline) used.add(dateline);
  for (const e of [...used]) {
    const state =
      e.type === "organization" && e.roleState
        ? register.entities.find((s) => s.type === "state" && s.isoCode === e.roleState)
        : undefined;
    if (state) used.add(state);
  }
  return { statements, entities: register.entities.filter((e) => used.has(e)), unattributed, dateline };
}

/** A direct quotation's statement: its words, parts and marks, and who said it. */
function quoteStatement(q: Quotation, words: string, who: Attributed, cue = ""): ExtractedStatement {
  return {
    kind: "DIRECT_QUOTE",
    speaker: who.entity,
    text: words,
    parts: q.parts.map((s) => ({ ...s })),
    evidence: q.marked.map((s) => ({ ...s })),
    mentions: [],
    confidence: who.confidence,
    cue: `${who.via}${cue ? `: ${cue}` : ""}`,
  };
}

/** Two decimals, and never certain: a calibrated probability stays below 1. */
const round = (x: number) => Math.min(0.99, Math.round(x * 100) / 100);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * A speaker found by pronoun, description or office is mentioned where the phrase stands: later descriptions and
 * pronouns can point back to them as to anyone named there.
 */
function mentionSpeaker(entity: Entity, site: Site, index: MentionIndex): void {
  const end = site.phraseAt + site.phrase.length;
  // Its mentions near the phrase, found in the index (not by reading all of the entity's mentions).
  const near = index.within({ start: site.phraseAt - SPEAKER_PHRASE, end });
  if (near.some((m) => m.entity === entity && m.start < end && m.end > site.phraseAt)) return;
  const mention = { entity, start: site.phraseAt, end, subject: true };
  addMention(mention);
  index.add(mention);
}

/** Whether a quotation in a sentence is long enough to be a statement rather than scare quotes. */
function isStatementQuote(text: string, marked: Span, sentence: Span): boolean {
  if (!overlaps(marked, sentence)) return false;
  return wordCount(text.slice(marked.start + 1, marked.end - 1)) > 4;
}

/**
 * A sentence that reports in its own words and quotes inside the report ("He stated that he refused \"to let …\"")
 * is reported speech as well as a quotation: the reporting verb and its "that" come before the first quotation.
 */
function quotesInReport(text: string, s: Span, marked: Span[]): boolean {
  const first = overlapping(marked, s)[0];
  if (!first || first.start <= s.start) return false;
  return REPORTS_THAT.test(text.slice(s.start, first.start));
}

/** Extends each evidence span that ends where the attribution begins, so the evidence reads "…," he said. */
function stretch(evidence: Span[], around: Span): void {
  const last = evidence[evidence.length - 1]!;
  if (around.start >= last.end - 1 && around.start - last.end < 3) last.end = Math.max(last.end, around.end);
  const first = evidence[0]!;
  if (around.end <= first.start + 1 && first.start - around.end < 3) first.start = Math.min(first.start, around.start);
}
