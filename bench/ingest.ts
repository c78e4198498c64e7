// How fast article ingestion runs: the CPU time to extract and draft one 1,000-word article (median of many runs,
// after the first, which also loads the language model), and the wall time of `npm run ingest -- FOLDER` on 1,000
// articles, the CLI as a user runs it (a progress bar, one draft per article, no server). The articles are written
// here from templates with invented names, in the shape of wire copy: quotations in every style, attributions
// before and after, pronouns, reported speech, dates. `npm run bench:ingest [-- --articles 1000]`
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ingestText } from "../src/ingest/ingest";

const FIRST = ["Anna", "Marek", "Ilona", "Tomas", "Petra", "Jonas", "Lena", "Viktor", "Sara", "Emil"];
const LAST = ["Kovacs", "Brenner", "Sokol", "Horak", "Lindqvist", "Moreau", "Novak", "Varga", "Keller", "Dunca"];
const PLACES = ["Vienna", "Prague", "Geneva", "Warsaw", "Riga", "Lisbon"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/** A deterministic pseudo-random sequence, so every run benches the same articles. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** An invented wire report of about `words` words. */
export function article(n: number, words = 1000): string {
  const r = random(n + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const place = pick(PLACES);
  const paragraphs = [
    `${place.toUpperCase()}: Talks on the regional energy grid resumed on ${pick(DAYS)} after a week of delays.`,
  ];
  while (paragraphs.join(" ").split(/\s+/).length < words) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const day = pick(DAYS);
    switch (Math.floor(r() * 5)) {
      case 0:
        paragraphs.push(`"We have waited long enough for a decision on the interconnector," ${name} said on ${day}.`);
        break;
      case 1:
        paragraphs.push(
          `${name}, the grid operator's chief executive, told reporters: “Nobody in ${place} wants a winter of cuts.”`,
        );
        break;
      case 2:
        paragraphs.push(
          `${name} met ministers in ${place} on ${day}. ` +
            `'The numbers do not add up,' ${name.split(" ")[1]} said. 'Not yet.'`,
        );
        break;
      case 3:
        paragraphs.push(
          `${name} said on ${day} that the consortium would publish its figures before the end of the month.`,
        );
        break;
      default:
        paragraphs.push(
          `Engineers have spent months on the "stress tests" that the regulator asked for, according to people ` +
            "familiar with the work, and the results are due shortly.",
        );
    }
  }
  return `${paragraphs.join("\n\n")}\n`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function main() {
  const count = Number(process.argv[process.argv.indexOf("--articles") + 1]) || 1000;
  const text = article(0);
  const words = text.split(/\s+/).filter(Boolean).length;
  const cpu = (fn: () => void) => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  const first = cpu(() => ingestText(text, { publishedOn: "2025-06-06" }));
  const runs = Array.from({ length: 30 }, (_, i) => cpu(() => ingestText(article(i), { publishedOn: "2025-06-06" })));
  const statements = ingestText(text, { publishedOn: "2025-06-06" }).dataset.statements.length;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  for (let i = 0; i < count; i++)
    fs.writeFileSync(path.join(dir, `2025-06-06-article-${String(i).padStart(4, "0")}.txt`), article(i, 400));
  const started = process.hrtime.bigint();
  const cli = spawnSync(
    path.join(__dirname, "..", "node_modules/.bin/tsx"),
    [path.join(__dirname, "..", "src/cli/ingest.ts"), dir],
    {
      encoding: "utf8",
      env: { ...process.env, GRAPHQL_URL: "http://127.0.0.1:9/graphql" },
    },
  );
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const drafts = fs.readdirSync(dir).filter((f) => f.endsWith(".draft.json")).length;
  fs.rmSync(dir, { recursive: true, force: true });
  if (cli.status !== 0) throw new Error(`npm run ingest failed (${cli.status}): ${cli.stderr}`);

  console.log(
    `one article of ${words} words (${statements} statements): ${median(runs).toFixed(1)} ms CPU median of ` +
      `${runs.length}, first run ${first.toFixed(0)} ms (loads the language model)`,
  );
  console.log(
    `npm run ingest -- FOLDER with ${count} articles of ~400 words: ${wallS.toFixed(1)} s wall, ${drafts} drafts; ` +
      (cli.stdout.trim().split("\n").pop() ?? ""),
  );
}

if (require.main === module) main();
