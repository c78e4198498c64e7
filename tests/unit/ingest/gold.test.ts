// The ingestion gold set holds together: every span found once in its article, enough articles and quotations, a
// third held out, every case of the issue covered by at least one article.
import { CASES, loadGold, loadSeedGold } from "../../../scripts/ingest-gold";

describe("the ingestion gold set", () => {
  const articles = loadGold();
  const quotations = articles.flatMap((a) => a.statements.filter((s) => s.kind === "DIRECT_QUOTE"));

  it("has at least 12 written articles and 80 quotations, a third of the articles held out", () => {
    expect(articles.length).toBeGreaterThanOrEqual(12);
    expect(quotations.length).toBeGreaterThanOrEqual(80);
    const heldout = articles.filter((a) => a.split === "heldout").length;
    expect(heldout / articles.length).toBeGreaterThanOrEqual(1 / 3 - 0.01);
  });

  it("covers every case of the issue", () => {
    const covered = new Set(articles.flatMap((a) => a.covers));
    expect(CASES.filter((c) => !covered.has(c))).toEqual([]);
  });

  it("reads the seed article's statements with their words located", () => {
    const seed = loadSeedGold();
    const quotes = seed.statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes.map((q) => seed.text.slice(q.spans[0]!.start, q.spans[0]!.end))).toEqual([
      "First - a full and unconditional ceasefire. Second - the release of prisoners. " +
        "Third - the return of abducted children,",
      "The key issues can only be resolved by the leaders,",
    ]);
    expect(seed.statements).toHaveLength(11);
  });
});
