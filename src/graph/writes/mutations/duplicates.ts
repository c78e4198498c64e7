// A curator's create* goes through entity resolution like an imported entity: an input that is a node already there
// is refused (DuplicateEntityError names it, with the score and reasons), unless it says distinctFrom.
import { DuplicateEntityError } from "../../../domain/errors";
import { lookupKeys, resolveExcept, type EntityProfile, type ResolvableLabel } from "../../../domain/resolution";
import type { Transaction } from "../../runtime/database";
import { findCandidates, knownIds } from "../../reads/resolutionReads";
import type { EntityChanges } from "./inputs";

export async function refuseDuplicate(tx: Transaction, label: ResolvableLabel, id: string, input: EntityChanges) {
  await lockNames(tx, label, [input.name ?? "", ...(input.aliases ?? [])]);
  const links = [input.state, input.locatedIn, input.venue, ...(input.participants ?? []).map((p) => p.id)];
  const known = await knownIds(
    tx,
    [...(input.distinctFrom ?? []), ...links].filter((x): x is string => !!x),
  );
  const to = (x: string | null | undefined) => (x ? [known.get(x) ?? x] : []);
  const profile: EntityProfile = {
    id,
    label,
    names: [input.name ?? "", ...(input.aliases ?? [])].filter(Boolean),
    isoCode: input.isoCode ?? null,
    kind: input.kind ?? null,
    states: to(input.state),
    locatedIn: to(input.locatedIn),
    venues: to(input.venue),
    participants: (input.participants ?? []).flatMap((p) => to(p.id)),
    date: input.date ? { date: input.date, precision: input.datePrecision ?? "DAY" } : null,
  };
  const candidates = await findCandidates(tx, label, [profile]);
  const excluded = new Set((input.distinctFrom ?? []).map((x) => known.get(x) ?? x));
  const resolution = resolveExcept(profile, candidates.get(id) ?? [], excluded);
  if (resolution.decision === "MERGED" && resolution.into) {
    throw new DuplicateEntityError(resolution.into, resolution.score ?? 1, resolution.reasons);
  }
}

/**
 * Creates of the same name run one after another: each takes a write lock on the name's key node (created if need
 * be) before it looks for candidates, so the second sees the first's node once that one commits.
 */
async function lockNames(tx: Transaction, label: ResolvableLabel, names: string[]): Promise<void> {
  const keys = lookupKeys(label, names.filter(Boolean)).filter((key) => key.includes("|"));
  await tx.run(
    `UNWIND $keys AS key
     MERGE (k:NameKey {key: key})
     SET k.locked = true
     REMOVE k.locked`,
    { keys },
  );
}
