// The held-out third of the real news in ../shared/news (NEWS_DIR), chosen before any tuning of attribution on it
// and recorded in tests/gold/news/split.json: within each collection (gold, wikinews, globalvoices, ussenate, govuk)
// the texts are ordered by a seeded hash of their file names and the first third is held out. The extractor is tuned
// on the rest only; the held-out figures are quoted without reading those articles' errors one by one. Each entry
// names its text by path and sha256, never by content. `npx tsx scripts/news-split.ts [--check]` writes the file, or
// with --check says whether it still matches the texts.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/config";

const SEED = "who-said-what news split 2026-12-06";
const OUT = path.join(projectRoot, "tests/gold/news/split.json");

export interface SplitEntry {
  file: string;
  collection: string;
  sha256: string;
  set: "heldout" | "tune";
}

export const newsDir = () => path.resolve(projectRoot, process.env.NEWS_DIR ?? "../shared/news");

const sha256 = (data: string | Buffer) => crypto.createHash("sha256").update(data).digest("hex");

function collections(root: string): [string, string][] {
  const folders: [string, string][] = [
    ["gold", "gold"],
    ["wikinews", "wikinews"],
    ["globalvoices", "more/globalvoices"],
    ["ussenate", "more/ussenate"],
    ["govuk", "more/govuk"],
  ];
  return folders.filter(([, folder]) => fs.existsSync(path.join(root, folder)));
}

export function computeSplit(root = newsDir()): SplitEntry[] {
  const entries: SplitEntry[] = [];
  for (const [collection, folder] of collections(root)) {
    const files = fs
      .readdirSync(path.join(root, folder))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => `${folder}/${f}`)
      .sort((a, b) => sha256(`${SEED}:${a}`).localeCompare(sha256(`${SEED}:${b}`)));
    const heldOut = Math.ceil(files.length / 3);
    files.forEach((file, i) =>
      entries.push({
        file,
        collection,
        sha256: sha256(fs.readFileSync(path.join(root, file))),
        set: i < heldOut ? "heldout" : "tune",
      }),
    );
  }
  return entries.sort((a, b) => a.file.localeCompare(b.file));
}

function main(): number {
  const split = computeSplit();
  if (split.length === 0) {
    console.error(`No news texts under ${newsDir()} (set NEWS_DIR)`);
    return 1;
  }
  if (process.argv.includes("--check")) {
    const recorded = JSON.parse(fs.readFileSync(OUT, "utf8")) as SplitEntry[];
    const same = JSON.stringify(recorded) === JSON.stringify(split);
    console.log(same ? `${OUT}: matches ${split.length} texts` : `${OUT}: differs from the texts under ${newsDir()}`);
    return same ? 0 : 1;
  }
  fs.writeFileSync(OUT, `${JSON.stringify(split, null, 2)}\n`);
  const held = split.filter((e) => e.set === "heldout").length;
  console.log(`${OUT}: ${split.length} texts, ${held} held out`);
  return 0;
}

if (require.main === module) process.exitCode = main();
