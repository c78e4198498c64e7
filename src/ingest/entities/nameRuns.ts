// Runs of capitalised words in a sentence, read as a name with what stands around it: the titles and roles before
// it ("Foreign Minister", "Alaska Sen.", "President of the United States"), a nationality ("Syrian Qunfuz"), an
// honorific, letters after it ("KC", "CMG OBE"), a possessive, and the preposition or organization noun before it.
// src/ingest/entities/entities.ts decides what each run names.
import type { Span } from "../../domain/spans";
import { isCommonEnglish } from "../words/commonWords";
import { stateNamed } from "../words/countries";
import type { Register } from "./entities";
import {
  HONORIFIC_GENDER,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  TITLE_WORDS,
  isTitleWord,
} from "../words/lexicon";

const ORGANIZATION_WORDS = [
  "chipmaker",
  "carmaker",
  "retailer",
  "lender",
  "insurer",
  "daily",
  "weekly",
  "broadcaster",
  "newspaper",
  "club",
  "charity",
  "group",
].join("|");
/** "the carmaker Volkswagen": a noun for an organization just before a name. */
const ORGANIZATION_NOUN_BEFORE = new RegExp(String.raw`\b(?:${ORGANIZATION_WORDS})\s+$`);

/** Capitalised words with the particles between them; at most ten words, so a run of initials reads in pieces. */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}’'.-]*`;
/** Words between the parts of a name: "Ursula von der Leyen", "Bank of England". */
const NAME_PARTICLES = "de|van|von|der|den|da|di|du|la|le|bin|al|el|of|for|the|and|des|del";
/** Prefixes joined to a name part by a hyphen: "al-Assad", "bin-Salman". */
const NAME_PREFIXES = "al|el|ad|as|ash|at|bin|ibn|abu|bint";
const NAME_RUN = new RegExp(
  String.raw`${NAME_WORD}(?:\s+(?:(?:${NAME_PARTICLES})\s+)?(?:(?:${NAME_PREFIXES})-)?${NAME_WORD}){0,9}`,
  "gu",
);

export const stripPossessive = (s: string) => s.replace(/[’']s?$/u, "");

const WEEKDAYS = new Set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" "));

/** Letters after a name that are not part of it: "Timothy Rusk KC". */
const POST_NOMINALS = new Set(
  (
    "KC QC MP MEP MSP MS AM Jr Jr. Sr Sr. PhD MD OBE CBE MBE DBE KBE GBE CMG KCMG GCMG CB KCB GCB CVO KCVO LVO MVO " +
    "FRS FREng FRSE DL JP QPM KPM"
  ).split(" "),
);

export interface NameRun extends Span {
  /** Title and role words before the name, lower case ("foreign minister"). */
  roles: string[];
  honorific?: string;
  /** A state named by demonym or possessive before the role ("Ukrainian President", "Poland's"). */
  roleState?: { name: string; isoCode: string };
  /** The name without titles and possessive. */
  name: string;
  words: string[];
  afterPreposition?: string;
  /** A lower-case noun of an organization right before it: "chipmaker Veldmark Semiconductors", "the daily X". */
  organizationNounBefore: boolean;
  /** Written as a possessive ("Armenia's chief negotiator"): it qualifies what follows, it does not speak. */
  possessive: boolean;
  atSentenceStart: boolean;
}

/** The offset after a word at `offset` and the spaces that follow it. */
function advance(text: string, offset: number, word: string): number {
  const after = offset + word.length;
  return after + (/^\s+/.exec(text.slice(after, after + 8))?.[0].length ?? 0);
}

/**
 * "of (the) United States" at the start of `words`, with a name after it: the state and how many words it takes.
 */
function stateAfterOf(
  words: readonly string[],
): { state: { name: string; isoCode: string }; words: number } | undefined {
  const from = words[1]?.toLowerCase() === "the" ? 2 : 1;
  for (let n = 3; n >= 1; n--) {
    if (from + n >= words.length) continue;
    const found = stateNamed(words.slice(from, from + n).join(" "));
    if (found?.by === "name") return { state: found.state, words: from + n };
  }
  return undefined;
}

/** A person's name of two to four words: first names, initials and a surname, no particle or organization's head. */
const PERSON_LIKE = /^\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}(?:\.|[\p{Ll}’'-]+)){1,3}$/u;

/**
 * Two people's names joined by "and" ("Ada Brandt and Jonas Weil"): the first name, when both sides read as a
 * person's full name. "Marks and Spencer", "Trinidad and Tobago" and "Department of Health and Social Care" stay
 * whole: one word a side, or a particle or an organization's head on either.
 */
function twoPeople(run: string): string | undefined {
  const at = run.indexOf(" and ");
  if (at < 0) return undefined;
  const left = run.slice(0, at);
  // "Ada Brandt and Jonas Weil of Harbour Partners": the body after the second name is not part of it.
  const right = run.slice(at + 5).split(" of ")[0]!;
  // Titles before each name are the names' own ("Sens. A B and C D"); a title inside is an office's name.
  const person = (side: string) => {
    const words = side.split(/\s+/);
    while (words.length > 2 && isTitleWord(words[0]!)) words.shift();
    return (
      PERSON_LIKE.test(words.join(" ")) &&
      !ORGANIZATION_HEADS.has(words.at(-1)!.toLowerCase()) &&
      !words.some((w) => isTitleWord(w))
    );
  };
  return person(left) && person(right) ? left : undefined;
}

/**
 * A person's name, then "of" and the body they speak for ("Dana Whitfield of Harbour Partners"): the person's name,
 * when its first word is a first name the language model knows. "Bank of England" and "Duke of York" stay whole.
 */
function personOfBody(run: string, register: Register | undefined): string | undefined {
  const at = run.indexOf(" of ");
  if (at < 0 || !register) return undefined;
  const left = run.slice(0, at);
  const words = left.split(/\s+/);
  // "Foreign Minister Jane Roe of Norland": titles before the name are the person's; "Minister of Finance" is a post.
  const titled = words.reduce((last, w, i) => (isTitleWord(w) ? i : last), -1);
  const name = words.slice(titled + 1);
  const plainName = titled < 0 ? PERSON_LIKE.test(left) : PERSON_LIKE.test(name.join(" "));
  return name.length > 0 && plainName && register.looksLikePerson(name.slice(0, 1)) ? left : undefined;
}

/** Capitalised runs of words in a span, split into leading titles and the name itself. */
export function nameRuns(text: string, span: Span, register?: Register): NameRun[] {
  const out: NameRun[] = [];
  const slice = text.slice(span.start, span.end);
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(slice); m; m = NAME_RUN.exec(slice)) {
    // "Ada Brandt and Jonas Weil", "Dana Whitfield of Harbour Partners": the run is read up to "and" or "of"; the
    // second name is the next run.
    // "Ada and I": the pronoun is nobody's name; the run ends before "and".
    const withMe = / and I\.?$/u.exec(m[0]);
    const two = withMe ? m[0].slice(0, withMe.index) : (twoPeople(m[0]) ?? personOfBody(m[0], register));
    if (two) NAME_RUN.lastIndex = m.index + two.length;
    let words = (two ?? m[0]).split(/\s+/);
    let offset = span.start + m.index;
    // Read from the few characters before the run: an end-anchored pattern over the whole prefix is quadratic.
    const before = slice.slice(Math.max(0, m.index - 16), m.index);
    const atSentenceStart = m.index === 0 || /(?:[.!?]["”’»]?\s+|["“‘«]\s*)$/u.test(before);
    const roles: string[] = [];
    let honorific: string | undefined;
    let roleState: NameRun["roleState"];
    // Leading demonyms/possessive states and title words: "Ukrainian President", "Poland's Foreign Minister". An
    // organization's name keeps them ("Interior Ministry", "Central Bank").
    const isOrganization = ORGANIZATION_HEADS.has(stripPossessive(words[words.length - 1]!).toLowerCase());
    while (words.length > 0) {
      const w = words[0]!;
      const bare = stripPossessive(w.replace(/\.$/, ""));
      const lower = bare.toLowerCase();
      const state = stateNamed(bare);
      const isTitle = isTitleWord(lower);
      // "President of the United States Barack Obama": the state of the office, then the name.
      const held = lower === "of" && roles.length && !isOrganization ? stateAfterOf(words) : undefined;
      // "A." is an initial ("Dr. A. B. Lindqvist"); "A" is an article.
      const isStart = NOT_NAMES.has(lower) && !/^\p{Lu}\.$/u.test(w);
      if (state && words.length > 1 && (state.by === "demonym" || /[’']s?$/u.test(w))) {
        const next = words[1]!.toLowerCase();
        // "Syrian Yassine Essouaiha": a nationality before a person's name (two or more words, none of them a title,
        // a state or an organization's head) describes the person; it is not part of the name.
        // "Syrian Qunfuz", "Bahraini Emoodz": one word after it, when that word is no word of the language either.
        const person =
          state.by === "demonym" &&
          !isOrganization &&
          (words.length >= 3 || (words.length === 2 && !isCommonEnglish(stripPossessive(words[1]!)))) &&
          words.slice(1).every((x) => /^\p{Lu}\p{Ll}/u.test(x) && !TITLE_WORDS.has(x.toLowerCase()) && !stateNamed(x));
        if (person) roleState = { name: state.state.name, isoCode: state.state.isoCode };
        else if (!TITLE_WORDS.has(next) && !ORGANIZATION_HEADS.has(next)) break;
        else roleState = { name: state.state.name, isoCode: state.state.isoCode };
      } else if (held) {
        roleState = { name: held.state.name, isoCode: held.state.isoCode };
        for (const u of words.slice(0, held.words)) offset = advance(text, offset, u);
        words = words.slice(held.words);
        continue;
      } else if (isTitle && words.length > 1 && !isOrganization) {
        if (HONORIFIC_GENDER[lower] && ["mr", "mrs", "ms", "sir", "dame", "lord", "lady"].includes(lower))
          honorific = lower;
        else roles.push(lower);
      } else if (
        words.length > 1 &&
        (isStart || (offset === span.start + m.index && atSentenceStart && register?.isCommonWord(bare)))
      ) {
        // "The", "On", "Despite" at a sentence's start: not part of the name.
      } else break;
      offset = advance(text, offset, w);
      words = words.slice(1);
    }
    /** The first `n` words are the name's role ("european council president"); the name is the rest. */
    const rolesBefore = (n: number): string[] => {
      roles.push(words.slice(0, n).join(" ").toLowerCase());
      for (const w of words.slice(0, n)) offset = advance(text, offset, w);
      return words.slice(n);
    };
    // "European Council President Tomas Vilander": a title inside the run; the name is what follows it.
    if (!isOrganization) {
      for (let i = words.length - 2; i >= 1; i--) {
        // "Alaska Sen. Lisa Murkowski": an abbreviated title keeps its full stop.
        if (!isTitleWord(words[i]!) || !/^\p{Lu}/u.test(words[i + 1]!)) continue;
        words = rolesBefore(i + 1);
        break;
      }
    }
    // "the Refugee Council Enver Solomon": an organization's name, then a person's two to four words after its head.
    if (!isOrganization && roles.length === 0) {
      for (let i = 1; i <= words.length - 3; i++) {
        if (!ORGANIZATION_HEADS.has(words[i]!.toLowerCase())) continue;
        const person = words.slice(i + 1);
        if (person.length > 4 || !PERSON_LIKE.test(person.join(" "))) break;
        words = rolesBefore(i + 1);
        break;
      }
    }
    if (words.length === 0) continue;
    while (words.length > 1 && POST_NOMINALS.has(stripPossessive(words[words.length - 1]!).replace(/,$/, "")))
      words.pop();
    // "Prime Minister's Questions Wednesday": the day it happened is not part of the name.
    while (words.length > 1 && WEEKDAYS.has(words[words.length - 1]!.replace(/[,.]$/, ""))) words.pop();
    const last = words[words.length - 1]!;
    const possessive = /[’']s?$/u.test(last);
    words[words.length - 1] = stripPossessive(last);
    if (words[words.length - 1] === "") words.pop();
    const name = words.join(" ").replace(/[.,]$/, "");
    if (!name || NOT_NAMES.has(name.toLowerCase())) continue;
    const prep = /\b(in|at|from|to|of|for|with|by|on|near)\s+(?:the\s+)?$/i.exec(
      text.slice(Math.max(0, offset - 12), offset),
    );
    out.push({
      start: offset,
      end: offset + name.length,
      roles: roles.length ? [roles.join(" ")] : [],
      honorific,
      roleState,
      name,
      words: name.split(/\s+/),
      afterPreposition: prep?.[1]?.toLowerCase(),
      possessive,
      organizationNounBefore:
        ORGANIZATION_NOUNS.has(
          (/([\p{Ll}-]+)[’']?\s+$/u.exec(text.slice(Math.max(0, offset - 24), offset))?.[1] ?? "").replace(/s$/, ""),
        ) || ORGANIZATION_NOUN_BEFORE.test(text.slice(Math.max(0, offset - 24), offset)),
      atSentenceStart,
    });
  }
  return out;
}
