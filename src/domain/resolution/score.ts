// One existing entity scored as the incoming one: its best name match plus the context that supports it (capped),
// or a contradiction that forbids the merge whatever the score (another label, another date, another given name).
import { compareContext } from "./context";
import { compareNames } from "./nameMatch";
import type { EntityProfile } from "./types";
import { CONTEXT } from "./weights";

/** Scores are rounded so that sums of weights compare as written (0.73 + 0.12 is 0.85, not 0.8499999). */
const rounded = (score: number): number => Math.round(score * 1000) / 1000;

/** Score of one existing entity as the incoming one (0..1), with reasons; contradiction non-null = never merge. */
export function scoreCandidate(
  incoming: EntityProfile,
  existing: EntityProfile,
): { score: number; reasons: string[]; contradiction: string | null } {
  if (incoming.label !== existing.label) {
    return { score: 0, reasons: [], contradiction: `different labels: ${incoming.label} vs ${existing.label}` };
  }
  const name = compareNames(incoming.label, incoming.names, existing.names);
  const context = compareContext(incoming, existing);
  const contradictions = [name.contradiction, context.contradiction].filter((c): c is string => c !== null);
  const reasons = [...name.reasons, ...context.reasons];
  if (contradictions.length > 0) return { score: 0, reasons, contradiction: contradictions.join("; ") };
  const score = Math.max(context.floor ?? 0, Math.min(1, name.score + Math.min(CONTEXT.cap, context.score)));
  return { score: rounded(score), reasons, contradiction: null };
}
