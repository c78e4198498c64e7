// Taking back everything one source said, for a reload of its dataset (which then says it again) and for
// deleteSource: its claims, its statements' evidence and links, its links between entities. What it touched is
// settled afterwards: statements no source reports any more are deleted, and the others' values chosen again from
// the claims that remain.
import { materialise, materialiseStatements, removeClaimsOfSource } from "./claims";
import type { Transaction } from "../runtime/database";
import {
  deleteUnclaimed,
  settleSingleSources,
  deleteUnreported,
  forgetStatementsOfSource,
  removeRelationshipsOfSource,
} from "./datasetWrites";

export interface Withdrawn {
  /** Entities the source made claims about. */
  entities: string[];
  /** Statements it made claims about or reported. */
  statements: string[];
}

export async function withdrawSource(tx: Transaction, sourceId: string): Promise<Withdrawn> {
  const claimed = await removeClaimsOfSource(tx, sourceId);
  const reported = await forgetStatementsOfSource(tx, sourceId);
  await removeRelationshipsOfSource(tx, sourceId);
  return { entities: claimed.entities, statements: [...new Set([...claimed.statements, ...reported])] };
}

/**
 * After a withdrawal (and whatever was written since): deletes the statements left without evidence and chooses the
 * values of the rest, with those of `also` (entities and statements written since). Node ids may change here.
 */
export async function settle(tx: Transaction, withdrawn: Withdrawn, also: Withdrawn): Promise<void> {
  await deleteUnreported(tx, withdrawn.statements);
  await deleteUnclaimed(tx, withdrawn.entities);
  await materialise(tx, [...withdrawn.entities, ...also.entities]);
  await materialiseStatements(tx, [...withdrawn.statements, ...also.statements]);
  await settleSingleSources(tx, [...new Set([...withdrawn.statements, ...also.statements])]);
}
