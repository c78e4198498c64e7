// The scale run: the same questions at several dataset sizes (this server and the limit), showing how latency grows
// with the data, and the bulk-load rate of each size.
import fs from "node:fs";
import path from "node:path";
import { runBenchmark, type BenchOptions, type Report } from "./run";
import { header, p50Target } from "./report";
import { BASELINES, type Contender } from "./questions";

export interface ScaleReport {
  sizes: number[];
  reports: Report[];
}

export async function runScale(
  sizes: number[],
  options: Omit<BenchOptions, "statements" | "contenders">,
): Promise<ScaleReport> {
  const reports: Report[] = [];
  for (const statements of sizes) {
    options.log(`\n=== ${statements} statements ===`);
    reports.push(await runBenchmark({ ...options, statements, contenders: ["limit", "ours"] }));
  }
  return { sizes, reports };
}

const p50 = (r: Report, key: string, who: Contender) => r.questions.find((q) => q.key === key)?.runs[who]?.p50Ms;
const fmt = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(2));

export function scaleMarkdown(scale: ScaleReport): string {
  const { reports, sizes } = scale;
  const first = reports[0];
  if (!first) return "# Scale run\n\nNo size was run.\n";
  const lines = [
    `# Scale run: ${sizes.join(", ")} statements`,
    "",
    ...header(first).filter((l) => /Machine|Neo4j|Load|Shared/.test(l)),
    "",
    "## Bulk load (the project's loader, one transaction per 5000-statement file)",
    "",
    "| statements | load time s | statements/s | note |",
    "|---:|---:|---:|---|",
    ...reports.map(
      (r) =>
        `| ${r.statements} | ${(r.load.ms / 1000).toFixed(1)} | ${r.load.rate} | ` +
        `${r.load.reused ? "loaded by an earlier run" : ""} |`,
    ),
    "",
    "## p50 latency (ms) by size; growth is largest size over smallest",
    "",
    `| Question | Contender | ${sizes.map((s) => `${s}`).join(" | ")} | growth |`,
    `|---|---|${sizes.map(() => "---:").join("|")}|---:|`,
  ];
  for (const q of first.questions) {
    for (const who of ["limit", "ours"] as const) {
      const values = reports.map((r) => p50(r, q.key, who));
      const a = values[0];
      const b = values[values.length - 1];
      const growth = a && b ? `${(b / a).toFixed(2)}×` : "–";
      lines.push(
        `| ${who === "limit" ? q.key : ""} | ${who === "ours" ? "**this server**" : "limit"} | ` +
          `${values.map(fmt).join(" | ")} | ${growth} |`,
      );
    }
  }
  lines.push(
    "",
    "## This server's p50 over the limit's by size (measured side by side in each size's run)",
    "",
    `| Question | ${sizes.join(" | ")} | target |`,
    `|---|${sizes.map(() => "---:").join("|")}|---|`,
  );
  for (const q of first.questions) {
    const ratios = reports.map((r) => {
      const ours = p50(r, q.key, "ours");
      const limit = p50(r, q.key, "limit");
      return ours !== undefined && limit ? `${(ours / limit).toFixed(2)}×` : "–";
    });
    lines.push(
      `| ${q.key} | ${ratios.join(" | ")} | ${BASELINES.has(q.key) ? "baseline" : `≤ ${p50Target(q.key)}×`} |`,
    );
  }
  lines.push(
    "",
    "## Requests/s by size (this server)",
    "",
    `| Question | ${sizes.join(" | ")} |`,
    `|---|${sizes.map(() => "---:").join("|")}|`,
  );
  for (const q of first.questions) {
    const rps = reports.map((r) => r.questions.find((x) => x.key === q.key)?.runs.ours?.rps.toFixed(0) ?? "–");
    lines.push(`| ${q.key} | ${rps.join(" | ")} |`);
  }
  return `${lines.join("\n")}\n`;
}

export function writeScale(scale: ScaleReport, dir: string, suffix = ""): { markdown: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const name = `scale-${scale.sizes.join("-")}${suffix}`;
  const markdown = path.join(dir, `${name}.md`);
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(markdown, scaleMarkdown(scale));
  fs.writeFileSync(json, `${JSON.stringify(scale, null, 2)}\n`);
  return { markdown, json };
}
