// How well article ingestion extracts who said what and when, on the hand-annotated gold set
// (tests/fixtures/ingest/, plus the seed article read from its hand-made dataset). Per article and overall:
// quotation-span recall (gold quotation spans the extractor found, attributed or not), speaker-attribution
// precision and recall of quotations (a quotation with a wrong speaker, or extracted where the gold has none, counts
// against precision), the same for reported speech, and date accuracy (saidOn and precision, over statements found
// with the right speaker). Exits non-zero below the bar. Run: npm run eval:ingest [-- --verbose]
import { nameKey } from "../src/domain/names";
import type { Span } from "../src/domain/spans";
import { extract, type ExtractedStatement } from "../src/ingest/extract";
import { loadGold, loadSeedGold, type GoldArticle, type GoldStatement } from "./ingest-gold";

/**
 * The bar: the issue's for attribution (a wrong speaker is worse than a missing one, so precision is held higher than
 * recall), and floors under quotation spans found and dates right so that neither slips unnoticed.
 */
export const THRESHOLDS = {
  attributionPrecision: 0.95,
  attributionRecall: 0.9,
  spanRecall: 0.95,
  dateAccuracy: 0.85,
} as const;

export interface Counts {
  goldSpans: number;
  foundSpans: number;
  goldQuotes: number;
  extractedQuotes: number;
  rightQuotes: number;
  recalledQuotes: number;
  goldReported: number;
  extractedReported: number;
  rightReported: number;
  recalledReported: number;
  dated: number;
  rightDates: number;
}

export interface ArticleResult {
  name: string;
  split: GoldArticle["split"];
  counts: Counts;
  problems: string[];
}

const zero = (): Counts => ({
  goldSpans: 0,
  foundSpans: 0,
  goldQuotes: 0,
  extractedQuotes: 0,
  rightQuotes: 0,
  recalledQuotes: 0,
  goldReported: 0,
  extractedReported: 0,
  rightReported: 0,
  recalledReported: 0,
  dated: 0,
  rightDates: 0,
});

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** A found span covers at least half of the gold span. */
const covers = (found: readonly Span[], gold: Span) => found.some((f) => overlap(f, gold) * 2 >= gold.end - gold.start);

function sameSpeaker(extracted: ExtractedStatement, gold: GoldStatement): boolean {
  const e = extracted.speaker;
  if (e.type !== gold.speaker.type) return false;
  const goldKeys = new Set([gold.speaker.name, ...gold.speaker.aliases].map(nameKey));
  return [e.name, ...e.aliases].some((n) => goldKeys.has(nameKey(n)));
}

export function evaluateArticle(article: GoldArticle): ArticleResult {
  const result = extract(article.text, {
    publishedOn: article.publishedOn,
    known: article.known.map((k) => ({ ...k, id: undefined })),
  });
  const counts = zero();
  const problems: string[] = [];
  const quote = (s: Span) => JSON.stringify(article.text.slice(s.start, s.end).slice(0, 70));

  for (const kind of ["DIRECT_QUOTE", "REPORTED"] as const) {
    const gold = article.statements.filter((s) => s.kind === kind);
    const extracted = result.statements.filter((s) => s.kind === kind);
    const matchOf = (e: ExtractedStatement) => gold.find((g) => g.spans.some((span) => covers(e.evidence, span)));
    let right = 0;
    const recalled = new Set<GoldStatement>();
    for (const e of extracted) {
      const g = matchOf(e);
      if (!g) {
        problems.push(`extra ${kind} by ${e.speaker.name}: ${quote(e.parts[0]!)}`);
        continue;
      }
      if (!sameSpeaker(e, g)) {
        problems.push(`wrong speaker ${e.speaker.name} (gold ${g.speaker.name}, via ${e.cue}): ${quote(g.spans[0]!)}`);
        continue;
      }
      right++;
      if (!recalled.has(g)) {
        recalled.add(g);
        if (g.saidOn || e.saidOn) {
          counts.dated++;
          if (g.saidOn === e.saidOn && g.datePrecision === e.datePrecision) counts.rightDates++;
          else
            problems.push(
              `date ${e.saidOn ?? "none"} ${e.datePrecision ?? ""} ` +
                `(gold ${g.saidOn ?? "none"} ${g.datePrecision ?? ""}): ${quote(g.spans[0]!)}`,
            );
        } else {
          counts.dated++;
          counts.rightDates++;
        }
      }
    }
    for (const g of gold)
      if (!recalled.has(g)) problems.push(`missed ${kind} by ${g.speaker.name}: ${quote(g.spans[0]!)}`);
    if (kind === "DIRECT_QUOTE") {
      counts.goldQuotes = gold.length;
      counts.extractedQuotes = extracted.length;
      counts.rightQuotes = right;
      counts.recalledQuotes = recalled.size;
      const found = [...extracted.flatMap((e) => e.evidence), ...result.unattributed.flatMap((u) => u.parts)];
      for (const g of gold) {
        for (const span of g.spans) {
          counts.goldSpans++;
          if (covers(found, span)) counts.foundSpans++;
        }
      }
    } else {
      counts.goldReported = gold.length;
      counts.extractedReported = extracted.length;
      counts.rightReported = right;
      counts.recalledReported = recalled.size;
    }
  }
  return { name: article.name, split: article.split, counts, problems };
}

export function sum(results: readonly { counts: Counts }[]): Counts {
  const total = zero();
  for (const r of results) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += r.counts[k];
  return total;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function figures(c: Counts) {
  return {
    spanRecall: ratio(c.foundSpans, c.goldSpans),
    attributionPrecision: ratio(c.rightQuotes, c.extractedQuotes),
    attributionRecall: ratio(c.recalledQuotes, c.goldQuotes),
    reportedPrecision: ratio(c.rightReported, c.extractedReported),
    reportedRecall: ratio(c.recalledReported, c.goldReported),
    dateAccuracy: ratio(c.rightDates, c.dated),
  };
}

export function evaluate(): { results: ArticleResult[]; total: Counts } {
  const results = [loadSeedGold(), ...loadGold()].map(evaluateArticle);
  return { results, total: sum(results) };
}

function row(name: string, c: Counts): string {
  const f = figures(c);
  const pct = (x: number) => x.toFixed(3).padStart(6);
  const cells = [f.spanRecall, f.attributionPrecision, f.attributionRecall, f.reportedPrecision, f.reportedRecall];
  return `${name.padEnd(48)} ${String(c.goldQuotes).padStart(3)} ${[...cells, f.dateAccuracy].map(pct).join(" ")}`;
}

if (require.main === module) {
  const verbose = process.argv.includes("--verbose");
  const { results, total } = evaluate();
  console.log(`${"article".padEnd(48)} quo  spanR  attrP  attrR   repP   repR  dateA`);
  for (const r of results) {
    console.log(row(`${r.name} (${r.split})`, r.counts));
    if (verbose) for (const p of r.problems) console.log(`    ${p}`);
  }
  for (const split of ["seed", "tune", "heldout"] as const) {
    const part = results.filter((r) => r.split === split);
    if (part.length) console.log(row(`all ${split} (${part.length})`, sum(part)));
  }
  console.log(row(`overall (${results.length})`, total));
  const f = figures(total);
  const failures = (Object.keys(THRESHOLDS) as (keyof typeof THRESHOLDS)[]).filter((k) => f[k] < THRESHOLDS[k]);
  if (failures.length) {
    console.log(`below the bar: ${failures.map((k) => `${k} ${f[k].toFixed(3)} < ${THRESHOLDS[k]}`).join(", ")}`);
    process.exitCode = 1;
  }
}
