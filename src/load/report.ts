// The lines a load prints: what was loaded, and what resolution decided (each merge and each doubt, with reasons).
import path from "node:path";
import type { LoadResult } from "./loader";

export function reportLines(result: LoadResult): string[] {
  const c = result.counts;
  const verb = result.dryRun ? "Would load" : "Loaded";
  const lines = [
    `${verb} ${path.relative(process.cwd(), result.file) || result.file}: ` +
      `${c.statements} statements, ${c.people} people, ${c.states} states, ` +
      `${c.organizations} organizations, ${c.venues} venues, ${c.events} events` +
      (result.dryRun ? " (dry run: nothing written)" : ` in ${result.ms} ms`),
  ];
  const known = result.resolution.filter((r) => r.decision === "MERGED" && r.into === r.incoming).length;
  const merged = result.resolution.filter((r) => r.decision === "MERGED" && r.into !== r.incoming);
  const ambiguous = result.resolution.filter((r) => r.decision === "AMBIGUOUS");
  const fresh = result.resolution.filter((r) => r.decision === "NEW").length;
  lines.push(
    `  resolution: ${merged.length} merged, ${ambiguous.length} ambiguous, ${fresh} new, ${known} already in the graph`,
  );
  for (const r of merged) {
    lines.push(`  MERGED ${r.incoming} into ${r.into} (score ${r.score?.toFixed(2)}: ${r.reasons.join("; ")})`);
  }
  for (const r of ambiguous) {
    const candidates = r.candidates.map((x) => `${x.id} ${x.score.toFixed(2)}`).join(", ");
    lines.push(`  AMBIGUOUS ${r.incoming}, kept apart: ${r.reasons.join("; ")} (candidates: ${candidates})`);
  }
  return lines;
}
