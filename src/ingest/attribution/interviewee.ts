// Who answers an interview's questions: the one person named where the article says an interview follows ("Wikinews
// interviews Jane Doe on …", "I asked him [Doe] a few questions"), else the person its introduction names most. The
// answers themselves carry no name (quotations/interviewAnswers.ts), so their speaker is the interview's subject.
import type { Entity } from "../entities/entities";
import type { Paragraph } from "../text/layout";
import { INTERVIEW_CUE } from "../quotations/interviewAnswers";
import type { MentionIndex } from "./speakerCandidates";
import type { Quotation } from "../quotations/quotes";
import type { Attributed } from "./speakers";

/** The one person named where the article announces the interview. */
export const CUED_CONFIDENCE = 0.9;
/** The person the introduction names most, at least twice and twice as often as anyone else. */
export const INTRODUCTION_CONFIDENCE = 0.8;
/** A guess, listed for review with the answers. */
const GUESS = 0.5;

export interface Interviewee {
  entity: Entity;
  confidence: number;
  /** Whom else the introduction names as likely: an interview of two people is left for review. */
  others: Entity[];
  /** Whether they are named together right after the words that announce the interview ("interviews A and B"). */
  together?: boolean;
}

/**
 * A name used as a modifier ("a New York bar owner") is not the interviewee: the word after it is a lower-case noun,
 * not a preposition, a conjunction or a verb of telling.
 */
const WORDS_AFTER_A_NAME =
  "on about of and in at for from after over as with to who tells says talks speaks discusses sat spoke talked met " +
  "answered agreed joined gave granted";
const AFTER_A_NAME = new RegExp(
  String.raw`^\s*(?:[:,;.?!)\]–—-]|$|(?:${WORDS_AFTER_A_NAME.split(" ").join("|")})\b|\p{Lu})`,
  "u",
);

/**
 * A name that opens its sentence in the paragraph that announces the interview is its subject ("Jane Doe leads the
 * archive. She agreed to answer our questions."), not a modifier. (Elsewhere in the introduction such a name may be
 * someone the article quotes from other sources, so the stricter test holds there.)
 */
const OPENS_SENTENCE = /(?:^|[.!?]["”’]?\s+|\n)$/u;

/**
 * Who asks the questions is not who answers them: a name whose word before it, past other capitalised words, is
 * "reporter" or "correspondent" ("questions submitted by accredited Wikinews reporter Jane Doe"). One after "of", "in"
 * or "from" is a place or a body that a person-like name was read as ("nominee for Mayor of Georgia Falls").
 */
const NOT_AFTER = new Set(["reporter", "reporters", "correspondent", "interviewer", "journalist", "of", "in", "from"]);

function notAnInterviewee(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at).split(/\s+/);
  const word = before.reverse().find((w, i) => i > 0 && !(/^\p{Lu}/u.test(w) && !/[,;:]$/.test(w)));
  return NOT_AFTER.has(word ?? "");
}

function peopleIn(
  text: string,
  index: MentionIndex,
  span: { start: number; end: number },
  subjects = false,
): Map<Entity, number> {
  const counts = new Map<Entity, number>();
  for (const m of index.within(span)) {
    if (m.entity.type !== "person" || m.quoted) continue;
    const opens = subjects && OPENS_SENTENCE.test(text.slice(Math.max(0, m.start - 4), m.start));
    const modifier = !AFTER_A_NAME.test(text.slice(m.end, m.end + 16)) && !opens;
    if (modifier || notAnInterviewee(text, m.start)) continue;
    counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  }
  return counts;
}

/** This outlet's own interview: "our questions", "questions from Wikinews", "spoke to us". */
const OWN_INTERVIEW =
  /\b(?:our\s+(?:\w+\s+){0,2}(?:questions|interview)|(?:questions|interview)\s+(?:from|with|for)\s+(?:Wikinews|us))\b/i;

/** How far after "interviews" / "spoke with" the interviewee's name may start ("… with US activist Jane Doe"). */
const AFTER_CUE = 60;
/** How far before the cue a person named makes the cue's direction unclear ("Doe sat down with Roe"). */
const BEFORE_CUE = 60;

/** The people named right after the words that announce the interview ("Wikinews spoke with Jane Doe, …"). */
function rightAfterCue(text: string, index: MentionIndex, p: Paragraph): Entity[] {
  const cues = new RegExp(INTERVIEW_CUE.source, "gi");
  for (const cue of text.slice(p.start, p.end).matchAll(cues)) {
    const at = p.start + cue.index;
    // "Professor Doe sat down with John Roe for an interview": a person before the cue may be the one who answers;
    // the one after it is then the one who asks, and the cue says nothing of which is which.
    const windowStart = Math.max(p.start, at - BEFORE_CUE);
    // From the start of the cue's sentence: after the last full stop before it in the window.
    let sentenceStart = windowStart;
    for (const end of text.slice(windowStart, at).matchAll(/[.!?]\s/gu))
      sentenceStart = windowStart + end.index + end[0].length;
    const before = { start: sentenceStart, end: at };
    const asker = (m: { start: number }) => notAnInterviewee(text, m.start);
    if (index.within(before).some((m) => m.entity.type === "person" && !m.quoted && !asker(m))) continue;
    const from = at + cue[0].length;
    const people = [...peopleIn(text, index, { start: from, end: Math.min(p.end, from + AFTER_CUE) }).keys()];
    if (people.length) return people;
  }
  return [];
}

/** The people a paragraph that announces the interview names: right after the cue, else anywhere in it. */
function cuedIn(text: string, index: MentionIndex, p: Paragraph): { people: Entity[]; afterCue: boolean } | undefined {
  if (!INTERVIEW_CUE.test(text.slice(p.start, p.end))) return undefined;
  const after = rightAfterCue(text, index, p);
  if (after.length) return { people: after, afterCue: true };
  // A name opening a sentence counts as the subject only where the paragraph announces this outlet's own interview
  // ("… answer a few of our questions"), not another ("Doe said so in a 2011 radio interview").
  const own = OWN_INTERVIEW.test(text.slice(p.start, p.end));
  return { people: [...peopleIn(text, index, p, own).keys()], afterCue: false };
}

/** The interviewee, from the paragraphs before the first question; undefined when the text names nobody there. */
export function intervieweeOf(
  text: string,
  paragraphs: readonly Paragraph[],
  firstQuestion: number,
  index: MentionIndex,
): Interviewee | undefined {
  const before = paragraphs.slice(0, Math.max(1, firstQuestion));
  // The paragraph nearest the questions that announces the interview and names someone ("Interview" alone names no
  // one: the headline above it may). When it names two, a headline that announces the interview and names one person
  // says which ("Interview with Jane Doe" over "Doe sat down with John Roe for an interview"); else both are left for
  // review, for the one named most may be the interview's topic ("… interviewed a bar owner about Jane Doe").
  for (const p of [...before].reverse()) {
    const cued = cuedIn(text, index, p);
    const named = cued?.people;
    if (!named?.length) continue;
    if (named.length === 1) return { entity: named[0]!, confidence: CUED_CONFIDENCE, others: [] };
    const headline = p.index > 0 ? cuedIn(text, index, before[0]!)?.people : undefined;
    if (headline?.length === 1 && named.includes(headline[0]!))
      return { entity: headline[0]!, confidence: INTRODUCTION_CONFIDENCE, others: [] };
    return { entity: named[0]!, confidence: GUESS, others: named.slice(1), together: cued?.afterCue };
  }
  const ranked = [...peopleIn(text, index, { start: before[0]!.start, end: before.at(-1)!.end })].sort(
    (a, b) => b[1] - a[1],
  );
  const [top, second] = ranked;
  if (!top) return undefined;
  // The only person the introduction names at all ("Jane Doe on the archive" over "The astronomer answered our
  // questions."), or the one it names most.
  if (!second || dominates(top[1], second[1]))
    return { entity: top[0], confidence: INTRODUCTION_CONFIDENCE, others: [] };
  return { entity: top[0], confidence: GUESS, others: ranked.slice(1, 3).map(([e]) => e) };
}

/** Named at least twice, and twice as often as anyone else. */
const dominates = (times: number, next: number) => times >= 2 && times >= 2 * next;

/** An answer that says who gives it: "I'm Jane Doe", "I am Jane Doe", "my name is Jane Doe". */
const SELF_NAMED = /\b(?:I['’]m|I\s+am|[Mm]y\s+name\s+is)\s+$/u;
/** An answer that names the one who gives it. */
export const SELF_NAMED_CONFIDENCE = 0.9;
/** An answer that names the other of two interviewees, and not its own speaker: one does not name oneself. */
export const OTHER_NAMED_CONFIDENCE = 0.75;

/**
 * Which of two or more interviewees gives an answer, when the answer says so: the one it names after "I'm", else,
 * when the two were announced together ("interviews A and B") and it names exactly one of them, the other one.
 * Undefined when the answer does not tell.
 */
export function answererAmong(
  text: string,
  answer: { start: number; end: number },
  people: readonly Entity[],
  index: MentionIndex,
  together = false,
): { entity: Entity; confidence: number } | undefined {
  // Every name in an answer is inside the quotation, so quoted mentions count here.
  const named = index.within(answer).filter((m) => people.includes(m.entity));
  const self = named.find((m) => SELF_NAMED.test(text.slice(Math.max(answer.start, m.start - 16), m.start)));
  if (self) return { entity: self.entity, confidence: SELF_NAMED_CONFIDENCE };
  const others = new Set(named.map((m) => m.entity));
  if (!together || people.length !== 2 || others.size !== 1) return undefined;
  const speaker = people.find((p) => !others.has(p))!;
  return { entity: speaker, confidence: OTHER_NAMED_CONFIDENCE };
}

/**
 * Who gives an interview's answer: "article" for a paragraph among the answers that names the one interviewee (a
 * caption, an editor's note); else the speaker (undefined when the introduction names nobody) and the reason shown
 * when the answer is left for review. Of two interviewees, the one the answer itself tells. The confidence is not
 * rounded (the caller rounds every confidence alike).
 */
export function answerSpeaker(
  text: string,
  answer: Quotation,
  answerer: Interviewee | undefined,
  index: MentionIndex,
): "article" | { who?: Attributed; reason: string } {
  const span = answer.parts[0]!;
  if (!answerer) return { reason: "interview answer: the introduction names no interviewee" };
  const people = [answerer.entity, ...answerer.others];
  const reason = `interview answer: ${people.map((e) => e.name).join(" or ")}?`;
  if (!answerer.others.length && index.within(span).some((m) => m.entity === answerer.entity)) return "article";
  const chosen = (answerer.others.length && answererAmong(text, span, people, index, answerer.together)) || answerer;
  const confidence = chosen.confidence * (answer.blockProbability ?? 1);
  return { who: { entity: chosen.entity, confidence, via: "interview" }, reason };
}
