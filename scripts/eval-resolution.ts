// How well entity resolution decides on the hand-labelled gold set (tests/gold/resolution/pairs.json): precision and
// recall of MERGED, false merges, and accuracy over all decisions. A false merge joins two real entities and is
// hard to undo, so the bar is zero of them; a missed merge only leaves a duplicate to review, so recall may fall
// short of 1. Exits non-zero below the bar. Run: npx tsx scripts/eval-resolution.ts [gold.json]
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { resolve, type Resolution, type ResolutionDecision } from "../src/domain/resolution";

export const GOLD_FILE = path.join(__dirname, "..", "tests", "gold", "resolution", "pairs.json");

/** The bar: no false merge at all, nine merges in ten found, and most decisions right (AMBIGUOUS counts as wrong). */
export const THRESHOLDS = { precision: 1, recall: 0.9, accuracy: 0.9 } as const;

const ids = z.array(z.string()).optional();
const profile = z.strictObject({
  id: z.string(),
  label: z.enum(["Person", "State", "Organization", "Venue", "Event"]),
  names: z.array(z.string()).min(1),
  isoCode: z.string().nullish(),
  kind: z.string().nullish(),
  states: ids,
  offices: z.array(z.strictObject({ state: z.string(), title: z.string() })).optional(),
  organizations: ids,
  locatedIn: ids,
  venues: ids,
  participants: ids,
  date: z.strictObject({ date: z.iso.date(), precision: z.enum(["DAY", "MONTH", "YEAR"]) }).nullish(),
});
const goldCase = z.strictObject({
  id: z.string(),
  incoming: profile,
  candidates: z.array(profile),
  expected: z.strictObject({ decision: z.enum(["MERGED", "NEW", "AMBIGUOUS"]), into: z.string().nullable() }),
});
const goldFile = z.strictObject({ about: z.string(), cases: z.array(goldCase).min(1) });

export type GoldCase = z.infer<typeof goldCase>;

export function loadGold(file = GOLD_FILE): GoldCase[] {
  const cases = goldFile.parse(JSON.parse(fs.readFileSync(file, "utf8"))).cases;
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`${file}: case id ${c.id} appears twice`);
    seen.add(c.id);
    if ((c.expected.decision === "MERGED") !== (c.expected.into !== null)) {
      throw new Error(`${file}: case ${c.id}: "into" is set exactly when the decision is MERGED`);
    }
  }
  return cases;
}

export interface Miss {
  id: string;
  expected: { decision: ResolutionDecision; into: string | null };
  actual: Resolution;
}

export interface Evaluation {
  cases: number;
  /** Right decision, and for MERGED the right entity. */
  correct: number;
  accuracy: number;
  /** MERGED decisions made / expected / made into the expected entity. */
  merged: number;
  expectedMerges: number;
  trueMerges: number;
  /** MERGED where the gold says NEW, AMBIGUOUS or another entity. */
  falseMerges: number;
  precision: number;
  recall: number;
  /** Decisions counted by expected → actual ("NEW → AMBIGUOUS"). */
  confusion: Record<string, number>;
  misses: Miss[];
}

export function evaluate(cases: readonly GoldCase[]): Evaluation {
  const misses: Miss[] = [];
  const confusion: Record<string, number> = {};
  let [correct, merged, expectedMerges, trueMerges] = [0, 0, 0, 0];
  for (const c of cases) {
    const actual = resolve(c.incoming, c.candidates);
    const { expected } = c;
    const key = `${expected.decision} → ${actual.decision}`;
    confusion[key] = (confusion[key] ?? 0) + 1;
    if (actual.decision === "MERGED") merged++;
    if (expected.decision === "MERGED") expectedMerges++;
    const right = actual.decision === expected.decision && actual.into === expected.into;
    if (right) correct++;
    else misses.push({ id: c.id, expected, actual });
    if (right && actual.decision === "MERGED") trueMerges++;
  }
  return {
    cases: cases.length,
    correct,
    accuracy: cases.length ? correct / cases.length : 1,
    merged,
    expectedMerges,
    trueMerges,
    falseMerges: merged - trueMerges,
    precision: merged ? trueMerges / merged : 1,
    recall: expectedMerges ? trueMerges / expectedMerges : 1,
    confusion,
    misses,
  };
}

/** The thresholds an evaluation falls short of, as sentences; empty when it meets them all. */
export function shortfalls(evaluation: Evaluation): string[] {
  const found: string[] = [];
  for (const measure of ["precision", "recall", "accuracy"] as const) {
    if (evaluation[measure] < THRESHOLDS[measure]) {
      found.push(`${measure} ${evaluation[measure].toFixed(3)} is below ${THRESHOLDS[measure]}`);
    }
  }
  return found;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export function report(evaluation: Evaluation): string {
  const e = evaluation;
  const lines = [
    `Entity resolution on ${e.cases} gold cases`,
    `  MERGED precision ${e.precision.toFixed(3)} (${e.trueMerges} of ${e.merged} merges right; ` +
      `${e.falseMerges} false merges)`,
    `  MERGED recall    ${e.recall.toFixed(3)} (${e.trueMerges} of ${e.expectedMerges} expected merges made)`,
    `  accuracy         ${e.accuracy.toFixed(3)} (${e.correct} of ${e.cases} decisions, ${percent(e.accuracy)})`,
    `  expected → decided: ` +
      Object.entries(e.confusion)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, n]) => `${key}: ${n}`)
        .join(", "),
  ];
  for (const miss of e.misses) {
    const { decision, into, score, reasons } = miss.actual;
    const expected = miss.expected.into ? `MERGED into ${miss.expected.into}` : miss.expected.decision;
    const actual = into ? `MERGED into ${into}` : decision;
    lines.push(`  miss ${miss.id}: expected ${expected}, decided ${actual} (score ${score}): ${reasons.join(" | ")}`);
  }
  return lines.join("\n");
}

function main(): void {
  const evaluation = evaluate(loadGold(process.argv[2] ?? GOLD_FILE));
  console.log(report(evaluation));
  const problems = shortfalls(evaluation);
  if (problems.length > 0) {
    console.error(`Below the bar (${JSON.stringify(THRESHOLDS)}): ${problems.join("; ")}`);
    process.exit(1);
  }
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
