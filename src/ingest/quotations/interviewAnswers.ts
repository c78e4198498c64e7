// The answers of a question-and-answer interview: paragraphs that answer a question paragraph, printed without
// quotation marks or a speaker's label. Each is the interviewee's words given verbatim, so each is a quotation
// (style "answer") whose speaker the interview's introduction names (extract.ts asks `intervieweeOf`).
//
// An article is read as an interview only when its questions set its rhythm: at least MIN_PAIRS question paragraphs
// each followed by an answer, and questions at least a fifth of the paragraphs from the first question on. A
// rhetorical question or two in a report leaves the report as it is.
import type { Paragraph } from "../text/layout";
import { paragraphsInMarks, type Quotation } from "./quotes";
import { isCaption } from "./captions";
import { wordCount } from "../text/layout";

const MIN_PAIRS = 3;
const MIN_QUESTION_SHARE = 0.2;
/** A question longer than this is an essay's paragraph that happens to end with one. */
const QUESTION_MAX = 600;
/** An interviewer's question without its question mark starts like one and stays short. */
const QUESTION_WORDS = "how what why when where who whom which do does did is are was were can could would will have";
/** "I just wanted to know if …", "I'd like to ask about …": a question put as a wish. */
const WISH_TO_ASK = String.raw`i(?:\s+just)?(?:\s+wanted|\s+want|\s+would\s+like|['’]d\s+like)\s+to\s+(?:know|ask)`;
const ASKS = new RegExp(`^(?:${QUESTION_WORDS.split(" ").join("|")}|has|should|tell|${WISH_TO_ASK})\\b`, "i");
const WISHES_TO_ASK = new RegExp(`^${WISH_TO_ASK}\\b`, "i");
const UNMARKED_QUESTION_MAX = 250;
const QUOTE_OPENERS = /^["“‘«']/;
/** Verbs that say the outlet met the one it asks: "sat down with", "caught up with", "chatted with", "spoke to". */
const TALKED = String.raw`(?:talk|talked|spoke|speaks|chatted|chats)\s+(?:to|with)`;
const MET_WITH = String.raw`(?:${TALKED}|(?:sat|sits)\s+down\s+with|(?:caught|catches)\s+up\s+with)`;
/** What says, before the first question, that an interview follows. */
export const INTERVIEW_CUE = new RegExp(
  String.raw`\b(?:interview(?:s|ed|ing)?|Q\s?&\s?A|questions|${MET_WITH}|tells\s+Wikinews|asked)\b`,
  "i",
);
/** How sure a paragraph that carries the last answer on is to be the interviewee's rather than the article's. */
const TRAILING_SURENESS = 0.8;

/** Whether a paragraph is an interviewer's question. */
export function isQuestion(words: string): boolean {
  const w = words.trim();
  if (!w || w.length > QUESTION_MAX || QUOTE_OPENERS.test(w)) return false;
  if (w.endsWith("?")) return true;
  if (w.length > UNMARKED_QUESTION_MAX) return false;
  return (ASKS.test(w) && !/[.!:;…"”]$/.test(w)) || WISHES_TO_ASK.test(w);
}

/** Words that say the interviewer speaks of the one asked ("You have received …") and not of themself. */
const ADDRESSED = /\b(?:you|your)\b/i;
const FIRST_PERSON = /\b(?:I|me|my|we|our|us)\b|\bI['’]/;
/** The most words of a prompt put as a statement ("You have had a busy year."). */
const PROMPT_WORDS = 20;

/** An interviewer's prompt put as a statement: short, about the one asked, nothing of the asker's own. */
function isPrompt(words: string): boolean {
  const w = words.trim();
  return wordCount(w) <= PROMPT_WORDS && ADDRESSED.test(w) && !FIRST_PERSON.test(w) && !QUOTE_OPENERS.test(w);
}

/** Words in the speaker's own voice, at a sentence's start or inside it ("We paid", "ourselves"). */
const OWN_VOICE = /\b(?:I|me|my|mine|myself|we|our|ours|ourselves|us)\b|\bI['’]/iu;
/** How an answer to a statement opens: "Oh really.", "No, it's not", "Right." */
const REPLY = /^(?:Yes|Yeah|No|Oh|Right|Well|Exactly|Absolutely|Sure|Definitely|Indeed|True)\b/u;

/** A statement the interviewer puts between answers: short, nothing of the asker's own, a sentence. */
function isStatementPrompt(words: string): boolean {
  const w = words.trim();
  return (
    wordCount(w) <= PROMPT_WORDS &&
    !OWN_VOICE.test(w) &&
    !QUOTE_OPENERS.test(w) &&
    /[.!]$/.test(w) &&
    !isHeading(w) &&
    !isCaption(w)
  );
}

/** A section's heading between answers ("On the new harbour"): a few words with no closing punctuation. */
const HEADING_WORDS = 8;
const isHeading = (words: string) => wordCount(words) <= HEADING_WORDS && !/[.!?:;…"”’)\]]$/u.test(words.trim());

export interface Interview {
  answers: Quotation[];
  /** Index of the first question paragraph: the introduction is what comes before it. */
  firstQuestion: number;
  /** The question paragraphs' indexes. */
  questions: Set<number>;
}

/**
 * The answer paragraphs of an interview (none when the article is not one). Paragraphs already in quotation marks
 * (covered at least half by `quotations`) stay the quotations they are.
 */
export function interviewOf(
  text: string,
  paragraphs: readonly Paragraph[],
  quotations: readonly Quotation[],
): Interview | undefined {
  const question = paragraphs.map((p) => p.index > 0 && isQuestion(text.slice(p.start, p.end)));
  const marked = question.indexOf(true);
  if (marked < 0) return undefined;
  // Between answers, a short statement addressed to the one asked is a prompt; before the first question, only when
  // an answer in the first person follows it (the introduction speaks of the interviewee, not to them).
  const wordsOf = (i: number) => text.slice(paragraphs[i]!.start, paragraphs[i]!.end);
  for (let i = 2; i < paragraphs.length - 1; i++) {
    if (question[i] || question[i + 1] || question[i - 1] || !isPrompt(wordsOf(i))) continue;
    if (i > marked || FIRST_PERSON.test(wordsOf(i + 1))) question[i] = true;
  }
  // A transcript whose interviewer also puts statements ("It's not the same.", "The team has never won the cup."):
  // with two questions asked already, a short statement of nobody's own between two answers in the first person.
  if (question.filter(Boolean).length >= 2) {
    for (let i = marked + 1; i < paragraphs.length - 1; i++) {
      if (question[i] || question[i - 1] || question[i + 1] || !isStatementPrompt(wordsOf(i))) continue;
      const answer = (j: number) => OWN_VOICE.test(wordsOf(j)) || REPLY.test(wordsOf(j));
      if (answer(i - 1) && answer(i + 1)) question[i] = true;
    }
  }
  const first = question.indexOf(true);
  let pairs = 0;
  let questions = 0;
  for (let i = first; i < paragraphs.length; i++) {
    if (!question[i]) continue;
    questions++;
    if (i + 1 < paragraphs.length && !question[i + 1]) pairs++;
  }
  const introduction = text.slice(paragraphs[0]!.start, paragraphs[first - 1]?.end ?? paragraphs[0]!.end);
  if (!INTERVIEW_CUE.test(introduction)) return undefined;
  // A headline that announces the interview ("Interview with Jane Doe") makes two questions enough.
  const announced = INTERVIEW_CUE.test(wordsOf(0)) ? 1 : 0;
  if (pairs < MIN_PAIRS - announced || questions < MIN_QUESTION_SHARE * (paragraphs.length - first)) return undefined;

  const inMarks = paragraphsInMarks(paragraphs, quotations);
  const answers: Quotation[] = [];
  // After the last question the answer runs no longer than the longest answer before it (and one more paragraph),
  // and stops where the article introduces something else ("Here is the list:").
  let run = 0;
  let longest = 0;
  let afterLast = 0;
  const last = question.lastIndexOf(true);
  for (let i = first + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const words = text.slice(p.start, p.end);
    if (question[i]) {
      run = 0;
      continue;
    }
    if (i < last) longest = Math.max(longest, ++run);
    else if (++afterLast > longest + 1 || words.trimEnd().endsWith(":")) break;
    if (inMarks.has(i) || isCaption(words) || isHeading(words)) continue;
    answers.push({
      // A paragraph after the last question's first one may be the article's closing words rather than the answer.
      blockProbability: i > last && afterLast > 1 ? TRAILING_SURENESS : 1,
      parts: [{ start: p.start, end: p.end }],
      marked: [{ start: p.start, end: p.end }],
      style: "answer",
      paragraph: i,
      lastParagraph: i,
      inner: [],
    });
  }
  return { answers, firstQuestion: first, questions: new Set(question.flatMap((q, i) => (q ? [i] : []))) };
}
