// The held-out third of the real news (issue 31) is fixed before any tuning: tests/gold/news/split.json must still
// name exactly the texts under NEWS_DIR (../shared/news), by path and sha256, a third of each collection held out.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../../src/config";
import { computeSplit, newsDir, type SplitEntry } from "../../../scripts/news-split";

const recorded = JSON.parse(
  fs.readFileSync(path.join(projectRoot, "tests/gold/news/split.json"), "utf8"),
) as SplitEntry[];

it("still matches the texts under NEWS_DIR, by path and content", () => {
  expect(fs.existsSync(newsDir())).toBe(true);
  expect(computeSplit()).toEqual(recorded);
});

it("holds out a third of every collection", () => {
  const collections = new Set(recorded.map((e) => e.collection));
  expect([...collections].sort()).toEqual(["globalvoices", "gold", "govuk", "ussenate", "wikinews"]);
  for (const c of collections) {
    const all = recorded.filter((e) => e.collection === c);
    expect(all.filter((e) => e.set === "heldout").length).toBe(Math.ceil(all.length / 3));
  }
});
