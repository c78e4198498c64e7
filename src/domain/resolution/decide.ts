// The decision over all candidates for one incoming entity: merge into the best when it is good enough and clearly
// better than the next, ask (AMBIGUOUS) when it is plausible but not certain, else a new entity. The result does not
// depend on the order the candidates come in.
import { scoreCandidate } from "./score";
import type { EntityProfile, Resolution, ResolutionCandidate } from "./types";
import { AMBIGUOUS_THRESHOLD, MERGE_MARGIN, MERGE_THRESHOLD } from "./weights";

interface Scored extends ResolutionCandidate {
  contradiction: string | null;
}

function scoreAll(incoming: EntityProfile, candidates: readonly EntityProfile[]): Scored[] {
  const scored = candidates
    // The caller handles an entity met again under its own id; here it would be its own best candidate.
    .filter((candidate) => candidate.id !== incoming.id)
    .map((candidate): Scored => {
      const { score, reasons, contradiction } = scoreCandidate(incoming, candidate);
      const why = contradiction === null ? reasons : [`rejected: ${contradiction}`, ...reasons];
      return { id: candidate.id, score, reasons: why, contradiction };
    })
    // Best first; at equal scores a contradicted candidate after the others, then by id, for a stable order.
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(a.contradiction !== null) - Number(b.contradiction !== null) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  // A candidate given twice counts once, with its better score (the first after sorting).
  return scored.filter((candidate, i) => scored.findIndex((other) => other.id === candidate.id) === i);
}

const alike = (a: number, b: number): boolean => Math.round((a - b) * 1000) <= MERGE_MARGIN * 1000;

/** The decision over all candidates. */
export function resolve(incoming: EntityProfile, candidates: readonly EntityProfile[]): Resolution {
  const scored = scoreAll(incoming, candidates);
  const listed = scored.map(({ id, score, reasons }) => ({ id, score, reasons }));
  const decided = (decision: Resolution["decision"], reasons: string[], into: string | null = null): Resolution => ({
    incoming: incoming.id,
    decision,
    into,
    score: scored[0]?.score ?? null,
    reasons,
    candidates: listed,
  });
  const [best, second] = scored;
  if (!best) return decided("NEW", ["no candidate shares a name key"]);
  // Contradicted candidates sort last among those at 0, so a contradicted best means every candidate is.
  if (best.contradiction !== null) {
    return decided(
      "NEW",
      scored.map((candidate) => `${candidate.id} rejected: ${candidate.contradiction}`),
    );
  }
  if (best.score < AMBIGUOUS_THRESHOLD) {
    return decided("NEW", [
      `best candidate ${best.id} scores ${best.score}, below ${AMBIGUOUS_THRESHOLD}`,
      ...best.reasons,
    ]);
  }
  if (best.score < MERGE_THRESHOLD) {
    const why = `best candidate ${best.id} scores ${best.score}, below the merge threshold ${MERGE_THRESHOLD}`;
    return decided("AMBIGUOUS", [why, ...best.reasons]);
  }
  if (second && alike(best.score, second.score)) {
    const why = `two candidates score alike: ${best.id} (${best.score}) and ${second.id} (${second.score})`;
    return decided("AMBIGUOUS", [why]);
  }
  return decided("MERGED", best.reasons, best.id);
}

/** resolve() without the candidates the input says it is not (distinctFrom), saying so in the reasons. */
export function resolveExcept(
  incoming: EntityProfile,
  candidates: readonly EntityProfile[],
  distinctFrom: ReadonlySet<string>,
): Resolution {
  const resolution = resolve(
    incoming,
    candidates.filter((c) => !distinctFrom.has(c.id)),
  );
  const excluded = candidates.filter((c) => distinctFrom.has(c.id)).map((c) => c.id);
  if (excluded.length > 0) resolution.reasons.push(`distinctFrom excludes ${excluded.join(", ")}`);
  return resolution;
}
