// Who an introduction names as about to speak, when nothing else would register them: bloggers, commenters and sites
// that go by one word or a handle ("Urimtal writes [kaz]:", "Jordanian Tololy concludes:", "Sean at The Human
// Province argues:", "Kitris, on the blog Contra Ordem, says that …:", "The site Kaosenlared reports:"). Only a
// sentence that hands over to a quotation (it ends with a colon, or a quotation mark follows its verb) is read, and
// only its subject: the words before its first verb of saying or writing.
import type { Span } from "../../domain/spans";
import { isCommonEnglish } from "../words/commonWords";
import { stateNamed } from "../words/countries";
import { addMention, type Entity, type EntityType, type Mention, type Register } from "./entities";
import { CUES, PRONOUNS, TITLE_WORDS, WRITER_NOUNS } from "../words/lexicon";
import { WRITES_IN, type Sentence } from "../text/patterns";
import { whyNotAPerson } from "../words/personNames";

/** How much of a sentence is read for its subject and verb. */
const INTRO_READ = 240;

/** Verbs that hand over to what someone wrote or said, beyond the cue verbs of wire copy. */
const MORE_VERBS = [
  "shares",
  "shared",
  "poses",
  "posed",
  "considers",
  "considered",
  "thinks",
  "thought",
  "wonders",
  "wondered",
  "reflects",
  "reflected",
  "comments",
  "commented",
  "blogs",
  "blogged",
  "tweets",
  "tweeted",
  "offers",
  "offered",
  "sums",
  "summed",
  "puts",
  "weighs",
  "weighed",
  "chimes",
  "chimed",
  "draws",
  "drew",
  "speaks",
];
const VERBS = [
  ...new Set([...[...CUES.entries()].filter(([, c]) => c.tense !== "participle").map(([w]) => w), ...MORE_VERBS]),
]
  .sort((a, b) => b.length - a.length)
  .join("|");
/** The first verb of saying, with an adverb before it: "Urimtal [also] writes". */
const VERB = new RegExp(`\\s(?:(?:also|then|later|further|again|simply|quickly)\\s+)?(?:${VERBS})\\b`, "u");

/** A name's word or a handle: "Tololy", "R.Z", "Hala_In_USA", "MarillionLB". */
const TOKEN = "\\p{Lu}[\\p{L}\\p{M}\\p{N}’'._-]*";
/** The subject: a name of one to four words, then what it writes at ("at The Human Province", "of the blog X"). */
const SUBJECT = new RegExp(`^(${TOKEN}(?:\\s${TOKEN}){0,3})(?:\\s(?:at|of|on|from|in|for|with)\\s.*)?$`, "u");
const LEADING_WORDS = /^(?:And|But|Also|So|Then|Meanwhile|Finally|Similarly|Here|Now|Yet|Still)\s+/u;
/** "The site Kaosenlared", "blogger Emoodz": what the name is, said before it. */
const OUTLET_WORDS = "site|blog|website|portal|newspaper|magazine";
const WRITER_WORDS = WRITER_NOUNS.join("|");
const DESCRIPTOR = new RegExp(String.raw`^(?:the\s+|a\s+)?(?:(${OUTLET_WORDS})|(${WRITER_WORDS}))\s+`, "iu");
/** Where the one named writes, as an apposition: "at the blog X", "on his website". */
const WRITES_AT = new RegExp(`^\\s*${WRITES_IN}\\b`, "iu");
const BRACKETS = /\[[^\]]{0,40}\]|\([^)]{0,80}\)/g;

export interface Introducer extends Span {
  name: string;
  type: EntityType;
}

/**
 * The one a sentence introduces as speaking, if its subject is a name nothing else would read. A long sentence that
 * ends by handing over ("In a post titled … (an aside of many words), R.Z wrote:") is read at its end as well.
 */
export function introducerOf(text: string, sentence: Span, marked: readonly Span[]): Introducer | undefined {
  const found = introducerFrom(text, sentence.start, sentence, marked) ?? describedWriter(text, sentence);
  if (found || sentence.end - sentence.start <= INTRO_READ) return found;
  if (!/:\s*$/.test(text.slice(sentence.end - 4, sentence.end))) return undefined;
  const space = text.indexOf(" ", sentence.end - INTRO_READ);
  return space < 0 ? undefined : introducerFrom(text, space + 1, sentence, marked);
}

/** The introducer read from `from` in a sentence: the words before its first verb of saying, if it hands over. */
function introducerFrom(text: string, from: number, sentence: Span, marked: readonly Span[]): Introducer | undefined {
  const head = text.slice(from, Math.min(sentence.end, from + INTRO_READ));
  const verb = VERB.exec(head);
  if (!verb) return undefined;
  const after = text.slice(from + verb.index + verb[0].length, sentence.end);
  const handsOver =
    /:\s*$/.test(text.slice(Math.max(sentence.start, sentence.end - 4), sentence.end)) ||
    marked.some((m) => m.start >= from + verb.index && m.start < sentence.end) ||
    /^[^"“]{0,120}[:]\s*["“]/u.test(after);
  if (!handsOver) return undefined;
  // The subject before the verb, without language tags and asides; after an opening clause ("In a post entitled X,
  // Saudi Hala_In_USA poses"), its last part; before an apposition ("Kitris, on the blog X, says"), its first.
  const subject = head.slice(0, verb.index).replace(BRACKETS, (m) => " ".repeat(m.length));
  const parts = subject.split(",");
  const lastPart = parts[parts.length - 1]!;
  const index = lastPart.trim() ? parts.length - 1 : 0;
  let offset = parts.slice(0, index).reduce((n, p) => n + p.length + 1, 0);
  let core = parts[index]!;
  const skip = (n: number) => {
    offset += n;
    core = core.slice(n);
  };
  skip(core.length - core.trimStart().length);
  // "Meditabundo blog wrote": the blog's name, without the word.
  core = core.trimEnd();
  if (core.endsWith(" blog")) core = core.slice(0, -" blog".length).trimEnd();
  const { type, skipped } = described(core);
  skip(skipped);
  const m = SUBJECT.exec(core);
  if (!m) return undefined;
  const name = m[1]!.replace(/[’']s?$|[.]$/u, "");
  // "Elixir, at the blog X, thinks": a word of the language is a writer's name where the text says where it writes.
  const writes = index === 0 && parts.length > 2 && WRITES_AT.test(parts[1]!);
  if (!acceptable(name, type, writes)) return undefined;
  const start = from + offset;
  return { name, type, start, end: start + name.length };
}

/**
 * A hand-over whose subject is said to be a writer, whatever its verb: "The blogger Velkaro, on the blog Harbour
 * Days, praises the islanders:".
 */
function describedWriter(text: string, sentence: Span): Introducer | undefined {
  const words = text.slice(sentence.start, Math.min(sentence.end, sentence.start + INTRO_READ));
  if (!/:\s*$/.test(text.slice(Math.max(sentence.start, sentence.end - 4), sentence.end))) return undefined;
  const writer = WRITER_OPENING.exec(words);
  if (!writer) return undefined;
  const m = NAME_THEN_VERB.exec(words.slice(writer[0].length)) ?? NAME_THEN_COMMA.exec(words.slice(writer[0].length));
  if (!m) return undefined;
  const name = m[1]!.replace(/[’']s?$|[.]$/u, "");
  if (!acceptable(name, "person")) return undefined;
  const start = sentence.start + writer[0].length;
  return { name, type: "person", start, end: start + name.length };
}

/** "The blogger ", "Saudi blogger ", "Blogger ": what a writer is, opening the sentence. */
const WRITER_OPENING = new RegExp(`^(?:(?:the|a)\\s+)?(?:\\p{Lu}\\p{Ll}+\\s+)?(?:${WRITER_WORDS})\\s+`, "iu");
/** A name, then the comma of its apposition: "Velkaro, on the blog …". */
const NAME_THEN_COMMA = new RegExp(`^(${TOKEN}(?:\\s${TOKEN}){0,3}),\\s`, "u");

/** "And the blogger", "Jordanian", "Saudi blogger": the words before a name that say what it is, and its type. */
function described(words: string): { type: EntityType; skipped: number } {
  let type: EntityType = "person";
  let core = words;
  const skip = (n: number) => (core = core.slice(n));
  for (let m = LEADING_WORDS.exec(core); m; m = LEADING_WORDS.exec(core)) skip(m[0].length);
  // "Jordanian Tololy", "Saudi blogger Hala_In_USA": a nationality before the name (a capital may be a first name).
  const nationality = (word: string) => ["demonym", "name"].includes(stateNamed(word)?.by ?? "");
  for (let pass = 0; pass < 2; pass++) {
    for (let w = /^(\S+)\s+/u.exec(core); w && nationality(w[1]!); w = /^(\S+)\s+/u.exec(core)) skip(w[0].length);
    const descriptor = DESCRIPTOR.exec(core);
    if (descriptor) {
      if (descriptor[1]) type = "organization";
      skip(descriptor[0].length);
    }
  }
  return { type, skipped: words.length - core.length };
}

/** A name, then a verb in lower case (not a preposition): "Velkaro takes a closer look", "R.Q also looks". */
const NAME_THEN_VERB = new RegExp(
  `^(${TOKEN}(?:\\s${TOKEN}){0,3})\\s+(?:also\\s+)?(?!(?:of|at|on|in|from|and|or|to|for|with|by)\\b)\\p{Ll}`,
  "u",
);
/** "He writes:", "And she adds:": a hand-over whose subject is a pronoun. */
const PRONOUN_HANDOVER = /^(?:(?:And|But|So|Then)\s+(?:he|she)|He|She)\s+\p{Ll}[^.!?]*:\s*$/u;

/**
 * The one a pronoun's hand-over stands for, when the sentence before opens with a name nothing else reads and a
 * verb ("Norwegian blogger Velkaro takes a closer look at the vote. He writes:").
 */
export function antecedentOf(text: string, sentence: Span, before: Span | undefined): Introducer | undefined {
  if (!before || !PRONOUN_HANDOVER.test(text.slice(sentence.start, sentence.end))) return undefined;
  const words = text.slice(before.start, Math.min(before.end, before.start + INTRO_READ));
  const { type, skipped } = described(words);
  const m = NAME_THEN_VERB.exec(words.slice(skipped));
  if (!m) return undefined;
  const name = m[1]!.replace(/[’']s?$|[.]$/u, "");
  if (!acceptable(name, type)) return undefined;
  const start = before.start + skipped;
  return { name, type, start, end: start + name.length };
}

/** A name an introducer may have: never a pronoun, an office, a state or a common word ("Students", "Others"). */
function acceptable(name: string, type: EntityType, writer = false): boolean {
  const words = name.split(/\s+/);
  if (whyNotAPerson(name) && !(type === "organization" && words.length === 1)) return false;
  if (PRONOUNS[name.toLowerCase()] || words.some((w) => TITLE_WORDS.has(w.toLowerCase()))) return false;
  if (stateNamed(name) || words.some((w) => stateNamed(w)?.by === "demonym")) return false;
  // A handle keeps a digit, an underscore or a capital inside ("MarillionLB"); a word of the language is no name.
  const handle = (w: string) => /[\d_]|\p{Ll}\p{Lu}|\.\p{Lu}/u.test(w);
  return writer || words.every((w) => handle(w) || !isCommonEnglish(w.replace(/[’'.]/gu, "")));
}

/**
 * Registers the one each handing-over sentence introduces, as a mention at the subject (so that the rules, pronouns
 * and the ranker find them), when the text names them nowhere else in a way the register reads.
 */
export function registerIntroducers(
  text: string,
  sentences: readonly Sentence[],
  marked: readonly Span[],
  register: Register,
): void {
  for (const [i, s] of sentences.entries()) {
    const intro = introducerOf(text, s, marked) ?? antecedentOf(text, s, sentences[i - 1]);
    if (!intro) continue;
    if (marked.some((m) => m.start < intro.end && intro.start < m.end)) continue;
    const entity: Entity = register.find(intro.name) ?? register.register(intro.type, intro.name);
    if (entity.mentions.some((m) => m.start === intro.start)) continue;
    const mention: Mention = { entity, start: intro.start, end: intro.end, subject: true };
    addMention(mention);
  }
}
