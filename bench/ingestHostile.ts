// How the extractor's time grows on texts made to be slow, next to a normal article: for each hostile shape, the CPU
// time to draft it at several sizes up to the article limit, as ms per KB (a linear extractor keeps that flat as the
// size grows), and the same for a 1,000-word invented wire report (bench/ingest.ts). In-process, one shape at a time,
// median of `--runs` runs. `npm run bench:ingest-hostile [-- --sizes 20000,100000,190000 --runs 3 --out FILE.md]`
import fs from "node:fs";
import { ingestText } from "../src/ingest/ingest";
import { article } from "./ingest";

const UNITS: Record<string, string> = {
  initials: "A. ",
  honorifics: "Dr. Mr. Mrs. Prof. Sir ",
  quotationMarks: "\"a\" 'b' “c” ‘d’ ",
  capitalisedPairs: "Anna Kovacs Jan Novak ",
  hyphenatedNames: "Jean-Luc O'Neil-Smith-Jones ",
  unclosedQuotations: 'He said: "We will ',
  whiteSpace: " \t\n",
  longSentence: "the minister said that we will go on and ",
  saidRuns: "Kovacs said, ",
  shortQuotations: '"We will go on," Kovacs said. ',
};

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const sizes = option("sizes", "20000,100000,190000").split(",").map(Number);
const runs = Number(option("runs", "3"));
const out = option("out", "");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function msFor(text: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    ingestText(text, { publishedOn: "2025-06-02" });
    const used = process.cpuUsage(started);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

ingestText(article(0), { publishedOn: "2025-06-02" }); // loads the language model once
const lines = [
  `# Extraction time per KB on hostile shapes (${new Date().toISOString().slice(0, 10)}, ${runs} runs, median CPU)`,
  "",
  `| shape | ${sizes.map((s) => `${Math.round(s / 1000)} KB: ms (ms/KB)`).join(" | ")} |`,
  `|---|${sizes.map(() => "---:").join("|")}|`,
];
const normal = article(1);
const normalMs = msFor(normal);
lines.push(
  `| a 1,000-word wire report (${Math.round(normal.length / 100) / 10} KB) | ` +
    sizes.map(() => `${normalMs.toFixed(0)} (${(normalMs / (normal.length / 1000)).toFixed(1)})`).join(" | ") +
    " |",
);
for (const [name, unit] of Object.entries(UNITS)) {
  const cells = sizes.map((size) => {
    const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const ms = msFor(text);
    return `${ms.toFixed(0)} (${(ms / (size / 1000)).toFixed(1)})`;
  });
  lines.push(`| ${name} | ${cells.join(" | ")} |`);
  console.error(`${name}: ${cells.join(", ")}`);
}
const report = lines.join("\n") + "\n";
process.stdout.write(report);
if (out) fs.writeFileSync(out, report);
