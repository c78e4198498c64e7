// The ingestion gold set in the unit tier (scripts/eval-ingest.ts has the bar and why; `npm run eval:ingest --
// --verbose` prints every miss): speakers of quotations found with precision ≥ 0.95 and recall ≥ 0.90, and every
// quotation of the seed article found with its hand-made speaker.
import { evaluate, evaluateArticle, figures, THRESHOLDS } from "../../../scripts/eval-ingest";
import { loadSeedGold } from "../../../scripts/ingest-gold";

describe("article ingestion on the gold set", () => {
  const { results, total } = evaluate();
  const overall = figures(total);

  it("meets the bar for speaker attribution over all the gold articles", () => {
    expect(results.length).toBeGreaterThanOrEqual(13);
    expect(overall.attributionPrecision).toBeGreaterThanOrEqual(THRESHOLDS.attributionPrecision);
    expect(overall.attributionRecall).toBeGreaterThanOrEqual(THRESHOLDS.attributionRecall);
  });

  it("finds every quotation of the seed article with its speaker and date", () => {
    const seed = evaluateArticle(loadSeedGold());
    expect(seed.counts).toMatchObject({ goldQuotes: 2, extractedQuotes: 2, rightQuotes: 2, recalledQuotes: 2 });
    expect(seed.problems.filter((p) => !p.includes("REPORTED") && !p.startsWith("date none"))).toEqual([]);
  });

  it("finds nearly every quotation span, attributed or not, and dates what it attributes", () => {
    expect(overall.spanRecall).toBeGreaterThanOrEqual(THRESHOLDS.spanRecall);
    expect(overall.dateAccuracy).toBeGreaterThanOrEqual(THRESHOLDS.dateAccuracy);
  });
});
