// Writes a deterministic synthetic news dataset (one entity file, then statement files) for load benchmarks.
// npx tsx bench/generate.ts --statements 100000 --out /tmp/synthetic-100k [--seed 42] [--per-file 5000] [--responses]
// It streams: each statement file is built, checked, written and dropped before the next, so memory holds the world
// (one person per 50 statements, one event per 200) and one file, whatever the number of statements (10,000,000
// included: tests/bench/generate-streaming.test.ts runs 300,000 in 256 MB of heap).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { RESPONSE_RELATIONS, responseProblem, type DatedStatement } from "../src/domain/responses";
import { checkDataset } from "../src/load/checks";
import { DatasetError, parseDataset, type datasetSchema } from "../src/load/dataset";

/** A dataset as written to JSON (defaults may be left out). */
type DatasetFile = z.input<typeof datasetSchema>;
type StatementFile = NonNullable<DatasetFile["statements"]>[number];

export interface GenerateOptions {
  statements: number;
  out: string;
  seed?: number;
  perFile?: number;
  /**
   * Statements respond to others (respondsTo): off unless asked for, so that the files stay the bytes the benchmark
   * results were measured on (tests/bench/generate-streaming.test.ts).
   */
  responses?: boolean;
  /** Told after each statement file, with the statements written so far. */
  onFile?: (file: string, statements: number) => void;
}

export interface GenerateResult {
  files: string[];
  counts: { people: number; states: number; organizations: number; venues: number; events: number; statements: number };
}

// ---------------------------------------------------------------------------------------------------------------
// Randomness: one seeded stream for the whole run, so the same options always give byte-identical files.

/** mulberry32: a tiny 32-bit PRNG, good enough for test data and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length));
  }
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at ${index} of a list of ${items.length}`);
  return item;
}

/** Rank sampler with P(rank r) ∝ 1/(r+1)^exponent: a few prolific speakers, a long tail of rare ones. */
function zipf(n: number, exponent: number): (u: number) => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / (r + 1) ** exponent;
    cumulative[r] = sum;
  }
  return (u) => {
    const target = u * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? sum) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates: whole days since 1970-01-01 (UTC), written as ISO dates.

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 5, 1) / DAY_MS;
const PUBLISHED_ON = "2025-06-30";

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Mostly a DAY date; some MONTH or YEAR ones, written as the first day of their period as the format requires. */
function statementDate(rng: Random, day: number): { saidOn: string; datePrecision: "DAY" | "MONTH" | "YEAR" } {
  const iso = isoDay(day);
  const u = rng.float();
  if (u < 0.9) return { saidOn: iso, datePrecision: "DAY" };
  if (u < 0.97) return { saidOn: `${iso.slice(0, 8)}01`, datePrecision: "MONTH" };
  return { saidOn: `${iso.slice(0, 5)}01-01`, datePrecision: "YEAR" };
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary. Statement texts are built from real words, so full-text search ("ceasefire", "prisoners") finds them.

const SYLLABLES = [
  "va",
  "lor",
  "kes",
  "tra",
  "mon",
  "del",
  "ri",
  "sa",
  "bel",
  "gor",
  "an",
  "ti",
  "nor",
  "ve",
  "zan",
  "dor",
  "mi",
  "ka",
  "ru",
  "sel",
  "ta",
  "bre",
  "os",
  "ul",
];
const FIRST_NAMES = [
  "Anna",
  "Boris",
  "Clara",
  "Dmitri",
  "Elena",
  "Farid",
  "Greta",
  "Hassan",
  "Irina",
  "Jonas",
  "Katarina",
  "Luca",
  "Maria",
  "Nikolai",
  "Olga",
  "Pavel",
  "Rosa",
  "Sergei",
  "Tamara",
  "Umar",
  "Vera",
  "Walter",
  "Yana",
  "Zoltan",
  "Amir",
  "Bianca",
  "Carlos",
  "Daria",
  "Emil",
  "Fatima",
  "Georg",
  "Helena",
  "Ivan",
  "Julia",
  "Kemal",
  "Lena",
  "Marek",
  "Nadia",
  "Oskar",
  "Petra",
];
const LAST_NAMES = [
  "Petrov",
  "Novak",
  "Horvat",
  "Kovalenko",
  "Schmidt",
  "Rossi",
  "Yilmaz",
  "Haddad",
  "Ivanova",
  "Larsen",
  "Moreau",
  "Silva",
  "Nowak",
  "Popescu",
  "Fischer",
  "Bauer",
  "Kaya",
  "Demir",
  "Marin",
  "Varga",
  "Tanaka",
  "Okafor",
  "Mensah",
  "Costa",
  "Lindqvist",
  "Berg",
  "Kuznetsov",
  "Sokolova",
  "Bondar",
  "Melnyk",
  "Shevchenko",
  "Aliyev",
  "Mammadov",
  "Nazarov",
  "Karimova",
  "Weber",
  "Keller",
  "Dubois",
  "Leroy",
  "Garcia",
  "Romero",
  "Duarte",
  "Haas",
  "Wolf",
  "Adler",
  "Brandt",
  "Stern",
  "Vogel",
  "Richter",
  "Krause",
];
const ROLES = [
  "a negotiator",
  "a spokesperson",
  "a diplomat",
  "a military commander",
  "a member of parliament",
  "an adviser to the government",
  "a human rights envoy",
];
const ORGANIZATION_KINDS = [
  "Ministry of Foreign Affairs",
  "Ministry of Defence",
  "Presidential Office",
  "Negotiating Delegation",
  "Parliament",
  "Security Council",
];
const BUILDING_KINDS = [
  "Palace",
  "Conference Centre",
  "Grand Hotel",
  "Parliament Building",
  "Foreign Ministry",
  "Congress Hall",
];
const EVENT_TOPICS = [
  "Ceasefire talks",
  "Prisoner exchange talks",
  "Sanctions talks",
  "Peace talks",
  "Grain corridor talks",
  "Energy security talks",
];
const PARTICIPANT_ROLES = ["host", "delegation", "mediator", "observer"];
const SUBJECTS = [
  "We",
  "Our negotiators",
  "Our diplomats",
  "Our soldiers",
  "The people of our country",
  "Our allies and we",
];
const VERBS = [
  "will not accept",
  "are ready to discuss",
  "demand",
  "propose",
  "support",
  "reject",
  "will insist on",
  "welcome",
  "cannot rule out",
  "expect",
];
const OBJECTS = [
  "a ceasefire",
  "an unconditional ceasefire",
  "new sanctions",
  "the lifting of sanctions",
  "the exchange of prisoners",
  "the return of all prisoners",
  "direct talks",
  "another round of talks",
  "a peace memorandum",
  "security guarantees",
  "a humanitarian corridor",
  "the withdrawal of troops",
  "a summit of leaders",
  "safe grain exports",
  "the protection of energy infrastructure",
];
const TAILS = [
  "",
  " as soon as possible",
  " under international supervision",
  " without preconditions",
  " only after a full ceasefire",
  " despite the sanctions",
  " at the next round of talks",
  " before winter",
];
const CONNECTORS = [
  "together with",
  "after talks with",
  "in a message to",
  "in reply to",
  "according to a source close to",
];
const CHANNELS = ["social media post", "televised address", "press conference", "interview"];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A name not used yet: `base`, or `base` with a number when it is taken. */
function unique(used: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  used.add(name.toLowerCase());
  return name;
}

function placeName(rng: Random, used: Set<string>): string {
  for (;;) {
    const parts = Array.from({ length: rng.int(2, 3) }, () => rng.pick(SYLLABLES));
    const name = capitalize(parts.join(""));
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

function personName(rng: Random, used: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${rng.pick(FIRST_NAMES)} ${String.fromCharCode(65 + rng.int(0, 25))}. ${rng.pick(LAST_NAMES)}`;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
  return unique(used, `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`);
}

/** A two-letter code from the name if free ("Valoria" → VA, VL…), otherwise the first free one of AA…ZZ. */
function isoCode(name: string, used: Set<string>): string {
  const letters = name.toUpperCase().replace(/[^A-Z]/g, "");
  const fromName = [...letters.slice(1)].map((c) => `${letters[0]}${c}`);
  const all = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));
  const code = [...fromName, ...all].find((c) => !used.has(c));
  if (!code) throw new Error("no two-letter code left");
  used.add(code);
  return code;
}

// ---------------------------------------------------------------------------------------------------------------
// The world: every entity, written once to the first file; statement files only refer to it.

interface Named {
  id: string;
  name: string;
}

interface PlacedEvent extends Named {
  day: number;
  venue: string;
}

interface World {
  people: Named[];
  states: Named[];
  organizations: Named[];
  venues: Named[];
  events: PlacedEvent[];
  dataset: DatasetFile;
}

const STATES = 50;

function buildWorld(rng: Random, statements: number, seed: number): World {
  const usedPlaces = new Set<string>();
  const usedCodes = new Set<string>();
  const states = Array.from({ length: STATES }, (_, i) => ({
    id: `state:s-${pad(i + 1, 3)}`,
    name: placeName(rng, usedPlaces),
  }));
  const cities = states.flatMap((state, i) =>
    [0, 1].map((k) => ({
      id: `venue:city-${pad(2 * i + k + 1, 4)}`,
      name: placeName(rng, usedPlaces),
      state: state.id,
    })),
  );
  const buildings = cities.flatMap((city, i) => {
    const kinds = new Set<string>();
    while (kinds.size < 2) kinds.add(rng.pick(BUILDING_KINDS));
    return [...kinds].map((kind, k) => ({
      id: `venue:building-${pad(2 * i + k + 1, 4)}`,
      name: `${city.name} ${kind}`,
      city,
      state: city.state,
    }));
  });
  const organizations = states.flatMap((state, i) => {
    const kinds = new Set<string>();
    while (kinds.size < 2) kinds.add(rng.pick(ORGANIZATION_KINDS));
    return [...kinds].map((kind, k) => ({
      id: `organization:o-${pad(2 * i + k + 1, 4)}`,
      name: `${kind} of ${state.name}`,
      state: state.id,
    }));
  });

  const peopleCount = Math.max(50, Math.round(statements / 50));
  const usedPeople = new Set<string>();
  const people = Array.from({ length: peopleCount }, (_, i) => ({
    id: `person:p-${pad(i + 1, 6)}`,
    name: personName(rng, usedPeople),
    // The first two people of a state are its president and foreign minister; everyone else has a random home.
    home: i < 2 * STATES ? at(states, Math.floor(i / 2)) : rng.pick(states),
  }));
  const offices = people.slice(0, 2 * STATES).map((p, i) => ({
    person: p.id,
    state: p.home.id,
    title: `${i % 2 === 0 ? "President" : "Foreign Minister"} of ${p.home.name}`,
    since: isoDay(rng.int(FIRST_DAY - 3650, LAST_DAY - 365)),
  }));
  const memberships = people
    .filter(() => rng.chance(0.3))
    .map((p) => ({ member: p.id, organization: rng.pick(organizations.filter((o) => o.state === p.home.id)).id }));

  const events = buildEvents(rng, Math.max(30, Math.round(statements / 200)), buildings, states, people);

  const dataset: DatasetFile = {
    source: {
      id: "source:synthetic-entities",
      title: "Synthetic world: who is who",
      publishedOn: PUBLISHED_ON,
      publisher: "Synthetic Wire",
      text:
        `A synthetic world of ${people.length} people and ${states.length} states, ` +
        `generated with seed ${seed} for load benchmarks.`,
    },
    people: people.map((p, i) => ({
      id: p.id,
      name: p.name,
      description: i < 2 * STATES ? `${offices[i]?.title}.` : `${capitalize(rng.pick(ROLES))} from ${p.home.name}.`,
    })),
    // The capital stands for the government, as "Kyiv" does for Ukraine.
    states: states.map((s, i) => ({
      id: s.id,
      name: s.name,
      aliases: [at(cities, 2 * i).name],
      isoCode: isoCode(s.name, usedCodes),
    })),
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, partOf: o.state })),
    venues: [
      ...cities.map((c) => ({ id: c.id, name: c.name, kind: "city" as const, state: c.state })),
      ...buildings.map((b) => ({
        id: b.id,
        name: b.name,
        kind: "building" as const,
        locatedIn: b.city.id,
        state: b.state,
      })),
    ],
    events: events.map((e) => e.input),
    offices,
    memberships,
  };
  return {
    people,
    states,
    organizations,
    venues: [...cities, ...buildings],
    events: events.map((e) => ({ id: e.input.id, name: e.input.name, day: e.day, venue: e.venue })),
    dataset,
  };
}

type EventInput = NonNullable<DatasetFile["events"]>[number];

interface GeneratedEvent {
  day: number;
  venue: string;
  input: EventInput & Named;
}

/** Events come in series (rounds of the same talks at the same place), each round FOLLOWS the one before. */
function buildEvents(
  rng: Random,
  count: number,
  buildings: { id: string; name: string; city: Named; state: string }[],
  states: Named[],
  people: (Named & { home: Named })[],
): GeneratedEvent[] {
  const used = new Set<string>();
  const events: GeneratedEvent[] = [];
  while (events.length < count) {
    const topic = rng.pick(EVENT_TOPICS);
    const building = rng.pick(buildings);
    const rounds = Math.min(rng.int(1, 4), count - events.length);
    let day = rng.int(FIRST_DAY, LAST_DAY - 200);
    const year = isoDay(day).slice(0, 4);
    let previous: string | undefined;
    for (let round = 1; round <= rounds; round++) {
      const id = `event:e-${pad(events.length + 1, 5)}`;
      const date = isoDay(day);
      const host = states.find((s) => s.id === building.state);
      const guest = rng.pick(states);
      const participants = [
        ...(host ? [{ id: host.id, role: "host" }] : []),
        ...(guest.id !== host?.id ? [{ id: guest.id, role: "delegation" }] : []),
        { id: rng.pick(people).id, role: rng.pick(PARTICIPANT_ROLES) },
      ];
      events.push({
        day,
        venue: building.id,
        input: {
          id,
          name: unique(used, `${topic} in ${building.city.name} (${year}), round ${round}`),
          date,
          datePrecision: "DAY",
          ...(rng.chance(0.5) ? { startsAt: `${date}T${pad(rng.int(9, 17), 2)}:00:00+02:00` } : {}),
          venue: building.id,
          ...(previous ? { follows: previous } : {}),
          participants: participants.filter((p, i) => participants.findIndex((q) => q.id === p.id) === i),
        },
      });
      previous = id;
      day = Math.min(LAST_DAY, day + rng.int(7, 60));
    }
  }
  return events;
}

// ---------------------------------------------------------------------------------------------------------------
// Statement files: a synthetic article per file, every statement pointing at the sentence that reports it.

interface Speakers {
  pick(rng: Random): Named;
}

/** People mostly (Zipf by rank: the presidents speak most), some states and organizations. */
function speakers(world: World): Speakers {
  const person = zipf(world.people.length, 1.07);
  const state = zipf(world.states.length, 1.0);
  return {
    pick(rng) {
      const u = rng.float();
      if (u < 0.88) return at(world.people, person(rng.float()));
      if (u < 0.95) return at(world.states, state(rng.float()));
      return rng.pick(world.organizations);
    },
  };
}

function mentions(rng: Random, world: World, speaker: string): Named[] {
  const u = rng.float();
  const count = u < 0.35 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
  const pools = [world.people, world.people, world.states, world.organizations, world.venues, world.events];
  const chosen: Named[] = [];
  while (chosen.length < count) {
    const candidate = rng.pick(rng.pick(pools));
    if (candidate.id !== speaker && !chosen.some((c) => c.id === candidate.id)) chosen.push(candidate);
  }
  return chosen;
}

function clause(rng: Random, mentioned: Named[]): string {
  const days = rng.chance(0.2) ? ` within ${rng.int(2, 90)} days` : "";
  const core = `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)}${rng.pick(TAILS)}${days}`;
  if (!mentioned.length) return core;
  // Places and events cannot be talked to, only about.
  const onlySpeakers = mentioned.every((m) => /^(person|state|organization):/.test(m.id));
  const connector = onlySpeakers ? rng.pick(CONNECTORS) : "with reference to";
  return `${core}, ${connector} ${mentioned.map((m) => m.name).join(" and ")}`;
}

/** One statement and the sentence of the article that reports it (the evidence span covers that sentence). */
function statement(
  rng: Random,
  world: World,
  who: Speakers,
  index: number,
): { sentence: string; statement: Omit<StatementFile, "evidence"> } {
  const speaker = who.pick(rng);
  const event = rng.chance(0.3) ? rng.pick(world.events) : undefined;
  // Said during an event: at its venue, on its day. Otherwise a venue for enough statements to reach ~60% overall.
  const venue = event ? event.venue : rng.chance(0.43) ? rng.pick(world.venues).id : undefined;
  const { saidOn, datePrecision } = event
    ? { saidOn: isoDay(event.day), datePrecision: "DAY" as const }
    : statementDate(rng, rng.int(FIRST_DAY, LAST_DAY));
  const mentioned = mentions(rng, world, speaker.id);
  const words = clause(rng, mentioned);
  const kind = rng.chance(0.55) ? ("DIRECT_QUOTE" as const) : ("REPORTED" as const);
  const text = kind === "DIRECT_QUOTE" ? words : `${capitalize(words)}.`;
  const sentence =
    kind === "DIRECT_QUOTE"
      ? `"${words}," ${speaker.name} said.`
      : `${speaker.name} said that ${words.charAt(0).toLowerCase()}${words.slice(1)}.`;
  return {
    sentence,
    statement: {
      id: `statement:st-${pad(index, 7)}`,
      speaker: speaker.id,
      text,
      kind,
      saidOn,
      datePrecision,
      ...(rng.chance(0.1) ? { time: `${pad(rng.int(7, 22), 2)}:${pad(rng.int(0, 59), 2)}:00+02:00` } : {}),
      ...(rng.chance(0.1) ? { channel: rng.pick(CHANNELS) } : {}),
      ...(rng.chance(0.03) ? { recurring: true } : {}),
      ...(venue ? { venue } : {}),
      ...(event ? { event: event.id } : {}),
      ...(mentioned.length ? { mentions: mentioned.map((m) => m.id) } : {}),
    },
  };
}

/** The statement of a file that responds to one before it in the file (with its own sentence as the span). */
const RESPONDS_AT = 50;

/** The one said first (the earlier of two dates; of equal ones, the first). */
const saidFirst = (a: DatedStatement | undefined, b: DatedStatement) =>
  a && (a.saidOn ?? "") <= (b.saidOn ?? "") ? a : b;

/**
 * Conversations, without drawing from the random stream (every other byte stays as it was): the first statement of
 * a statement file responds to the earliest one of the file before (no span of its article says so), the
 * RESPONDS_AT-th to the earliest one before it in its file. None responds to a statement said after it.
 */
function respondsTo(
  s: DatedStatement,
  fileNo: number,
  position: number,
  earliest: DatedStatement | undefined,
  sentence: { start: number; end: number },
): Pick<StatementFile, "respondsTo"> {
  if (!earliest || (position !== 0 && position !== RESPONDS_AT - 1)) return {};
  // Each relation in turn: two responses per file.
  const turn = (2 * fileNo + (position === 0 ? 0 : 1)) % RESPONSE_RELATIONS.length;
  const response = { statement: earliest.id, relation: at(RESPONSE_RELATIONS, turn) };
  if (responseProblem(s, response, [], earliest)) return {};
  return { respondsTo: [{ ...response, evidence: position === 0 ? [] : [sentence] }] };
}

function statementFile(
  rng: Random,
  world: World,
  who: Speakers,
  fileNo: number,
  firstIndex: number,
  count: number,
  /** The statement of the file before that was said first; none when statements respond to none. */
  before: DatedStatement | undefined,
  responses: boolean,
): { dataset: DatasetFile; earliest: DatedStatement | undefined } {
  const dateline = rng.pick(world.venues.filter((v) => v.id.startsWith("venue:city-"))).name.toUpperCase();
  const statements: StatementFile[] = [];
  let earliest: DatedStatement | undefined;
  let text = `${dateline}:`;
  for (let i = 0; i < count; i++) {
    const { sentence, statement: s } = statement(rng, world, who, firstIndex + i);
    text += i % 6 === 0 ? "\n\n" : " ";
    const span = { start: text.length, end: text.length + sentence.length };
    const responding = responses ? respondsTo(s, fileNo, i, i === 0 ? before : earliest, span) : {};
    statements.push({ ...s, evidence: [span], ...responding });
    earliest = saidFirst(earliest, s);
    text += sentence;
  }
  return {
    dataset: {
      source: {
        id: `source:synthetic-${pad(fileNo, 5)}`,
        title: `Synthetic news digest ${fileNo}`,
        publishedOn: PUBLISHED_ON,
        dateline,
        publisher: "Synthetic Wire",
        text,
      },
      statements,
    },
    earliest,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing and checking.

const GENERATED_FILE = /^\d{5}-(entities|statements)\.json$/;

/** Refuses to write a file that the loader would refuse; references to the entity file are checked when loading. */
function assertValid(file: string, dataset: DatasetFile): void {
  const parsed = parseDataset(file, dataset);
  const { problems } = checkDataset(parsed, parsed.source.text ?? "");
  if (problems.length) throw new DatasetError(file, problems);
}

function write(out: string, name: string, dataset: DatasetFile): string {
  const file = path.join(out, name);
  assertValid(file, dataset);
  fs.writeFileSync(file, `${JSON.stringify(dataset)}\n`);
  return file;
}

export function generateSyntheticDataset(options: GenerateOptions): GenerateResult {
  const seed = options.seed ?? 42;
  const perFile = options.perFile ?? 5000;
  if (!Number.isInteger(options.statements) || options.statements < 0)
    throw new Error("statements must be a whole number ≥ 0");
  if (!Number.isInteger(perFile) || perFile < 1) throw new Error("per-file must be a whole number ≥ 1");

  fs.mkdirSync(options.out, { recursive: true });
  // Files of an earlier, larger run would otherwise be loaded with these.
  for (const name of fs.readdirSync(options.out))
    if (GENERATED_FILE.test(name)) fs.rmSync(path.join(options.out, name));

  const rng = new Random(seed);
  const world = buildWorld(rng, options.statements, seed);
  const files = [write(options.out, "00000-entities.json", world.dataset)];
  const who = speakers(world);
  let earliest: DatedStatement | undefined;
  for (let first = 0; first < options.statements; first += perFile) {
    const fileNo = files.length;
    const count = Math.min(perFile, options.statements - first);
    const made = statementFile(rng, world, who, fileNo, first + 1, count, earliest, options.responses ?? false);
    const dataset = made.dataset;
    earliest = made.earliest;
    files.push(write(options.out, `${pad(fileNo, 5)}-statements.json`, dataset));
    options.onFile?.(files[files.length - 1]!, Math.min(first + perFile, options.statements));
  }
  return {
    files,
    counts: {
      people: world.people.length,
      states: world.states.length,
      organizations: world.organizations.length,
      venues: world.venues.length,
      events: world.events.length,
      statements: options.statements,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Command line.

function wholeNumber(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name}=${raw} is not a whole number`);
  return value;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      statements: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      "per-file": { type: "string" },
      responses: { type: "boolean" },
    },
  });
  if (!values.out) throw new Error("--out <folder> is required");
  const started = Date.now();
  const result = generateSyntheticDataset({
    statements: wholeNumber("statements", values.statements),
    out: path.resolve(values.out),
    seed: wholeNumber("seed", values.seed, 42),
    perFile: wholeNumber("per-file", values["per-file"], 5000),
    responses: values.responses ?? false,
    onFile: (file, statements) => {
      if (/-(\d*)00-statements\.json$/.test(file)) {
        const s = ((Date.now() - started) / 1000).toFixed(0);
        process.stderr.write(`  ${statements} statements written (${path.basename(file)}, ${s} s)\n`);
      }
    },
  });
  const c = result.counts;
  console.log(
    `Wrote ${result.files.length} files to ${path.resolve(values.out)} ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${c.statements} statements, ${c.people} people, ${c.states} states, ${c.organizations} organizations, ` +
      `${c.venues} venues, ${c.events} events.`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
