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

/** The label of each referenced node there is, as a value of a RETURN: reads that check more in one query use it. */
export const REFERENCED_LABELS = `COLLECT {
       UNWIND $referenced AS id
       MATCH (n:Entity {id: id})
       RETURN {id: n.id, label: head([l IN labels(n) WHERE l <> 'Entity'])}
     } AS referenced`;

export type ReferencedLabel = { id: string; label: Label };

/** The ids to look up for REFERENCED_LABELS ($referenced). */
export const referencedIds = (references: readonly Reference[]) => [...new Set(references.map((r) => r.id))];

/** Every referenced id exists (NotFoundError otherwise) and is of a kind the field accepts. */
export async function checkReferences(tx: Transaction, references: Reference[]): Promise<void> {
  if (references.length === 0) return;
  const [row] = await tx.run<{ referenced: ReferencedLabel[] }>(`RETURN ${REFERENCED_LABELS}`, {
    referenced: referencedIds(references),
  });
  checkReferencedLabels(references, row!.referenced);
}

/** checkReferences on labels already read. */
export function checkReferencedLabels(references: readonly Reference[], rows: readonly ReferencedLabel[]): void {
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
