// New nodes: the id a create uses (given, or a numbered slug of the name), the node itself, and the retry that
// makes creates racing for one id end well.
import { InvalidInputError } from "../../../domain/errors";
import { baseId, firstFreeId } from "../../../domain/ids";
import { LABELS, type Label } from "../../../domain/labels";
import type { Database, Transaction } from "../../runtime/database";

/** A concurrent create committed this id after newId found it free; `creating` runs the transaction again. */
class IdTaken extends Error {
  constructor(readonly id: string) {
    super(`${id} was created by a concurrent request`);
  }
}

/** Enough for that many requests creating under one name at once: each rerun loses only to a create that committed. */
const MAX_CREATE_ATTEMPTS = 50;

/**
 * Runs a create's transaction, again from the start when a concurrent create took its id first. Neo4j fails the
 * whole transaction on a constraint violation, so the retry cannot happen inside it; the rerun sees the winner
 * committed (a CREATE of a taken id waits for the other transaction to end), so newId picks the next free number,
 * or refuses an id the client gave as already existing. Slugs stay numbered without gaps, and no client is told
 * about an id it did not send.
 */
export async function creating<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.writeTransaction(work);
    } catch (e) {
      if (!(e instanceof IdTaken)) throw e;
      if (attempt === MAX_CREATE_ATTEMPTS) {
        throw new Error(`no free id after ${attempt} attempts, each taken by a concurrent create (last ${e.id})`, {
          cause: e,
        });
      }
    }
  }
}

/** Creates the bare node; entities are marked as stated by a source, as the loader marks them. */
export async function createNode(tx: Transaction, label: Label, id: string): Promise<void> {
  const props = LABELS[label].entity ? { fromSource: true } : {};
  await creatingId(id, () => tx.run(`CREATE (n:${label}:Entity {id: $id}) SET n += $props`, { id, props }));
}

/** Runs a query that creates a node with this id: a concurrent create's commit of the same id makes it IdTaken. */
export async function creatingId<T>(id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if ((e as { code?: string }).code === "Neo.ClientError.Schema.ConstraintValidationFailed") throw new IdTaken(id);
    throw e;
  }
}

/**
 * What decides a new node's id, as two values of a RETURN (for newId, and for writes that read it with their other
 * checks in one query): `taken`, the node or alias holding the given id ($given; null when none is given), and
 * `slugIds`, every id numbered from the slug basis ($base; null when an id is given).
 */
export const ID_FACTS = `head(COLLECT {
       CALL () {
         MATCH (n:Entity {id: $given}) RETURN n, false AS alias
         UNION
         MATCH (:IdAlias {id: $given})-[:ALIAS_OF]->(n) RETURN n, true AS alias
       }
       RETURN {label: head([l IN labels(n) WHERE l <> 'Entity']), alias: alias}
     }) AS taken,
     COLLECT {
       CALL () {
         MATCH (n:Entity) WHERE n.id = $base OR n.id STARTS WITH $base + '-' RETURN n.id AS id
         UNION
         MATCH (a:IdAlias) WHERE a.id = $base OR a.id STARTS WITH $base + '-' RETURN a.id AS id
       }
       RETURN id
     } AS slugIds`;

export interface IdFacts {
  taken: { label: string; alias: boolean } | null;
  slugIds: string[];
}

/** The parameters of ID_FACTS for a create: the given id, or the slug basis with the label's prefix. */
export function idFactsParams(label: Label, given: string | null | undefined, basis: string) {
  return given ? { given, base: null } : { given: null, base: baseId(label, basis) };
}

/** The given id, refused when taken (an alias id of a merged node is taken too); or the first free numbered slug. */
export function chooseId(label: Label, given: string | null | undefined, basis: string, facts: IdFacts): string {
  if (given) {
    const { taken } = facts;
    if (taken) {
      const a = `a ${taken.label.toLowerCase()}${taken.alias ? "'s alias id" : ""}`;
      throw new InvalidInputError("input.id", `${given} already exists (${a}); update it or choose another id`);
    }
    return given;
  }
  return firstFreeId(baseId(label, basis), new Set(facts.slugIds));
}

/** The given id, refused when taken; or a slug of the basis with the label's prefix, numbered past the taken ones. */
export async function newId(
  tx: Transaction,
  label: Label,
  given: string | null | undefined,
  basis: string,
): Promise<string> {
  const [facts] = await tx.run<IdFacts>(`RETURN ${ID_FACTS}`, idFactsParams(label, given, basis));
  return chooseId(label, given, basis, facts!);
}
