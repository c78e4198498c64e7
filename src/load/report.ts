// The lines a load prints: what was loaded, and what resolution decided (each merge and each doubt, with reasons).
import path from "node:path";
import type { Resolution } from "../domain/resolution";
import type { LoadResult } from "./loader";
import { ALREADY_UNDER_THIS_ID } from "./resolveDataset";

export function reportLines(result: LoadResult): string[] {
  const c = result.counts;
  const verb = result.dryRun ? "Would load" : "Loaded";
  const lines = [
    `${verb} ${path.relative(process.cwd(), result.file) || result.file}: ` +
      `${c.statements} statements, ${c.people} people, ${c.states} states, ` +
      `${c.organizations} organizations, ${c.venues} venues, ${c.events} events` +
      (result.dryRun ? " (dry run: nothing written)" : ` in ${result.ms} ms`),
  ];
  // A node met again under its own id needs no reason; every other merge says why (a drafted entity, whose id is
  // no identity, joins the node of its own id only when names and context say so).
  const byId = (r: Resolution) => r.into === r.incoming && r.reasons[0] === ALREADY_UNDER_THIS_ID;
  const known = result.resolution.filter((r) => r.decision === "MERGED" && byId(r)).length;
  const merged = result.resolution.filter((r) => r.decision === "MERGED" && !byId(r));
  const ambiguous = result.resolution.filter((r) => r.decision === "AMBIGUOUS");
  const fresh = result.resolution.filter((r) => r.decision === "NEW").length;
  lines.push(
    `  resolution: ${merged.length} merged, ${ambiguous.length} ambiguous, ${fresh} new, ${known} already in the graph`,
  );
  for (const r of merged) {
    const into = r.into === r.incoming ? "with the node of that id" : `into ${r.into}`;
    lines.push(`  MERGED ${r.incoming} ${into} (score ${r.score?.toFixed(2)}: ${r.reasons.join("; ")})`);
  }
  for (const r of ambiguous) {
    const candidates = r.candidates.map((x) => `${x.id} ${x.score.toFixed(2)}`).join(", ");
    lines.push(`  AMBIGUOUS ${r.incoming}, kept apart: ${r.reasons.join("; ")} (candidates: ${candidates})`);
  }
  return lines;
}
