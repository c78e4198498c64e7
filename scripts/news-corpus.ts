// The real-news corpus as the evaluation reads it: the texts under NEWS_DIR (default ../shared/news, never copied
// into the project) and the project's own annotations of them (tests/gold/news/annotations/, format in the README
// there), which name each text by path and sha256 and give every span as UTF-16 offsets, never as text. GUM's 24
// annotated Wikinews articles are read from NEWS_DIR/gold/ in the same shape. A text whose hash differs from the one
// its annotation names is refused, so offsets never point into a changed text.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../src/config";
import { newsDir, type SplitEntry } from "./news-split";

export const ANNOTATIONS_DIR = path.join(projectRoot, "tests/gold/news/annotations");
export const SECOND_PASS_DIR = path.join(projectRoot, "tests/gold/news/second-pass");
export const SPLIT_FILE = path.join(projectRoot, "tests/gold/news/split.json");

export const KINDS = [
  "politics-diplomacy",
  "business",
  "sport",
  "courts-crime",
  "science-health",
  "technology",
  "society-culture",
  "disaster-accident",
  "interview",
] as const;
export type Kind = (typeof KINDS)[number];

export const SPEAKER_TYPES = ["person", "organization", "state", "unnamed"] as const;
export const MARKS = ["both", "open", "none"] as const;

const span = { start: z.number().int().min(0), end: z.number().int().min(1) };
const note = z.string().max(300).optional();

export const quoteSchema = z.strictObject({
  ...span,
  speaker: z.string().min(1),
  speakerType: z.enum(SPEAKER_TYPES),
  cue: z.string().min(1),
  marks: z.enum(MARKS),
  note,
});
export const nonQuoteSchema = z.strictObject({ ...span, reason: z.string().min(1), note });
export const reportedSchema = z.strictObject({
  ...span,
  speaker: z.string().min(1),
  speakerType: z.enum(SPEAKER_TYPES),
  cue: z.string().min(1),
  note,
});

export const annotationSchema = z.strictObject({
  file: z.string().regex(/\.txt$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(KINDS),
  /** Every reported statement of the text is listed (reported precision is counted only on such texts). */
  reportedComplete: z.boolean(),
  annotator: z.string().min(1),
  quotes: z.array(quoteSchema),
  nonQuotes: z.array(nonQuoteSchema),
  reported: z.array(reportedSchema),
  note,
});
export type Annotation = z.infer<typeof annotationSchema>;
export type GoldQuote = z.infer<typeof quoteSchema>;
export type GoldReported = z.infer<typeof reportedSchema>;

export interface NewsArticle {
  annotation: Annotation;
  text: string;
  collection: string;
  set: SplitEntry["set"];
  /** YYYY-MM-DD: the publication date the corpus gives. */
  publishedOn: string;
}

export const sha256 = (data: string | Buffer) => crypto.createHash("sha256").update(data).digest("hex");

export function readSplit(): SplitEntry[] {
  return JSON.parse(fs.readFileSync(SPLIT_FILE, "utf8")) as SplitEntry[];
}

function listJson(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Publication dates from the corpus' own metadata (gold/<id>.json, the collections' index.jsonl). */
function publicationDates(root: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const folder of ["wikinews", "more/globalvoices", "more/ussenate", "more/govuk"]) {
    const index = path.join(root, folder, "index.jsonl");
    if (!fs.existsSync(index)) continue;
    for (const line of fs.readFileSync(index, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { file: string; date: string };
      dates.set(`${folder}/${row.file}`, row.date);
    }
  }
  return dates;
}

/** Checks offsets against the text: in range, non-empty, no surrounding whitespace. Returns the problems. */
export function spanProblems(annotation: Annotation, text: string): string[] {
  const problems: string[] = [];
  const all = [
    ...annotation.quotes.map((s) => ["quote", s] as const),
    ...annotation.nonQuotes.map((s) => ["nonQuote", s] as const),
    ...annotation.reported.map((s) => ["reported", s] as const),
  ];
  for (const [what, s] of all) {
    const where = `${annotation.file} ${what} ${s.start}-${s.end}`;
    if (s.end > text.length || s.start >= s.end) problems.push(`${where}: outside the text (${text.length})`);
    else if (/^\s|\s$/.test(text.slice(s.start, s.end))) problems.push(`${where}: starts or ends with white space`);
  }
  return problems;
}

function goldOfGum(root: string, jsonFile: string): Annotation & { publishedOn: string } {
  const raw = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as {
    date: string;
    quotes: (GoldQuote & { text?: string; gumTag?: string })[];
    nonQuotes: { start: number; end: number; reason: string }[];
  };
  const file = `gold/${path.basename(jsonFile, ".json")}.txt`;
  return {
    file,
    sha256: sha256(fs.readFileSync(path.join(root, file))),
    kind: "society-culture",
    reportedComplete: false,
    annotator: "GUM gold (shared/news/gold)",
    quotes: raw.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      speaker: q.speaker,
      speakerType: q.speakerType,
      cue: q.cue,
      marks: q.marks,
    })),
    nonQuotes: raw.nonQuotes.map((n) => ({ start: n.start, end: n.end, reason: n.reason })),
    reported: [],
    publishedOn: raw.date,
  };
}

/** Kinds of writing of GUM's 24 articles, which its gold files do not record (tests/gold/news/gum-kinds.json). */
function gumKinds(): Record<string, Kind> {
  const file = path.join(projectRoot, "tests/gold/news/gum-kinds.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, Kind>) : {};
}

export function readAnnotation(file: string): Annotation {
  const parsed = annotationSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${path.relative(projectRoot, file)}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Every annotated article with its text and split. Throws on a missing text, a changed text (sha256) or a span
 * outside it, naming the file, so a broken annotation fails the evaluation instead of skewing it.
 */
export function loadNews(options: { root?: string; dir?: string; gum?: boolean } = {}): NewsArticle[] {
  const root = options.root ?? newsDir();
  const split = new Map(readSplit().map((e) => [e.file, e]));
  const dates = publicationDates(root);
  const kinds = gumKinds();
  const articles: NewsArticle[] = [];
  const add = (annotation: Annotation, publishedOn: string | undefined) => {
    const entry = split.get(annotation.file);
    if (!entry) throw new Error(`${annotation.file}: not in ${path.relative(projectRoot, SPLIT_FILE)}`);
    const textFile = path.join(root, annotation.file);
    if (!fs.existsSync(textFile)) throw new Error(`${annotation.file}: no such text under ${root} (set NEWS_DIR)`);
    const bytes = fs.readFileSync(textFile);
    if (sha256(bytes) !== annotation.sha256)
      throw new Error(`${annotation.file}: the text under ${root} is not the one annotated (sha256 differs)`);
    const text = bytes.toString("utf8");
    const problems = spanProblems(annotation, text);
    if (problems.length) throw new Error(problems.join("\n"));
    if (!publishedOn) throw new Error(`${annotation.file}: no publication date in the corpus metadata`);
    articles.push({ annotation, text, collection: entry.collection, set: entry.set, publishedOn });
  };
  if (options.gum !== false && !options.dir) {
    for (const json of listJson(path.join(root, "gold"))) {
      const gum = goldOfGum(root, json);
      const id = path.basename(json, ".json");
      add({ ...gum, kind: kinds[id] ?? gum.kind }, gum.publishedOn);
    }
  }
  for (const file of listJson(options.dir ?? ANNOTATIONS_DIR)) {
    const annotation = readAnnotation(file);
    add(annotation, dates.get(annotation.file));
  }
  return articles;
}
