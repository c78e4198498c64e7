// Ids a mutation names: each must exist and be of a kind its field accepts (a speaker, a venue, a source, …).
import { InvalidInputError, NotFoundError } from "../../../domain/errors";
import { labelNouns, type Label } from "../../../domain/labels";
import type { Transaction } from "../../runtime/database";

export interface Reference {
  /** The input field naming the id, e.g. input.mentions[2]. */
  field: string;
  id: string;
  labels: readonly Label[];
}

/** Every referenced id exists (NotFoundError otherwise) and is of a kind the field accepts. */
export async function checkReferences(tx: Transaction, references: Reference[]): Promise<void> {
  if (references.length === 0) return;
  const rows = await tx.run<{ id: string; label: Label }>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'Entity']) AS label`,
    { ids: [...new Set(references.map((r) => r.id))] },
  );
  const labelOf = new Map(rows.map((r) => [r.id, r.label]));
  for (const ref of references) {
    const noun = labelNouns(ref.labels);
    const label = labelOf.get(ref.id);
    if (!label) throw new NotFoundError(ref.field, ref.id, noun);
    if (!ref.labels.includes(label)) {
      throw new InvalidInputError(ref.field, `${ref.id} is a ${label.toLowerCase()}, not a ${noun}`, ref.id);
    }
  }
}

/** The node the mutation is about (its `id` argument) is not there. */
export function notFound(label: Label, id: string): NotFoundError {
  return new NotFoundError("id", id, label.toLowerCase());
}
