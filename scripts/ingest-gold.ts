// The ingestion gold set (tests/fixtures/ingest/, format in its README.md): each hand-annotated article with its
// statements located in the text, plus the seed article read from its hand-made dataset. Refuses a gold file whose
// spans are missing or ambiguous, so an annotation mistake fails loudly instead of skewing the figures.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseDataset } from "../src/load/dataset";

export const GOLD_DIR = path.join(__dirname, "..", "tests", "fixtures", "ingest");
export const SEED_DATASET = path.join(__dirname, "..", "seed", "2025-06-02-istanbul-talks.json");

export const CASES = [
  "straight-quotes",
  "curly-quotes",
  "single-quotes",
  "guillemets",
  "split-quote",
  "multi-paragraph",
  "colon-intro",
  "quote-label",
  "scare-quotes",
  "cue-before",
  "cue-after",
  "pronoun",
  "description",
  "role-via-office",
  "organization-speaker",
  "state-speaker",
  "reported-that",
  "according-to",
  "relative-dates",
  "dateline",
  "venue",
  "mentions",
  "quote-in-quote",
  "two-speakers-one-paragraph",
  "pronoun-trap",
] as const;

const isoDate = z.iso.date();
const precision = z.enum(["DAY", "MONTH", "YEAR"]);
const entityType = z.enum(["person", "state", "organization", "venue", "event"]);
const spanRef = z.strictObject({ text: z.string().min(1), occurrence: z.number().int().min(1).optional() });

const goldFile = z.strictObject({
  article: z.string().regex(/\.txt$/),
  title: z.string().min(1),
  publishedOn: isoDate,
  split: z.enum(["tune", "heldout"]),
  covers: z.array(z.enum(CASES)),
  known: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        type: entityType,
        aliases: z.array(z.string()).default([]),
        offices: z.array(z.strictObject({ title: z.string().min(1), state: z.string().min(1) })).default([]),
      }),
    )
    .default([]),
  entities: z.array(
    z.strictObject({ name: z.string().min(1), type: entityType, aliases: z.array(z.string()).default([]) }),
  ),
  statements: z
    .array(
      z.strictObject({
        speaker: z.string().min(1),
        kind: z.enum(["DIRECT_QUOTE", "REPORTED"]),
        spans: z.array(spanRef).min(1),
        saidOn: isoDate.optional(),
        datePrecision: precision.optional(),
        venue: z.string().optional(),
        mentions: z.array(z.string()).default([]),
        note: z.string().optional(),
      }),
    )
    .min(1),
  notStatements: z
    .array(z.strictObject({ text: z.string().min(1), occurrence: z.number().int().min(1).optional(), why: z.string() }))
    .default([]),
});

export interface GoldSpan {
  start: number;
  end: number;
}

export interface GoldEntity {
  name: string;
  type: z.infer<typeof entityType>;
  aliases: string[];
}

export interface GoldStatement {
  speaker: GoldEntity;
  kind: "DIRECT_QUOTE" | "REPORTED";
  spans: GoldSpan[];
  saidOn?: string;
  datePrecision?: "DAY" | "MONTH" | "YEAR";
}

export interface GoldArticle {
  name: string;
  text: string;
  title: string;
  publishedOn: string;
  split: "tune" | "heldout" | "seed";
  covers: string[];
  known: z.infer<typeof goldFile>["known"];
  entities: GoldEntity[];
  statements: GoldStatement[];
  notStatements: GoldSpan[];
}

/** Where `ref.text` stands in `text`; throws unless it occurs (at the given occurrence, or exactly once). */
export function locate(text: string, ref: z.infer<typeof spanRef>, where: string): GoldSpan {
  const starts: number[] = [];
  for (let i = text.indexOf(ref.text); i >= 0; i = text.indexOf(ref.text, i + 1)) starts.push(i);
  if (starts.length === 0) throw new Error(`${where}: ${JSON.stringify(ref.text)} is not in the article`);
  if (ref.occurrence === undefined && starts.length > 1) {
    throw new Error(`${where}: ${JSON.stringify(ref.text)} occurs ${starts.length} times; say which with "occurrence"`);
  }
  const start = starts[(ref.occurrence ?? 1) - 1];
  if (start === undefined) {
    throw new Error(`${where}: ${JSON.stringify(ref.text)} occurs ${starts.length} times, not ${ref.occurrence}`);
  }
  return { start, end: start + ref.text.length };
}

export function loadGoldArticle(file: string): GoldArticle {
  const name = path.basename(file, ".gold.json");
  const gold = goldFile.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const text = fs.readFileSync(path.join(path.dirname(file), gold.article), "utf8");
  const byName = new Map(gold.entities.map((e) => [e.name, e]));
  const statements = gold.statements.map((s, i) => {
    const where = `${name}: statements[${i}]`;
    const speaker = byName.get(s.speaker);
    if (!speaker) throw new Error(`${where}: speaker ${JSON.stringify(s.speaker)} is not one of entities[].name`);
    if ((s.saidOn === undefined) !== (s.datePrecision === undefined)) {
      throw new Error(`${where}: give saidOn and datePrecision together, or neither`);
    }
    for (const m of [...s.mentions, ...(s.venue ? [s.venue] : [])]) {
      if (!byName.has(m)) throw new Error(`${where}: ${JSON.stringify(m)} is not one of entities[].name`);
    }
    return {
      speaker,
      kind: s.kind,
      spans: s.spans.map((ref, j) => locate(text, ref, `${where}.spans[${j}]`)),
      saidOn: s.saidOn,
      datePrecision: s.datePrecision,
    };
  });
  return {
    name,
    text,
    title: gold.title,
    publishedOn: gold.publishedOn,
    split: gold.split,
    covers: gold.covers,
    known: gold.known,
    entities: gold.entities,
    statements,
    notStatements: gold.notStatements.map((ref, j) => locate(text, ref, `${name}: notStatements[${j}]`)),
  };
}

/** The seed article as gold: its hand-made dataset's statements, speakers by their names and aliases. */
export function loadSeedGold(file = SEED_DATASET): GoldArticle {
  const dataset = parseDataset(file, JSON.parse(fs.readFileSync(file, "utf8")));
  const text = fs.readFileSync(path.join(path.dirname(file), dataset.source.textFile ?? ""), "utf8");
  const entities = new Map<string, GoldEntity>();
  const add = (type: GoldEntity["type"], list: { id: string; name: string; aliases: string[] }[]) => {
    for (const e of list) entities.set(e.id, { name: e.name, type, aliases: e.aliases });
  };
  add("person", dataset.people);
  add("state", dataset.states);
  add("organization", dataset.organizations);
  add("venue", dataset.venues);
  add("event", dataset.events);
  return {
    name: path.basename(file, ".json"),
    text,
    title: dataset.source.title,
    publishedOn: dataset.source.publishedOn,
    split: "seed",
    covers: [],
    known: [],
    entities: [...entities.values()],
    statements: dataset.statements.map((s) => {
      const speaker = entities.get(s.speaker);
      if (!speaker) throw new Error(`${file}: ${s.id}: speaker ${s.speaker} is not in the dataset`);
      // The seed's quotation spans run from the opening mark through the attribution; the gold span is the words.
      const spans =
        s.kind === "DIRECT_QUOTE"
          ? s.evidence.map((e) => {
              const words = text.slice(e.start, e.end).match(/^["“]([^"”]+)["”]/);
              return words ? { start: e.start + 1, end: e.start + 1 + (words[1] ?? "").length } : e;
            })
          : s.evidence;
      return { speaker, kind: s.kind, spans, saidOn: s.saidOn, datePrecision: s.datePrecision };
    }),
    notStatements: [],
  };
}

/** Every gold article of the folder, in file-name order. */
export function loadGold(dir = GOLD_DIR): GoldArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => loadGoldArticle(path.join(dir, f)));
}
