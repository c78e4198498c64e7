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
  /** What a reader must know about this run (--note), shown under the title. */
  notes?: string[];
}

/**
 * From this size on, a database the scale run fills itself is filled by the bulk import (npm run import:bulk), which is
 * faster there: 1.6x at 100k, 2.3x at 1M (docs/loading-data.md, Bulk import); below it the loader, which the bulk
 * import's fixed costs (two JVM starts, index population) would outweigh.
 */
export const BULK_FROM = 100_000;

export async function runScale(
  sizes: number[],
  options: Omit<BenchOptions, "statements" | "contenders">,
  notes: string[] = [],
): Promise<ScaleReport> {
  const reports: Report[] = [];
  for (const statements of sizes) {
    options.log(`\n=== ${statements} statements ===`);
    const loadMethod = options.loadMethod ?? (statements >= BULK_FROM ? "bulk" : "loader");
    reports.push(await runBenchmark({ ...options, statements, loadMethod, contenders: ["limit", "ours"] }));
  }
  return { sizes, reports, ...(notes.length ? { notes } : {}) };
}

const contender = (who: Contender) => (who === "ours" ? "**this server**" : "limit");

/** Latency of every question by size, for this server and the limit; growth is the largest size over the smallest. */
function latencyTable({ reports, sizes }: ScaleReport, which: "p50" | "p99"): string[] {
  const lines = [
    "",
    `## ${which} latency (ms) by size; growth is largest size over smallest`,
    "",
    `| Question | Contender | ${sizes.map((s) => `${s}`).join(" | ")} | growth |`,
    `|---|---|${sizes.map(() => "---:").join("|")}|---:|`,
  ];
  for (const q of reports[0]?.questions ?? []) {
    for (const who of ["limit", "ours"] as const) {
      const values = reports.map((r) => {
        const run = answered(r, q.key, who);
        return which === "p50" ? run?.p50Ms : run?.p99Ms;
      });
      const a = values[0];
      const b = values[values.length - 1];
      const growth = a && b ? `${(b / a).toFixed(2)}×` : "–";
      lines.push(
        `| ${who === "limit" ? q.key : ""} | ${contender(who)} | ${values.map(fmt).join(" | ")} | ${growth} |`,
      );
    }
  }
  return lines;
}

const seconds = (ms: number) => (ms / 1000).toFixed(0);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
/** A run that got no answer (every request cut off by the load generator's timeout) has no latency. */
const answered = (r: Report, key: string, who: Contender) => {
  const run = r.questions.find((q) => q.key === key)?.runs[who];
  return run && run.requests > 0 ? run : undefined;
};
const p50 = (r: Report, key: string, who: Contender) => answered(r, key, who)?.p50Ms;
const fmt = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(2));

export function scaleMarkdown(scale: ScaleReport): string {
  const { reports, sizes } = scale;
  const first = reports[0];
  if (!first) return "# Scale run\n\nNo size was run.\n";
  const lines = [
    `# Scale run: ${sizes.join(", ")} statements`,
    "",
    ...(scale.notes ?? []).map((note) => `> ${note}\n>`),
    ...(scale.notes?.length ? [""] : []),
    ...header(first).filter((l) => /Machine|Neo4j|Load|Shared/.test(l)),
    "",
    "## Loading, store and memory",
    "",
    "Loaded by the project's loader (one transaction per 5000-statement file, after the schema) or by the bulk " +
      "import (`npm run import:bulk`: from the dataset files on disk to a started database with every constraint " +
      "and index online; its steps: conversion to CSV, Neo4j's importer, start, constraints and indexes). Store: " +
      "the database's files on disk. Heap: in use after the measurements (JMX), of the most the JVM may take. The " +
      "page cache is given its size up front; the JVM's resident memory shows how much of it (and of the heap) was " +
      "touched.",
    "",
    "| statements | loaded by | time s | statements/s | steps s | store MB | heap used MB | JVM RSS MB | " +
      "page cache MB |",
    "|---:|---|---:|---:|---|---:|---:|---:|---:|",
    ...reports.map((r) => {
      const st = r.storage;
      const steps = r.load.steps;
      return (
        `| ${r.statements} | ${r.load.method ?? "loader"}${r.load.reused ? " (an earlier run)" : ""} | ` +
        `${(r.load.ms / 1000).toFixed(1)} | ${r.load.rate} | ` +
        (steps ? [steps.convert, steps.importer, steps.start, steps.indexes].map(seconds).join(" + ") : "–") +
        ` | ${st ? mb(st.storeBytes) : "–"} | ${st ? `${mb(st.heapUsedBytes)} of ${mb(st.heapMaxBytes)}` : "–"} | ` +
        `${st?.jvmRssBytes !== undefined ? mb(st.jvmRssBytes) : "–"} | ${r.neo4j.settings?.pageCacheMb ?? "–"} |`
      );
    }),
    "",
  ];
  lines.push(...latencyTable(scale, "p50"), ...latencyTable(scale, "p99"));
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
    "## Requests/s by size",
    "",
    `| Question | Contender | ${sizes.join(" | ")} |`,
    `|---|---|${sizes.map(() => "---:").join("|")}|`,
  );
  for (const q of first.questions) {
    for (const who of ["limit", "ours"] as const) {
      const rps = reports.map((r) => r.questions.find((x) => x.key === q.key)?.runs[who]?.rps.toFixed(0) ?? "–");
      lines.push(`| ${who === "limit" ? q.key : ""} | ${contender(who)} | ${rps.join(" | ")} |`);
    }
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
