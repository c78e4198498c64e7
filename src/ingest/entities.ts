// The entities an article names, registered in text order with every mention: people (with the roles, gender and
// age the text gives them), states (by name, capital or demonym), organizations and venues. Later mentions by
// surname, capital or short name join the entity first named in full; pronouns and descriptions are resolved
// against this register by the speaker rules.
import nlp from "compromise";
import { getGender } from "gender-detection-from-name";
import type { Span } from "../domain/spans";
import type { KnownEntity } from "../graph/rows";
import { whyNotAPerson } from "./personNames";
import { nameKey } from "../domain/names";
import { isCommonEnglish } from "./commonWords";
import { stateNamed } from "./countries";
import {
  HONORIFIC_GENDER,
  NOT_NAMES,
  ORGANIZATION_HEADS,
  ORGANIZATION_NOUNS,
  TITLE_WORDS,
  isTitleWord,
  VENUE_HEADS,
} from "./lexicon";
import { NLP_PIECE, piecesOf } from "./windows";

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

export type EntityType = "person" | "state" | "organization" | "venue" | "event";
/** What the graph knows before the article: people and their offices, other entities by name (src/graph/rows.ts). */
export type { KnownEntity };
export type Gender = "male" | "female";

export interface Entity {
  n: number;
  type: EntityType;
  name: string;
  aliases: Set<string>;
  isoCode?: string;
  gender?: Gender;
  /** Role words the text gives the entity ("foreign minister", "chief executive", "judge"), lower case. */
  roles: string[];
  /** State of a role ("Polish Foreign Minister" → PL). */
  roleState?: string;
  age?: number;
  /** A node of the graph this entity is (from the caller's knowledge), by its graph id. */
  knownId?: string;
  /** Named only by a social-media handle ("@someone"), which is its name as the text gives it. */
  handle?: boolean;
  mentions: Mention[];
}

export interface Mention extends Span {
  entity: Entity;
  /** Mentioned as the subject of its sentence (first noun phrase, or right before/after a cue verb). */
  subject: boolean;
  /** Inside a quotation: a mention of what was said, not someone a pronoun can point back to. */
  quoted?: boolean;
}

/** Capitalised words with the particles between them; at most ten words, so a run of initials reads in pieces. */
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}’'.-]*`;
/** Words between the parts of a name: "Ursula von der Leyen", "Bank of England". */
const NAME_PARTICLES = "de|van|von|der|den|da|di|du|la|le|bin|al|el|of|the|and|des|del";
/** Prefixes joined to a name part by a hyphen: "al-Assad", "bin-Salman". */
const NAME_PREFIXES = "al|el|ad|as|ash|at|bin|ibn|abu|bint";
const NAME_RUN = new RegExp(
  String.raw`${NAME_WORD}(?:\s+(?:(?:${NAME_PARTICLES})\s+)?(?:(?:${NAME_PREFIXES})-)?${NAME_WORD}){0,9}`,
  "gu",
);

const stripPossessive = (s: string) => s.replace(/[’']s?$/u, "");

export class Register {
  readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();
  private readonly genders: Map<string, Gender>;
  private readonly people: Set<string>;
  private readonly common: Set<string>;
  /** Who a first name alone stands for: null once two people share it (then it names neither). */
  private readonly byFirstName = new Map<string, Entity | null>();

  constructor(
    readonly text: string,
    readonly known: readonly KnownEntity[] = [],
  ) {
    this.genders = new Map();
    this.people = new Set();
    this.common = new Set();
    // compromise's sentence splitting is quadratic (and its memory with it) on long runs such as "A. A. A. …": it
    // reads the text in pieces of bounded length, which is all the word tags below need.
    const sentences = piecesOf(text, NLP_PIECE).flatMap((piece) => nlp(piece).json() as { terms: NlpTerm[] }[]);
    for (const term of sentences.flatMap((s) => s.terms)) {
      const word = nameKey(term.text);
      if (term.tags.includes("FemaleName")) this.genders.set(word, "female");
      else if (term.tags.includes("MaleName")) this.genders.set(word, "male");
      if (term.tags.includes("Person") && !term.tags.includes("Honorific")) this.people.add(word);
      if (!term.tags.includes("ProperNoun") && term.tags.some((t) => COMMON_TAGS.has(t))) this.common.add(word);
    }
  }

  /** The entity a name stands for, if one is registered under it. */
  find(name: string, type?: EntityType): Entity | undefined {
    const e = this.byKey.get(nameKey(name));
    return e && (!type || e.type === type) ? e : undefined;
  }

  /** Registers (or joins) an entity under a name; the first full name stays its name. */
  register(type: EntityType, name: string, extra: Partial<Entity> = {}): Entity {
    const key = nameKey(name);
    const existing = this.byKey.get(key);
    if (existing && existing.type === type) return existing;
    const entity: Entity = {
      n: this.entities.length,
      type,
      name,
      aliases: new Set(),
      roles: [],
      mentions: [],
      ...extra,
    };
    const knownMatch = this.known.find(
      (k) => k.type === type && [k.name, ...(k.aliases ?? [])].some((n) => nameKey(n) === key),
    );
    if (knownMatch?.id) entity.knownId = knownMatch.id;
    if (type === "organization") {
      // "Veldmark Semiconductors" is "Veldmark" again later; "UD Montecillo" is "Montecillo".
      const words = name.split(/\s+/);
      const last = words[words.length - 1]!.toLowerCase();
      if (words.length === 2 && (CORPORATE_WORDS.has(last) || CLUB_MARKS.has(words[1]!))) this.alias(entity, words[0]!);
      if (words.length === 2 && CLUB_MARKS.has(words[0]!)) this.alias(entity, words[1]!);
      if (CLUB_MARKS.has(words[0]!) || CLUB_MARKS.has(words[words.length - 1]!))
        entity.roles.push("club", "team", "side");
      if (ORGANIZATION_HEADS.has(last)) entity.roles.push(last);
    }
    if (type === "person") {
      const words = name.split(/\s+/);
      const surname = words[words.length - 1]!;
      if (words.length > 1) {
        entity.aliases.add(surname);
        this.byKey.set(nameKey(surname), entity);
        // "Carlos" again for "Carlos Roque Sánchez", when no one else goes by it and it is known as a first name
        // (not the first word of a club or a company read as a person).
        const firstName =
          this.genders.has(nameKey(words[0]!)) || genderOfFirstName(words[0]!) ? nameKey(words[0]!) : "";
        const owner = firstName ? this.byFirstName.get(firstName) : null;
        if (owner === undefined) {
          this.byFirstName.set(firstName, entity);
          if (!this.byKey.has(firstName)) this.byKey.set(firstName, entity);
        } else if (owner !== null && owner !== entity) {
          this.byFirstName.set(firstName, null);
          if (this.byKey.get(firstName) === owner) this.byKey.delete(firstName);
        }
      }
      entity.gender ??= this.genders.get(nameKey(words[0]!)) ?? genderOfFirstName(words[0]!);
    }
    this.byKey.set(key, entity);
    this.entities.push(entity);
    return entity;
  }

  alias(entity: Entity, name: string): void {
    const key = nameKey(name);
    if (key === nameKey(entity.name)) return;
    entity.aliases.add(name);
    if (!this.byKey.has(key)) this.byKey.set(key, entity);
  }

  /** A knowledge entry for a role and state ("foreign minister" of PL). */
  knownByOffice(role: string, isoCode: string | undefined, stateName: string | undefined): KnownEntity | undefined {
    const roleKey = nameKey(role);
    return this.known.find((k) =>
      (k.offices ?? []).some(
        (o) =>
          (nameKey(o.title) === roleKey || nameKey(o.title).endsWith(` ${roleKey}`)) &&
          (stateName === undefined ||
            nameKey(o.state) === nameKey(stateName) ||
            (isoCode !== undefined && stateNamed(o.state)?.state.isoCode === isoCode)),
      ),
    );
  }

  /** Whether a single word is known as a person's first or last name. */
  looksLikePerson(words: string[]): boolean {
    return words.some((w) => this.people.has(nameKey(w)) || this.genders.has(nameKey(w)));
  }

  /** A word the language model reads as a verb, adverb, adjective or other common word (not a name). */
  isCommonWord(word: string): boolean {
    return this.common.has(nameKey(word)) && !this.people.has(nameKey(word)) && !stateNamed(word);
  }

  genderOf(word: string): Gender | undefined {
    return this.genders.get(nameKey(word)) ?? HONORIFIC_GENDER[word.toLowerCase()];
  }
}

/** Last words of a company's name that a report drops after the first mention ("Veldmark Semiconductors"). */
const CORPORATE_WORDS = new Set(
  (
    "semiconductors systems industries holdings group motors energy technologies labs pharma airlines airways " +
    "inc ltd plc corp corporation company partners capital media"
  ).split(" "),
);

/** A first name's usual gender, from a maintained list of first names in many languages; undefined when unsure. */
function genderOfFirstName(word: string): Gender | undefined {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word)) return undefined;
  const gender = getGender(word);
  return gender === "male" || gender === "female" ? gender : undefined;
}

const COMMON_TAGS = new Set([
  "Verb",
  "Gerund",
  "Adverb",
  "Adjective",
  "Preposition",
  "Determiner",
  "Conjunction",
  "Pronoun",
]);

interface NlpTerm {
  text: string;
  tags: string[];
}

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

/** Capitalised runs of words in a span, split into leading titles and the name itself. */
export function nameRuns(text: string, span: Span, register?: Register): NameRun[] {
  const out: NameRun[] = [];
  const slice = text.slice(span.start, span.end);
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(slice); m; m = NAME_RUN.exec(slice)) {
    let words = m[0].split(/\s+/);
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
      } else if (lower === "of" && roles.length && !isOrganization && stateAfterOf(words)) {
        // "President of the United States Barack Obama": the state of the office, then the name.
        const { state: held, words: used } = stateAfterOf(words)!;
        roleState = { name: held.name, isoCode: held.isoCode };
        for (const u of words.slice(0, used)) offset = advance(text, offset, u);
        words = words.slice(used);
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
    // "European Council President Tomas Vilander": a title inside the run; the name is what follows it.
    if (!isOrganization) {
      for (let i = words.length - 2; i >= 1; i--) {
        // "Alaska Sen. Lisa Murkowski": an abbreviated title keeps its full stop.
        if (!isTitleWord(words[i]!) || !/^\p{Lu}/u.test(words[i + 1]!)) continue;
        roles.push(
          words
            .slice(0, i + 1)
            .join(" ")
            .toLowerCase(),
        );
        for (const w of words.slice(0, i + 1)) offset = advance(text, offset, w);
        words = words.slice(i + 1);
        break;
      }
    }
    if (words.length === 0) continue;
    while (words.length > 1 && POST_NOMINALS.has(stripPossessive(words[words.length - 1]!).replace(/,$/, "")))
      words.pop();
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

/** Letters that make a name a sports club's: "UD Montecillo", "Ajax FC". */
const CLUB_MARKS = new Set(["FC", "CF", "AC", "UD", "SC", "AS", "SD", "CD", "RC", "SV", "FK", "NK", "AFC"]);

/** Letters after a name that are not part of it: "Timothy Rusk KC". */
const POST_NOMINALS = new Set(
  (
    "KC QC MP MEP MSP MS AM Jr Jr. Sr Sr. PhD MD OBE CBE MBE DBE KBE GBE CMG KCMG GCMG CB KCB GCB CVO KCVO LVO MVO " +
    "FRS FREng FRSE DL JP QPM KPM"
  ).split(" "),
);

/** Title words that only qualify an office ("National", "State", "Deputy"): alone they make nobody a person. */
const QUALIFYING_TITLE_WORDS = new Set(
  "vice deputy foreign state national central economic high crown opposition party".split(" "),
);

/** Whether role words name an office ("Senator", "Foreign Minister"), not only qualify one ("National Award"). */
const namesAnOffice = (role: string) =>
  role.split(/\s+/).some((w) => TITLE_WORDS.has(w.replace(/\.$/, "")) && !QUALIFYING_TITLE_WORDS.has(w));

/**
 * A word of a person's name: a capital and small letters, with one more capital inside after a prefix ("McCain",
 * "O’Leary", "DeWine", "MacArthur") and hyphenated parts ("Jean-Claude", "al-Amr").
 */
const NAME_WORD_SHAPE = /^\p{Lu}[\p{Ll}\p{M}’']*(?:\p{Lu}[\p{Ll}\p{M}’']+)?(?:-\p{Lu}?[\p{Ll}\p{M}’']+)*$/u;

type Reading = { type: EntityType; name: string; isoCode?: string; by?: string };

/**
 * How a run of capitalised words is best read. Never as a person whose name cannot be one (src/ingest/personNames.ts):
 * an outlet or a company is read as the organization it is, an office, a month or a clause word as nothing.
 */
export function classify(run: NameRun, register: Register): Reading | undefined {
  const read = readRun(run, register);
  if (read?.type !== "person") return read;
  const why = whyNotAPerson(read.name, (w) => register.isCommonWord(w));
  if (!why) return read;
  return why === "news outlet" || why === "company or organization"
    ? { type: "organization", name: read.name }
    : undefined;
}

function readRun(run: NameRun, register: Register): Reading | undefined {
  const { name, words } = run;
  const lowerLast = words[words.length - 1]!.toLowerCase();
  const existing = register.find(name);
  if (existing) return { type: existing.type, name: existing.name, isoCode: existing.isoCode };
  const state = stateNamed(name);
  if (state) {
    if (state.by === "demonym") return undefined;
    if (state.by === "capital" && (run.afterPreposition === "in" || run.afterPreposition === "at")) {
      return { type: "venue", name };
    }
    return { type: "state", name: state.state.name, isoCode: state.state.isoCode, by: state.by };
  }
  if (
    name === "Kremlin" ||
    ORGANIZATION_HEADS.has(lowerLast) ||
    (/ of /.test(name) &&
      [words[0]!, words[words.indexOf("of") - 1] ?? ""].some((w) => ORGANIZATION_HEADS.has(w.toLowerCase())))
  ) {
    return { type: "organization", name: name === "Kremlin" ? "The Kremlin" : name };
  }
  if (VENUE_HEADS.has(lowerLast)) return { type: "venue", name };
  // A state's name inside a run is no person's ("Paris Bourse"), but a capital may be a first name ("Santiago Macias").
  if (words.some((w, i) => stateNamed(w) && !(stateNamed(w)!.by === "capital" && i < words.length - 1))) return undefined;
  if (
    run.organizationNounBefore &&
    !run.roles.length &&
    !run.honorific &&
    !register.looksLikePerson(words.slice(0, 1))
  ) {
    return { type: "organization", name };
  }
  if (words.length >= 2 && CLUB_MARKS.has(words[0]!) !== CLUB_MARKS.has(words[words.length - 1]!)) {
    return { type: "organization", name };
  }
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    // Every word a name's word or a middle initial ("Paul R. Whitford", "A. B. Lindqvist"), the last a name's.
    words.every((w) => NAME_WORD_SHAPE.test(w) || /^\p{Lu}\.$/u.test(w)) &&
    !/\.$/.test(words[words.length - 1]!)
  ) {
    if (register.looksLikePerson(words) || run.roles.length > 0 || run.honorific) return { type: "person", name };
    if (run.afterPreposition === "in" || run.afterPreposition === "at") return { type: "venue", name };
    return { type: "person", name };
  }
  if (words.length === 1 && (run.honorific || run.roles.some(namesAnOffice))) return { type: "person", name };
  // "Syrian Qunfuz": a nationality before one word that is no word of the language.
  if (words.length === 1 && run.roleState && !run.roles.length && !isCommonEnglish(name)) return { type: "person", name };
  if (words.length === 1 && (run.afterPreposition === "in" || run.afterPreposition === "at") && !run.atSentenceStart) {
    return { type: "venue", name };
  }
  return undefined;
}
