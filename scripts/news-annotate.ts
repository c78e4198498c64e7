// The annotators' tool for the real-news gold (tests/gold/news/annotations/README.md). Annotators read the texts under
// NEWS_DIR and write a working file outside the project in which spans are given by their words; `write` turns it
// into the project's annotation file, in which spans are offsets only (the texts never enter the project).
//
//   npx tsx scripts/news-annotate.ts candidates more/govuk/x.txt   every pair of quotation marks and every block
//                                                                    quotation, with offsets and context
//   npx tsx scripts/news-annotate.ts find more/govuk/x.txt "words" [occurrence]
//   npx tsx scripts/news-annotate.ts write WORKING.json [--out DIR]  resolve, check, write the annotation file
//   npx tsx scripts/news-annotate.ts show ANNOTATION.json            print each span's words, for review
//
// A working file is an annotation (format in the README) whose spans may be given as {"text": "exact words",
// "occurrence": n} (n counts from 1, default 1) instead of start/end; "file" is the text's path under NEWS_DIR, and
// "sha256" may be left out.
import fs from "node:fs";
import path from "node:path";
import { ANNOTATIONS_DIR, annotationSchema, sha256, spanProblems, type Annotation } from "./news-corpus";
import { newsDir } from "./news-split";

interface Located {
  start: number;
  end: number;
}
type Working = Omit<Annotation, "sha256" | "quotes" | "nonQuotes" | "reported"> & {
  sha256?: string;
  quotes: Record<string, unknown>[];
  nonQuotes: Record<string, unknown>[];
  reported: Record<string, unknown>[];
};

const readText = (file: string) => fs.readFileSync(path.join(newsDir(), file), "utf8");

function occurrences(text: string, words: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) found.push(at);
  return found;
}

function locate(text: string, entry: Record<string, unknown>, where: string): Located {
  if (typeof entry.start === "number" && typeof entry.end === "number") return { start: entry.start, end: entry.end };
  const words = entry.text;
  if (typeof words !== "string" || !words) throw new Error(`${where}: give "text" (exact words) or start and end`);
  const found = occurrences(text, words);
  const n = typeof entry.occurrence === "number" ? entry.occurrence : 1;
  if (found.length === 0) throw new Error(`${where}: the words are not in the text: ${JSON.stringify(words)}`);
  if (n > found.length) throw new Error(`${where}: occurrence ${n} asked, the words occur ${found.length} times`);
  if (found.length > 1 && typeof entry.occurrence !== "number")
    throw new Error(`${where}: the words occur ${found.length} times; say which with "occurrence"`);
  return { start: found[n - 1]!, end: found[n - 1]! + words.length };
}

function resolved(text: string, entries: Record<string, unknown>[], what: string): Record<string, unknown>[] {
  return entries.map((entry, i) => {
    const { text: _words, occurrence: _n, start: _s, end: _e, ...rest } = entry;
    return { ...locate(text, entry, `${what}[${i}]`), ...rest };
  });
}

const OPENING = new Set(['"', "“", "‘", "«"]);
const CLOSING = new Set(['"', "”", "’", "»"]);

/** Warnings a reviewer should look at: marks that the `marks` field does not describe. */
function markWarnings(annotation: Annotation, text: string): string[] {
  const warnings: string[] = [];
  for (const q of annotation.quotes) {
    const before = text
      .slice(Math.max(0, q.start - 2), q.start)
      .trimStart()
      .slice(-1);
    const after = text
      .slice(q.end, q.end + 2)
      .trimEnd()
      .slice(0, 1);
    const opened = OPENING.has(before);
    const closed = CLOSING.has(after);
    const expect = q.marks === "both" ? opened && closed : q.marks === "open" ? opened : !opened;
    if (!expect) warnings.push(`quote ${q.start}-${q.end} marks "${q.marks}" but sees [${before}|${after}]`);
  }
  return warnings;
}

function write(workingFile: string, outDir: string): void {
  const working = JSON.parse(fs.readFileSync(workingFile, "utf8")) as Working;
  const text = readText(working.file);
  const annotation = annotationSchema.parse({
    ...working,
    sha256: sha256(fs.readFileSync(path.join(newsDir(), working.file))),
    quotes: resolved(text, working.quotes ?? [], "quotes"),
    nonQuotes: resolved(text, working.nonQuotes ?? [], "nonQuotes"),
    reported: resolved(text, working.reported ?? [], "reported"),
  });
  const byStart = <T extends Located>(a: T, b: T) => a.start - b.start;
  annotation.quotes.sort(byStart);
  annotation.nonQuotes.sort(byStart);
  annotation.reported.sort(byStart);
  const problems = spanProblems(annotation, text);
  if (problems.length) throw new Error(problems.join("\n"));
  const out = path.join(
    outDir,
    path.dirname(annotation.file).replace(/^more\//, ""),
    path.basename(annotation.file, ".txt") + ".json",
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(annotation, null, 2)}\n`);
  console.log(
    `${out}: ${annotation.quotes.length} quotations, ${annotation.nonQuotes.length} non-quotations, ` +
      `${annotation.reported.length} reported`,
  );
  for (const w of markWarnings(annotation, text)) console.log(`  check: ${w}`);
}

function show(file: string): void {
  const annotation = annotationSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const text = readText(annotation.file);
  const words = (s: Located) => JSON.stringify(text.slice(s.start, s.end));
  console.log(`${annotation.file} (${annotation.kind}, ${annotation.annotator})`);
  for (const q of annotation.quotes)
    console.log(`Q ${q.start} ${q.speaker} [${q.speakerType}, ${q.cue}, ${q.marks}] ${words(q)}`);
  for (const n of annotation.nonQuotes) console.log(`N ${n.start} (${n.reason}) ${words(n)}`);
  for (const r of annotation.reported)
    console.log(`R ${r.start} ${r.speaker} [${r.speakerType}, ${r.cue}] ${words(r)}`);
  for (const w of markWarnings(annotation, text)) console.log(`  check: ${w}`);
}

/** Pairs of quotation marks within each paragraph, and the block quotations the index lists. */
function candidates(file: string): void {
  const text = readText(file);
  const context = (s: number, e: number) => ({
    before: text.slice(Math.max(0, s - 100), s),
    text: text.slice(s, e),
    after: text.slice(e, e + 100),
  });
  const out: Record<string, unknown>[] = [];
  let paragraphStart = 0;
  for (const paragraph of text.split(/\n\n/)) {
    const straight: number[] = [];
    const curly: number[] = [];
    const single: number[] = [];
    for (let i = 0; i < paragraph.length; i++) {
      const c = paragraph[i]!;
      const at = paragraphStart + i;
      if (c === '"') straight.push(at);
      else if (c === "“") curly.push(at);
      else if (c === "”" && curly.length) out.push({ kind: "curly", start: curly.pop()! + 1, end: at });
      else if (c === "‘") single.push(at);
      else if (c === "’" && single.length && !/\p{L}/u.test(text[at + 1] ?? ""))
        out.push({ kind: "single", start: single.pop()! + 1, end: at });
    }
    for (let i = 0; i + 1 < straight.length; i += 2)
      out.push({ kind: "straight", start: straight[i]! + 1, end: straight[i + 1]! });
    if (straight.length % 2)
      out.push({ kind: "straight-unclosed", start: straight.at(-1)! + 1, end: paragraphStart + paragraph.length });
    for (const open of curly)
      out.push({ kind: "curly-unclosed", start: open + 1, end: paragraphStart + paragraph.length });
    paragraphStart += paragraph.length + 2;
  }
  const indexFile = path.join(newsDir(), path.dirname(file), "index.jsonl");
  if (fs.existsSync(indexFile)) {
    for (const line of fs.readFileSync(indexFile, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { file: string; blockquotes?: [number, number][] };
      if (row.file !== path.basename(file)) continue;
      for (const [start, end] of row.blockquotes ?? []) out.push({ kind: "blockquote", start, end });
    }
  }
  out.sort((a, b) => (a.start as number) - (b.start as number));
  for (const c of out) Object.assign(c, context(c.start as number, c.end as number));
  console.log(JSON.stringify({ file, length: text.length, candidates: out }, null, 1));
}

function main(argv: string[]): void {
  const [command, ...args] = argv;
  const outAt = args.indexOf("--out");
  const outDir = outAt >= 0 ? path.resolve(args[outAt + 1]!) : ANNOTATIONS_DIR;
  if (command === "candidates" && args[0]) candidates(args[0]);
  else if (command === "find" && args[0] && args[1]) {
    const text = readText(args[0]);
    const found = occurrences(text, args[1]);
    if (!found.length) console.log("not found");
    found.forEach((at, i) => console.log(`occurrence ${i + 1}: start ${at} end ${at + args[1]!.length}`));
  } else if (command === "write" && args[0]) write(args[0], outDir);
  else if (command === "show" && args[0]) show(args[0]);
  else {
    console.error(
      "usage: news-annotate.ts candidates FILE | find FILE WORDS | write WORKING.json [--out DIR] | show FILE",
    );
    process.exitCode = 2;
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
