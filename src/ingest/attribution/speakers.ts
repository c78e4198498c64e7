// Who a speaker phrase stands for: a name (joined to the person, state or organization first named in full), a
// pronoun (the nearest earlier person of its gender, preferring the one who spoke last), a description ("the
// minister", "the 54-year-old", "the company"), or an office the graph knows ("Poland's foreign minister").
// Every answer carries a confidence; no answer is better than a guess.
import { nameKey } from "../../domain/names";
import { compareWords } from "../../domain/resolution/wordMatch";
import { stateNamed } from "../words/countries";
import { classify, nameRuns, type Entity, type Register } from "../entities/entities";
import { isTitleWord, ORGANIZATION_NOUNS, PRONOUNS, TITLE_WORDS, WRITER_AGAIN } from "../words/lexicon";
import { isCommonEnglish } from "../words/commonWords";
import { whyNotAPerson } from "../words/personNames";
import { SPEAKER_PHRASE, trimEdges } from "../text/windows";

/** People who speak for someone or of them, after that someone's possessive: "Roe's spokesman", "Roe's lawyer". */
const SOMEONE_OF = new RegExp(
  String.raw`^(?:['’]s)?\s+(?:(?:former|longtime|chief|senior|top)\s+)?(?:spokes(?:man|woman|person)|lawyers?|` +
    String.raw`attorneys?|aides?|advis[eo]rs?|assistants?|secretary|wife|husband|son|daughter|mother|father|brother|` +
    String.raw`sister|friends?|family|doctors?|agents?|managers?|representatives?|deputy|colleagues?|partner)\b`,
  "u",
);

/** "Roe's spokesman", "the minister's lawyer": a phrase that names who speaks only by whom they speak for. */
export const speaksForSomeone = (phrase: string) =>
  SOMEONE_OF.test(phrase.trim().replace(/^(?:the\s+)?[\p{L}][\p{L}.-]*(?:\s+[\p{Lu}][\p{L}.-]*){0,3}(?=['’]s\s)/u, ""));

const SPOKESPERSON = String.raw`(?:spokes(?:man|woman|person)|representative|statement)`;
/** "a spokesman for the ministry": the organization named after the spokesperson. */
const SPOKESPERSON_FOR = new RegExp(
  String.raw`^(?:an?|the)\s+(?:\w+\s+)?${SPOKESPERSON}\s+(?:for|of|from)\s+(\S.*)$`,
  "iu",
);

export interface Attributed {
  entity: Entity;
  confidence: number;
  /** How the speaker was found: "name", "pronoun", "description", "office", "continuation". */
  via: string;
}

export interface Context {
  register: Register;
  /** Offset the phrase stands at: only what comes before it can be referred back to. */
  at: number;
  /** Where the window of earlier mentions starts (two paragraphs back). */
  windowStart: number;
  /** Where the phrase's own paragraph starts. */
  paragraphStart: number;
  /** The speaker of the latest statement before `at`, and where it was. */
  lastSpeaker?: { entity: Entity; at: number };
}

/** How sure a surname one letter off a named person's is theirs. */
const MISSPELT = 0.8;
/** Shorter surnames differ by a letter too often to be read as misspellings. */
const MISSPELT_MIN_LENGTH = 5;

/** The one person whose surname is a near spelling of `word` ("Water" for "Waters"), if exactly one. */
function nearSurname(register: Register, word: string): Entity | undefined {
  const key = nameKey(word);
  if (key.length < MISSPELT_MIN_LENGTH) return undefined;
  const near = register.entities.filter((e) => {
    if (e.type !== "person" || !e.name.includes(" ")) return false;
    const surname = nameKey(e.name).split(" ").pop()!;
    // A near spelling only: a skeleton's variant ("Cochran", "Cornyn") is another name.
    return compareWords(key, surname, true).kind === "near";
  });
  return near.length === 1 ? near[0] : undefined;
}

const DESCRIPTION = /^(?:the|a|an)\s+((?:[\p{L}\d’'-]+\s+){0,4}?[\p{L}\d’'-]+)$/iu;

/** Resolves the words of a speaker phrase (already cut out around its cue verb). */
export function resolveSpeaker(phraseRaw: string, phraseStart: number, ctx: Context): Attributed | undefined {
  const phrase = trimEdges(phraseRaw, ",;:—–-");
  if (!phrase || phrase.length > SPEAKER_PHRASE) return undefined;
  const lower = phrase.toLowerCase();
  // Pronouns.
  const gender = PRONOUNS[lower];
  if (gender) return gender === "plural" ? undefined : byPronoun(gender, ctx);

  // "@someone": the writer under that handle, the person the text already knows by it or a new one.
  const handle = /^@(\w{1,40})$/u.exec(phrase);
  if (handle) {
    const entity = ctx.register.find(handle[1]!) ?? ctx.register.register("person", handle[1]!, { handle: true });
    return { entity, confidence: 0.9, via: "name" };
  }

  // "a spokesman for the ministry", "a Kremlin spokesman" without a name: the organization speaks.
  const forOrg = SPOKESPERSON_FOR.exec(phrase);
  if (forOrg) return resolveSpeaker(forOrg[1]!, phraseStart + phrase.indexOf(forOrg[1]!), ctx);

  // An office: "Ukraine's defence minister", "the Polish foreign minister", "Poland's top diplomat".
  const office = /^(?:the\s+)?([\p{Lu}][\p{L}’'-]*?)(?:[’']s)?\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)$/u.exec(phrase);
  if (office) {
    const state = stateNamed(office[1]!);
    const role = office[2]!;
    const head = role.split(/\s+/).pop()!;
    // "Ukraine's foreign ministry", "China's commerce ministry": an organization of that state, named as written.
    if (state && ORGANIZATION_NOUNS.has(head) && !TITLE_WORDS.has(head)) {
      const name = phrase.replace(/^the\s+/i, "");
      const entity =
        ctx.register.find(name, "organization") ??
        ctx.register.register("organization", name, { roleState: state.state.isoCode });
      entity.roles.push(head);
      // Its state, so that the draft can say what it is part of.
      if (!ctx.register.entities.some((e) => e.type === "state" && e.isoCode === state.state.isoCode)) {
        ctx.register.register("state", state.state.name, { isoCode: state.state.isoCode });
      }
      return { entity, confidence: 0.85, via: "name" };
    }
    if (state && role.split(/\s+/).some((w) => TITLE_WORDS.has(w))) {
      const known = ctx.register.knownByOffice(role, state.state.isoCode, state.state.name);
      if (known) {
        const entity =
          ctx.register.find(known.name, "person") ?? ctx.register.register("person", known.name, { knownId: known.id });
        entity.roles.push(role);
        entity.roleState = state.state.isoCode;
        for (const a of known.aliases ?? []) ctx.register.alias(entity, a);
        return { entity, confidence: 0.85, via: "office" };
      }
      const named = described(role, ctx, state.state.isoCode);
      if (named) return { entity: named, confidence: 0.85, via: "description" };
      return undefined;
    }
  }

  // A name in the phrase (the first capitalised run that reads as an entity), with its titles.
  const offsetInRaw = phraseRaw.indexOf(phrase);
  const runs = nameRuns(
    ctx.register.text,
    { start: phraseStart + Math.max(0, offsetInRaw), end: phraseStart + Math.max(0, offsetInRaw) + phrase.length },
    ctx.register,
  );
  for (const run of runs) {
    // "Kremlin spokesman Dmitry Peskov": the person, not the organization before the title.
    const next = runs[runs.indexOf(run) + 1];
    const between = next ? ctx.register.text.slice(run.end, next.start).trim().toLowerCase() : "";
    if (next && between && between.split(/\s+/).every((w) => TITLE_WORDS.has(w))) continue;
    // "Saudi journalist Ebtihal Mubarak", "Israeli blogger Yael": a word that qualifies the name after it.
    if (next && /^[\p{Ll}-]+(?:\s+[\p{Ll}-]+){0,2}$/u.test(between) && stateNamed(run.name)) continue;
    if (run.possessive && runs.length > 1) continue;
    let read = classify(run, ctx.register);
    // "said Roe's spokesman": someone of Roe's speaks, not Roe (a body's or a state's post may speak for it, and
    // "Roe's statement" is Roe's own words).
    const post = run.possessive && SOMEONE_OF.exec(ctx.register.text.slice(run.end, run.end + 24));
    if (post && read?.type !== "organization" && read?.type !== "state") continue;
    // A place does not speak; a capital speaks for its state ("Beijing says", after a BEIJING dateline).
    if (read?.type === "venue") {
      const state = stateNamed(run.name);
      read =
        state && state.by !== "demonym"
          ? { type: "state", name: state.state.name, isoCode: state.state.isoCode }
          : undefined;
    }
    // A surname alone where a speaker stands ("…," said Okafor): a person first named in passing, or only in a
    // headline in capitals; a person, when the word can be a name at all.
    // (The language model's guess about an unknown word is no help here: a word is common when the text itself
    // writes it in lower case.)
    // Not an acronym ("EU"), and not a word that qualifies a noun after it ("the EU negotiator").
    const rest = ctx.register.text.slice(run.end, phraseStart + Math.max(0, offsetInRaw) + phrase.length).trim();
    const surname =
      !read &&
      run.words.length === 1 &&
      // "said Senator Okafor": a title alone before the surname is the person's, not an office's name.
      run.roles.every((r) => r.split(/\s+/).every((w) => isTitleWord(w))) &&
      !run.afterPreposition &&
      /^\p{Lu}\p{Ll}/u.test(run.name) &&
      !/ing$/.test(run.name) &&
      // Capitalised where no sentence starts, or no English word at all ("Urimtal writes:", a blogger's name).
      (capitalisedMidSentence(ctx.register.text, run.name) || !isCommonEnglish(run.name)) &&
      (rest === "" || rest.startsWith(",")) &&
      !stateNamed(run.name) &&
      // "Others, like @x, suggested", "Senators pointed to": a plural noun or a title opening the sentence.
      !isTitleWord(run.name) &&
      !(run.name.endsWith("s") && isCommonEnglish(run.name)) &&
      !whyNotAPerson(run.name, lowerCaseIn(ctx.register.text));
    // …unless an organization goes by that word ("Whitcliffe" for "Whitcliffe Albion").
    const organization =
      surname &&
      ctx.register.entities.find(
        (e) => e.type === "organization" && nameKey(e.name).split(" ")[0] === nameKey(run.name),
      );
    if (organization) read = { type: "organization", name: organization.name };
    else if (surname) {
      // "…," Water said — after "Kathryn Waters": a surname the article misspelt, when it is one person's alone.
      const misspelt = nearSurname(ctx.register, run.name);
      if (misspelt) return { entity: misspelt, confidence: MISSPELT, via: "name" };
      read = { type: "person", name: run.name };
    }
    // An acronym where a speaker stands ("…," said KCNA): an organization's short name.
    if (!read && /^\p{Lu}{2,6}$/u.test(run.name) && (rest === "" || rest.startsWith(",")) && !stateNamed(run.name))
      read = { type: "organization", name: run.name };
    if (!read) continue;
    const entity =
      ctx.register.find(read.name, read.type) ?? ctx.register.register(read.type, read.name, { isoCode: read.isoCode });
    if (read.name !== run.name) ctx.register.alias(entity, run.name);
    return { entity, confidence: surname && !organization ? 0.85 : 0.95, via: "name" };
  }

  // A description: "the minister", "the 54-year-old", "the company", "the company's chief executive".
  const desc = DESCRIPTION.exec(phrase);
  if (desc) {
    const words = desc[1]!.toLowerCase();
    const age = /^(\d{1,3})-year-old$/.exec(words);
    if (age) {
      const person = recentPeople(ctx).find((e) => e.age === Number(age[1]));
      if (person) return { entity: person, confidence: 0.85, via: "description" };
      // An age the text never gave: the person who spoke last, if nobody else's age is known to be it.
      const last = ctx.lastSpeaker?.entity;
      // An age the text never gave: a guess, left for review (below MIN_CONFIDENCE), the person who just spoke
      // ranked above anyone else.
      if (last?.type === "person" && last.age === undefined) {
        return { entity: last, confidence: holdsTheFloor(ctx) ? 0.58 : 0.5, via: "description" };
      }
      return undefined;
    }
    const last = words.split(/\s+/).pop()!;
    if (ORGANIZATION_NOUNS.has(last) && !TITLE_WORDS.has(last)) {
      const org = recentOf(ctx, "organization").find(
        (e) => nameKey(e.name).split(" ").includes(last) || e.roles.includes(last),
      );
      const only = recentOf(ctx, "organization");
      if (org) return { entity: org, confidence: 0.85, via: "description" };
      if (only.length === 1 && ["company", "firm", "group", "club", "team", "side"].includes(last)) {
        return { entity: only[0]!, confidence: 0.75, via: "description" };
      }
      return undefined;
    }
    const role = words.replace(/^.*[’']s\s+/, "");
    const person = described(role, ctx) ?? (WINNER_WORDS.test(role) ? winner(ctx) : undefined);
    if (person) return { entity: person, confidence: 0.85, via: "description" };
    // "According to the blogger:" between two of a writer's posts: the writer who has the floor.
    const writer = ctx.lastSpeaker?.entity;
    if (WRITER_WORDS.test(role) && writer?.type === "person" && nobodyElseSince(ctx, WRITER_REACH))
      return { entity: writer, confidence: 0.8, via: "description" };
  }
  return undefined;
}

/** What a writer of posts is called once named: "the blogger", "the author". */
const WRITER_WORDS = new RegExp(`^(?:${WRITER_AGAIN.join("|")})$`, "u");

/** A title won: "the champion", "the winner", "the gold medallist", "the defending champion". */
const WINNER_QUALIFIERS = "new|defending|reigning|world|olympic|gold|silver|bronze";
const WINNER_WORDS = new RegExp(
  String.raw`^(?:(?:${WINNER_QUALIFIERS})\s+)*(?:champion|winner|victor|titleholder|medall?ist)$`,
  "u",
);
/** What a winner did, right after their name (an apposition between): "Roe, 24, won", "Roe beat". */
const WON_AFTER_NAME =
  /^(?:,[^,.;]{1,60},)?\s+(?:has\s+|had\s+)?(?:won|wins|beat|beats|defeated|claimed|retained|clinched)\b/u;

/** The one person in view the text says won (one only: two winners in view are too close to call). */
function winner(ctx: Context): Entity | undefined {
  const text = ctx.register.text;
  const won = recentPeople(ctx).filter((e) =>
    e.mentions.some(
      (m) =>
        !m.quoted &&
        m.start >= ctx.windowStart &&
        m.start < ctx.at &&
        WON_AFTER_NAME.test(text.slice(m.end, m.end + 90)),
    ),
  );
  return won.length === 1 ? won[0] : undefined;
}

/** Whether the text writes a word in lower case somewhere (then it is a common word, not a name). */
const lowerCaseIn = (text: string) => (word: string) => {
  const lower = word.toLowerCase();
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    if (!/\p{L}/u.test(text[at - 1] ?? " ") && !/\p{L}/u.test(text[at + lower.length] ?? " ")) return true;
  }
  return false;
};

/**
 * Whether the text writes a word with a capital where no sentence starts (after a lower-case word or a comma): a
 * name, not a common word that merely opens a sentence ("Students in the city …").
 */
function capitalisedMidSentence(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (/\p{L}/u.test(text[at + word.length] ?? " ")) continue;
    if (/[\p{Ll},;]\s+$/u.test(text.slice(Math.max(0, at - 3), at))) return true;
  }
  return false;
}

/** The person a role description points to: the latest person given that role (or a role ending with it). */
function described(role: string, ctx: Context, isoCode?: string): Entity | undefined {
  const words = role.split(/\s+/).filter((w) => !["top", "senior", "veteran", "former", "new"].includes(w));
  const head = words[words.length - 1];
  if (!head) return undefined;
  const fits = (e: Entity) =>
    e.roles.some((r) => {
      const rw = r.split(/\s+/);
      return rw[rw.length - 1] === head && words.every((w) => rw.includes(w) || w === head);
    }) &&
    (isoCode === undefined || e.roleState === undefined || e.roleState === isoCode);
  const candidates = recentPeople(ctx).filter(fits);
  if (candidates.length === 0) return undefined;
  // Two different people of the same role in view: too close to call.
  const distinct = new Set(candidates.map((c) => c.n));
  return distinct.size === 1 ? candidates[0] : lastSpoken(candidates, ctx);
}

function lastSpoken(candidates: Entity[], ctx: Context): Entity | undefined {
  return ctx.lastSpeaker && candidates.includes(ctx.lastSpeaker.entity) ? ctx.lastSpeaker.entity : undefined;
}

/** The last speaker spoke in this paragraph or the one before, and no other person has been named since. */
function holdsTheFloor(ctx: Context): boolean {
  return Boolean(ctx.lastSpeaker && ctx.lastSpeaker.at >= ctx.windowStart && nobodyElseSince(ctx));
}

/** How far back "the blogger" reaches for the writer whose post came before. */
const WRITER_REACH = 1500;

/** The last speaker was named at most `reach` characters back, and no other person has been named since. */
function nobodyElseSince(ctx: Context, reach = Infinity): boolean {
  const last = ctx.lastSpeaker;
  if (!last || ctx.at - last.at > reach) return false;
  return !ctx.register.entities.some(
    (e) =>
      e.type === "person" &&
      e !== last.entity &&
      e.mentions.some((m) => !m.quoted && m.start > last.at && m.start < ctx.at),
  );
}

/** Entities of a type mentioned in the window before `at`, latest first. */
function recentOf(ctx: Context, type: Entity["type"]): Entity[] {
  const seen: { e: Entity; at: number }[] = [];
  for (const e of ctx.register.entities) {
    if (e.type !== type) continue;
    const last = e.mentions.filter((m) => !m.quoted && m.start < ctx.at && m.start >= ctx.windowStart).pop();
    if (last) seen.push({ e, at: last.start });
  }
  return seen.sort((a, b) => b.at - a.at).map((s) => s.e);
}

const recentPeople = (ctx: Context) => recentOf(ctx, "person");

/** How far back the sentence before a pronoun may start. */
const SENTENCE_REACH = 400;
const SENTENCE_END = /[.!?]["”’]?\s+(?=\p{Lu})/gu;

/** The one person of `fitting` named at the start of the sentence before the pronoun's, or of its own. */
function sentenceSubject(fitting: readonly Entity[], ctx: Context): Entity | undefined {
  const from = Math.max(ctx.windowStart, ctx.at - SENTENCE_REACH);
  const ends = [...ctx.register.text.slice(from, ctx.at).matchAll(SENTENCE_END)].map(
    (m) => from + m.index + m[0].length,
  );
  // The start of the sentence before the pronoun's own.
  const start = ends.length >= 2 ? ends[ends.length - 2]! : from;
  const found = fitting.filter((p) =>
    p.mentions.some((m) => m.subject && !m.quoted && m.start >= start && m.start < ctx.at),
  );
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "he"/"she": people of that gender (or of unknown gender) mentioned before, latest first. The latest speaker wins
 * when the gender fits; otherwise the latest person whose gender is known to fit; one of unknown gender only when
 * nobody else is in view, and then with low confidence.
 */
function byPronoun(gender: "male" | "female", ctx: Context): Attributed | undefined {
  const people = recentPeople(ctx);
  const fitting = people.filter((p) => p.gender === gender);
  const unknown = people.filter((p) => p.gender === undefined);
  const last = ctx.lastSpeaker?.entity;
  // "Syrian Qunfuz looks at whether … He writes:": the subject of the sentence before, whose gender the text never
  // gave (a blogger's handle), when it is the last person named.
  const unknownSubject = sentenceSubject(unknown, ctx);
  if (unknownSubject && unknownSubject === people[0])
    return { entity: unknownSubject, confidence: 0.8, via: "pronoun" };
  if (last && last.type === "person" && last.gender === gender) {
    // The last speaker keeps the floor unless another person of that gender was named after them.
    const lastAt = ctx.lastSpeaker!.at;
    const rival = fitting.find((p) => p !== last && p.mentions.some((m) => m.start > lastAt && m.start < ctx.at));
    if (!rival) return { entity: last, confidence: 0.9, via: "pronoun" };
  }
  // The subject of the sentence before (or of this one's start), when someone else of that gender was named after it
  // in passing ("Doherty credits Jobs' patience. He says …"): the one the sentence was about.
  const subject = sentenceSubject(fitting, ctx);
  if (subject && subject !== fitting[0]) return { entity: subject, confidence: 0.8, via: "pronoun" };
  if (fitting.length >= 1) {
    const first = fitting[0]!;
    const firstAt = Math.max(...first.mentions.filter((m) => m.start < ctx.at).map((m) => m.start));
    const unknownLater = unknown.some((p) => p.mentions.some((m) => m.start > firstAt && m.start < ctx.at));
    return { entity: first, confidence: unknownLater ? 0.6 : fitting.length === 1 ? 0.9 : 0.8, via: "pronoun" };
  }
  if (unknown.length === 1) return { entity: unknown[0]!, confidence: 0.6, via: "pronoun" };
  // The only person named in the pronoun's own paragraph, when nobody's gender rules them out.
  const here = unknown.filter((p) =>
    p.mentions.some((m) => !m.quoted && m.start >= ctx.paragraphStart && m.start < ctx.at),
  );
  if (here.length === 1) return { entity: here[0]!, confidence: 0.6, via: "pronoun" };
  if (last && last.type === "person" && last.gender === undefined && unknown[0] === last) {
    return { entity: last, confidence: holdsTheFloor(ctx) ? 0.58 : 0.55, via: "pronoun" };
  }
  return undefined;
}
