// The shapes an attribution takes in wire copy, shared by the rules that read quotations and reported speech: speech
// verbs with their auxiliaries and adverbs, capitalised names, leading clauses, named occasions; and what a rule
// answers (a Site: who, by which cue, in what tense, and the words around it).
import type { Span } from "../../domain/spans";
import { CUES, type CueTense } from "../words/lexicon";

export interface Sentence extends Span {
  paragraph: number;
}

export interface Site {
  /** The words naming the speaker, and where they start. */
  phrase: string;
  phraseAt: number;
  cue: string;
  tense: CueTense | "none";
  perfect: boolean;
  /** The attribution's own text (for dates and venues): from the cue's clause, quotations left out. */
  around: Span;
}

/** A named occasion after "at", "during", "on the sidelines of": capitalised words, then what kind of occasion. */
const OCCASIONS =
  "summit|conference|forum|talks|congress|games|championship|cup|festival|assembly|session|hearing|meeting|" +
  "negotiations|rally|debate|convention|symposium|ceremony";
export const EVENT = new RegExp(
  "\\b(?:at|during|on the sidelines of)\\s+(?:the\\s+|a\\s+)?" +
    `((?:[\\p{Lu}\\d][\\p{L}\\d’'-]*\\s+){1,5}` +
    `(?:${OCCASIONS}|${OCCASIONS.replace(/\b\w/g, (c) => c.toUpperCase())}))\\b`,
  "u",
);

/** A clause before the subject that is not part of it: "Speaking in Bratislava on Tuesday, ", "In a statement, ". */
const LEADING_WORDS = [
  "Speaking",
  "Writing",
  "Asked",
  "Addressing",
  "Interviewed",
  "Responding",
  "Answering",
  "Replying",
  "In",
  "At",
  "On",
  "Later",
  "Earlier",
  "After",
  "Before",
].join("|");
export const LEADING_CLAUSE = new RegExp(String.raw`^(?:${LEADING_WORDS})\b[^,]*,\s+`);

export const CUE_WORDS = [...CUES.keys()].sort((a, b) => b.length - a.length).join("|");

export const ADVERBS =
  "(?:also|later|then|again|repeatedly|previously|once|earlier|further|simply|quickly|flatly|firmly|only)";

export const AUX = "(?:has|have|had|would|will|did|was|were)";

/** The lower-case particles inside a name: "Camila de Souza", "Jan van Dijk", "Ursula von der Leyen". */
/** Where a writer writes: "on his blog", "at the website", "of the blog", "in a column" (its name may follow). */
const WRITER_PLACES = "blog|website|site|column|podcast";
export const WRITES_IN = String.raw`(?:at|on|of|in|from)\s+(?:(?:the|his|her|their|its|a)\s+)?(?:${WRITER_PLACES})`;

export const NAME_PARTICLE = "(?:de|da|do|dos|das|di|du|del|della|van|von|der|den|ter|bin|ibn|le|la)";
/** The Arabic article that starts a surname in lower case: "Suleiman al-Amr", "Mohamed el-Baradei". */
export const ARTICLE_PREFIX = "(?:al|el|ad|ar|as|ash|at|az)-";
/** A capitalised name, with "the" before it ("the Kremlin", "Anna Kovacs", "Suleiman al-Amr"). */
export const NAMED = `(?:the\\s+)?[\\p{Lu}][\\p{L}’'-]*(?:\\s+(?:${ARTICLE_PREFIX})?[\\p{Lu}][\\p{L}’'-]*)*`;

export const SUBJECT = `${NAMED}|He|She`;

/** "For Ana Lind, …": the one whose view the sentence gives. */
export const VIEW_OF = new RegExp(`^For\\s+(${NAMED}|@\\w+),\\s`, "u");

/** Cues read in the middle of a sentence ("…, after Kyiv said it …"): the unambiguous ones. */
export const MID_CUES = "said|says|told|insisted|insists|warned|warns|claimed|claims|announced|confirmed|denied";

export function cueOf(word: string): { tense: CueTense } | undefined {
  return CUES.get(word.toLowerCase());
}
