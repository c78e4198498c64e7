// The entities an article names, registered in text order with every mention: people (with the roles, gender and
// age the text gives them), states (by name, capital or demonym), organizations and venues. Later mentions by
// surname, capital or short name join the entity first named in full; pronouns and descriptions are resolved
// against this register by the speaker rules.
import { ARTICLE_PREFIX, NAME_PARTICLE } from "../text/patterns";
import nlp from "compromise";
import { getGender } from "gender-detection-from-name";
import type { Span } from "../../domain/spans";
import type { KnownEntity } from "../../graph/rows";
import { whyNotAPerson } from "../words/personNames";
import { nameKey } from "../../domain/names";
import { isCommonEnglish } from "../words/commonWords";
import { stateNamed } from "../words/countries";
import { HONORIFIC_GENDER, ORGANIZATION_HEADS, TITLE_WORDS, VENUE_HEADS } from "../words/lexicon";
import { lastStartingBy } from "../text/layout";
import { nameRuns, type NameRun } from "./nameRuns";
import { NLP_PIECE, piecesOf } from "../text/windows";

export { nameRuns, type NameRun };

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

/** Adds a mention to an entity's mentions, which stay in text order (a binary search, not a scan). */
export function addMention(mention: Mention): void {
  const { mentions } = mention.entity;
  mentions.splice(lastStartingBy(mentions, mention.start) + 1, 0, mention);
}

/** "… to The New York Times": a lower-case word, "The", and up to six capitalised words. */
const THE_AND_CAPITALS = /\p{Ll}[,:]?[ \t]+The[ \t]+(\p{Lu}[\p{L}&.’'-]*(?:[ \t]+\p{Lu}[\p{L}&.’'-]*){0,5})/gu;

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
      // "according to The New York Times": the article is part of the name as the text writes it.
      if (this.writtenMidSentence(`The ${name}`)) this.alias(entity, `The ${name}`);
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

  /** "The" and the capitalised words after it, wherever a lower-case word comes before: read once, on first use. */
  private theNames?: Set<string>;

  /** Whether the text writes `words` ("The New York Times") after a lower-case word: the capital is the name's. */
  private writtenMidSentence(words: string): boolean {
    if (!this.theNames) {
      this.theNames = new Set();
      for (const m of this.text.matchAll(THE_AND_CAPITALS)) {
        const names = m[1]!.split(/\s+/);
        for (let n = 1; n <= names.length; n++) this.theNames.add(nameKey(`The ${names.slice(0, n).join(" ")}`));
      }
    }
    return this.theNames.has(nameKey(words));
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

/** Letters that make a name a sports club's: "UD Montecillo", "Ajax FC". */
const CLUB_MARKS = new Set(["FC", "CF", "AC", "UD", "SC", "AS", "SD", "CD", "RC", "SV", "FK", "NK", "AFC"]);

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
/** A particle inside a person's name: "de", "van", "von der". */
const PERSON_PARTICLE = new RegExp(`^${NAME_PARTICLE}$`);
const NAME_WORD_SHAPE = /^\p{Lu}[\p{Ll}\p{M}’']*(?:\p{Lu}[\p{Ll}\p{M}’']+)?(?:-\p{Lu}?[\p{Ll}\p{M}’']+)*$/u;
/** A surname after the Arabic article, in lower case: "al-Amr", "el-Baradei". */
const ARTICLE_SURNAME = new RegExp(`^${ARTICLE_PREFIX}\\p{Lu}[\\p{Ll}\\p{M}’']+$`, "u");

type Reading = { type: EntityType; name: string; isoCode?: string; by?: string };

/**
 * How a run of capitalised words is best read. Never as a person whose name cannot be one (words/personNames.ts):
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
    // "Bank of England", "Council for Voluntary Organisations": the head before "of" or "for".
    [" of ", " for "].some(
      (joint) =>
        name.includes(joint) &&
        [words[0]!, words[words.indexOf(joint.trim()) - 1] ?? ""].some((w) => ORGANIZATION_HEADS.has(w.toLowerCase())),
    )
  ) {
    return { type: "organization", name: name === "Kremlin" ? "The Kremlin" : name };
  }
  if (VENUE_HEADS.has(lowerLast)) return { type: "venue", name };
  // A state's name inside a run is no person's ("Paris Bourse"), but a capital may be a first name ("Santiago Macias").
  if (words.some((w, i) => stateNamed(w) && !(stateNamed(w)!.by === "capital" && i < words.length - 1)))
    return undefined;
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
  const particles = words.filter((w, i) => i > 0 && i < words.length - 1 && PERSON_PARTICLE.test(w)).length;
  if (
    words.length >= 2 &&
    words.length - particles <= 4 &&
    // Every word a name's word, a middle initial ("Paul R. Whitford", "A. B. Lindqvist") or a particle inside
    // ("Camila de Souza"), the last a name's.
    words.every(
      (w, i) =>
        NAME_WORD_SHAPE.test(w) ||
        /^\p{Lu}\.$/u.test(w) ||
        (i > 0 && i < words.length - 1 && PERSON_PARTICLE.test(w)) ||
        (i > 0 && ARTICLE_SURNAME.test(w)),
    ) &&
    !/\.$/.test(words[words.length - 1]!)
  ) {
    if (register.looksLikePerson(words) || run.roles.length > 0 || run.honorific) return { type: "person", name };
    if (run.afterPreposition === "in" || run.afterPreposition === "at") return { type: "venue", name };
    return { type: "person", name };
  }
  if (words.length === 1 && (run.honorific || run.roles.some(namesAnOffice))) return { type: "person", name };
  // "Syrian Qunfuz": a nationality before one word that is no word of the language.
  if (words.length === 1 && run.roleState && !run.roles.length && !isCommonEnglish(name))
    return { type: "person", name };
  if (words.length === 1 && (run.afterPreposition === "in" || run.afterPreposition === "at") && !run.atSentenceStart) {
    return { type: "venue", name };
  }
  return undefined;
}
