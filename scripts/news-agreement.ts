// Agreement between the first annotation of the real-news gold (tests/gold/news/annotations/) and the independent
// second pass over a fifth of it (tests/gold/news/second-pass/): quotation spans found by both, their speakers and
// speaker types, quoted strings that one calls a quotation and the other not, reported statements, kinds of writing.
// Every disagreement is listed with its offsets so it can be settled by reading. `npm run eval:news -- --agreement`
import fs from "node:fs";
import path from "node:path";
import type { Span } from "../src/domain/spans";
import { nameKey } from "../src/domain/names";
import { ANNOTATIONS_DIR, SECOND_PASS_DIR, readAnnotation, type Annotation } from "./news-corpus";

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** Two annotators marked the same stretch: the overlap is at least half of the shorter span. */
const same = (a: Span, b: Span) => overlap(a, b) * 2 >= Math.min(a.end - a.start, b.end - b.start);
/** The same stretch, not one inside the other: the overlap is at least half of the longer span. */
const alike = (a: Span, b: Span) => overlap(a, b) * 2 >= Math.max(a.end - a.start, b.end - b.start);

function sameReferent(a: { speaker: string; speakerType: string }, b: { speaker: string; speakerType: string }) {
  if (a.speakerType === "unnamed" || b.speakerType === "unnamed") return a.speakerType === b.speakerType;
  const x = nameKey(a.speaker);
  const y = nameKey(b.speaker);
  return x === y || x.split(" ").at(-1) === y.split(" ").at(-1);
}

interface Tally {
  first: number;
  second: number;
  both: number;
  speakerSame: number;
  typeSame: number;
}
const tally = (): Tally => ({ first: 0, second: 0, both: 0, speakerSame: 0, typeSame: 0 });

type Attributed = Span & { speaker: string; speakerType: string };

function compare(a: readonly Attributed[], b: readonly Attributed[], t: Tally, label: string, out: string[]) {
  t.first += a.length;
  t.second += b.length;
  const used = new Set<Attributed>();
  for (const x of a) {
    const y = b.find((c) => !used.has(c) && same(x, c));
    if (!y) {
      out.push(`  ${label} ${x.start}-${x.end} only in the first pass (${x.speaker})`);
      continue;
    }
    used.add(y);
    t.both++;
    if (sameReferent(x, y)) t.speakerSame++;
    else out.push(`  ${label} ${x.start}-${x.end} speaker: first ${x.speaker}, second ${y.speaker}`);
    if (x.speakerType === y.speakerType) t.typeSame++;
  }
  for (const y of b)
    if (!used.has(y)) out.push(`  ${label} ${y.start}-${y.end} only in the second pass (${y.speaker})`);
}

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .sort();
}

const decision = (quote: boolean) => (quote ? "quotation" : "not a quotation");

export function agreementReport(): string {
  const second = files(SECOND_PASS_DIR);
  const quotes = tally();
  const reported = tally();
  let kinds = 0;
  let classified = 0;
  let classSame = 0;
  const out: string[] = [];
  const lines: string[] = [];
  let texts = 0;
  for (const rel of second) {
    const firstFile = path.join(ANNOTATIONS_DIR, rel);
    if (!fs.existsSync(firstFile)) {
      lines.push(`${rel}: no first-pass annotation`);
      continue;
    }
    const a: Annotation = readAnnotation(firstFile);
    const b: Annotation = readAnnotation(path.join(SECOND_PASS_DIR, rel));
    if (a.sha256 !== b.sha256) throw new Error(`${rel}: the two passes annotate different texts`);
    texts++;
    const diffs: string[] = [];
    if (a.kind === b.kind) kinds++;
    else diffs.push(`  kind: first ${a.kind}, second ${b.kind}`);
    compare(a.quotes, b.quotes, quotes, "quote", diffs);
    // Spans both passes decided on (quotation or not): did they decide the same?
    const decided = (x: Annotation) => [
      ...x.quotes.map((s) => ({ span: s, quote: true })),
      ...x.nonQuotes.map((s) => ({ span: s, quote: false })),
    ];
    for (const x of decided(a)) {
      const y = decided(b).find((c) => alike(x.span, c.span));
      if (!y) continue;
      classified++;
      if (x.quote === y.quote) classSame++;
      else diffs.push(`  ${x.span.start}-${x.span.end}: first ${decision(x.quote)}, second ${decision(y.quote)}`);
    }
    compare(a.reported, b.reported, reported, "reported", diffs);
    if (diffs.length) out.push(a.file, ...diffs);
  }
  const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : "—");
  const f1 = (t: Tally) => pct(2 * t.both, t.first + t.second);
  lines.unshift(
    `second pass: ${texts} texts (${second.length} files)`,
    `kind of writing: ${kinds} of ${texts} the same (${pct(kinds, texts)})`,
    `quotations: first ${quotes.first}, second ${quotes.second}, both ${quotes.both} (span F1 ${f1(quotes)}); ` +
      `speaker the same ${quotes.speakerSame} of ${quotes.both} (${pct(quotes.speakerSame, quotes.both)}), ` +
      `type the same ${pct(quotes.typeSame, quotes.both)}`,
    `quotation or not (spans both decided): ${classSame} of ${classified} the same (${pct(classSame, classified)})`,
    `reported: first ${reported.first}, second ${reported.second}, both ${reported.both} (span F1 ${f1(reported)}); ` +
      `speaker the same ${reported.speakerSame} of ${reported.both} (${pct(reported.speakerSame, reported.both)})`,
  );
  return [...lines, "", "disagreements:", ...out].join("\n");
}
