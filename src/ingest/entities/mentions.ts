// The names an article gives, registered in text order before any statement is read: the dateline, every
// capitalised name outside quotations (and inside them, as quoted mentions), with the roles, ages and genders the text
// gives people where it names them.
import { isCredit } from "../quotations/captions";
import type { Span } from "../../domain/spans";
import { classify, nameRuns, type Entity, type Mention, type Register } from "./entities";
import { containing, overlapping } from "../text/layout";
import { TITLE_WORDS } from "../words/lexicon";
import type { Sentence } from "../text/patterns";

const CAPITALISED = String.raw`[\p{Lu}][\p{L}]+`;
/** "Slovakia's " or "Kremlin ": whose role it is, before the role. */
const ROLE_OWNER = String.raw`(?:(${CAPITALISED})[’']s\s+|(${CAPITALISED})\s+)?`;
/** The role itself, up to four lower-case words, and what it is of: "foreign minister", "head of the bank". */
const ROLE_WORDS = String.raw`((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)(?:\s+(?:of|for|at)\s+[^,.\s][^,.]*)?`;
/** ", the country's foreign minister," after a name. */
const APPOSITION = new RegExp(String.raw`^,\s+(?:the\s+|a\s+|an\s+)?${ROLE_OWNER}${ROLE_WORDS}[,.]`, "u");

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
export function registerMentions(
  text: string,
  sentences: Sentence[],
  marked: Span[],
  register: Register,
): Entity | undefined {
  let dateline: Entity | undefined;
  const lead = datelineOf(text);
  if (lead) {
    const name = lead.city.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
    dateline = register.register("venue", name);
    dateline.mentions.push({ entity: dateline, start: lead.start, end: lead.end, subject: false });
  }
  for (const s of sentences) {
    // A photograph's credit names its maker, who is nobody a pronoun or a quotation of the story points to.
    const credit = isCredit(text.slice(s.start, s.end));
    for (const run of nameRuns(text, s, register)) {
      if (dateline && run.start < 80 && run.name.toUpperCase() === run.name) continue;
      const quoted = credit || overlapping(marked, run).some((m) => run.start > m.start && run.end < m.end);
      const read = classify(run, register);
      if (!read) continue;
      const entity =
        register.find(read.name, read.type) ??
        register.find(run.name, read.type) ??
        register.register(read.type, read.name, { isoCode: read.isoCode });
      if (run.name !== entity.name) register.alias(entity, run.name);
      const acronym = acronymAfter(text, run);
      if (acronym) register.alias(entity, acronym);
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

/**
 * "Korean Central News Agency (KCNA)": the letters in brackets right after a name, when they are its words' initials
 * in order (the first one first), are the name again.
 */
function acronymAfter(text: string, run: Span & { words: string[] }): string | undefined {
  const m = /^\s\((\p{Lu}{2,6})\)/u.exec(text.slice(run.end, run.end + 10));
  if (!m || run.words.length < 2) return undefined;
  const letters = m[1]!;
  const initials = run.words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!);
  if (initials[0] !== letters[0]) return undefined;
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return i === letters.length ? letters : undefined;
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
  const appos = APPOSITION.exec(after);
  if (appos) {
    const words = appos[3]!.split(/\s+/);
    if (words.some((w) => TITLE_WORDS.has(w))) {
      person.roles.push(appos[3]!);
      for (const w of words) person.gender ??= register.genderOf(w);
    }
  }
}

/** "his"/"her" after exactly one person named earlier in the sentence tells that person's gender. */
export function learnGenders(text: string, sentences: Sentence[], register: Register): void {
  // Each sentence's unquoted mentions of people, from one pass over all mentions (not a scan per sentence).
  const mentioned = new Map<Sentence, Mention[]>();
  for (const e of register.entities) {
    if (e.type !== "person") continue;
    for (const m of e.mentions) {
      const s = m.quoted ? undefined : containing(sentences, m.start);
      if (!s) continue;
      const list = mentioned.get(s);
      if (list) list.push(m);
      else mentioned.set(s, [m]);
    }
  }
  for (const s of sentences) {
    const here = mentioned.get(s) ?? [];
    const people = [...new Set(here.map((m) => m.entity))];
    if (people.length !== 1) continue;
    const person = people[0]!;
    if (person.gender) continue;
    const first = here.reduce((a, b) => (b.start < a.start ? b : a));
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
