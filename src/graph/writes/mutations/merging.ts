// A curator's merge of two nodes that are one (resolution missed it) and its undo. The merged node is not deleted: it
// stays as a (:Merged) record with its own properties, and every relationship moved to the kept node is marked with
// the merged id (r.movedFrom; where the kept node had the same link already, r.alsoFrom lists it), so that
// splitEntity puts back exactly what was moved. The merged id becomes an alias id of the kept node meanwhile.
import { InvalidInputError, NotFoundError } from "../../../domain/errors";
import { labelOfId, type Label } from "../../../domain/labels";
import { materialise, materialiseStatements } from "../claims";
import type { Database, Transaction } from "../../runtime/database";
import { ChangeSet, type Actor } from "../changes/changeLog";
import { dependentIds } from "../changes/nodeStates";
import { knownIds } from "../../reads/resolutionReads";
import { markCurated } from "./writeHelpers";

/** Links from statements that two nodes may share (the same statement mentions both): kept once, not twice. */
const SHAREABLE = ["SAID", "SAID_AT", "DURING", "MENTIONS"];

/** Labels a merge may join: what resolution resolves, and statements (one statement, two reports). */
const MERGEABLE: readonly Label[] = ["Person", "State", "Organization", "Venue", "Event", "Statement"];

/**
 * Moves merged node m's relationships of one direction to keep, each marked with the merged id (r.movedFrom), or,
 * where keep has the same link from a statement already (or the same name key), notes the merged id on it (alsoFrom).
 */
function moveRelationships(direction: "out" | "in"): string {
  const [from, to] = direction === "out" ? ["-", "->"] : ["<-", "-"];
  const shared = direction === "out" ? "type(r) IN $shareable" : "(type(r) IN $shareable OR x:NameKey)";
  return `CALL (keep, m) {
         MATCH (m)${from}[r]${to}(x) WHERE x <> keep
         OPTIONAL MATCH (keep)${from}[same]${to}(x) WHERE type(same) = type(r) AND ${shared}
         WITH keep, r, x, same
         CALL (keep, r, x, same) {
           WITH * WHERE same IS NULL
           CREATE (keep)${from}[copy:$(type(r))]${to}(x)
           SET copy = properties(r), copy.movedFrom = $merge
         }
         CALL (r, same) {
           WITH * WHERE same IS NOT NULL
           SET same.alsoFrom = coalesce(same.alsoFrom, []) + $merge
         }
         DELETE r
       }`;
}

export async function mergeEntities(
  db: Database,
  keepId: string,
  mergeId: string,
  actor: Actor = null,
): Promise<{ id: string }> {
  return db.writeTransaction(async (tx) => {
    const ids = await knownIds(tx, [keepId, mergeId]);
    const keep = ids.get(keepId);
    const merge = ids.get(mergeId);
    if (!keep) throw new NotFoundError("keep", keepId, "node");
    if (!merge) throw new NotFoundError("merge", mergeId, "node");
    if (keep === merge) throw new InvalidInputError("merge", `${mergeId} is already ${keep}`, mergeId);
    const label = labelOfId(keep);
    if (!label || !MERGEABLE.includes(label) || labelOfId(merge) !== label) {
      throw new InvalidInputError("merge", `${merge} and ${keep} are not two nodes of one kind that can merge`, merge);
    }
    // The two nodes, and the nodes whose links to the merged one now point at the kept one.
    const changes = await ChangeSet.start(tx, [keep, merge, ...(await dependentIds(tx, [merge]))]);
    await tx.run(
      `MATCH (keep:Entity {id: $keep}), (m:Entity {id: $merge})
       ${moveRelationships("out")}
       ${moveRelationships("in")}
       // Links between the two would become loops: they go (and do not come back with a split).
       CALL (keep, m) {
         MATCH (m)-[r]-(keep)
         DELETE r
       }
       WITH keep, m, [l IN labels(m) WHERE l <> 'Entity'][0] AS label
       REMOVE m:Entity
       SET m:Merged, m.mergedLabel = label, m.mergedInto = keep.id, m.mergedAt = datetime(),
           m.keepIdCurated = 'id' IN coalesce(keep.curatedFields, []),
           keep.aliases = reduce(acc = coalesce(keep.aliases, []), a IN [m.name] + coalesce(m.aliases, []) |
             CASE WHEN a IS NULL OR a = keep.name OR a IN acc THEN acc ELSE acc + a END)
       WITH keep, m, label
       CALL (m, label) {
         WITH * WHERE label IS NOT NULL
         REMOVE m:$(label)
       }
       MERGE (a:IdAlias {id: m.id})
       MERGE (a)-[:ALIAS_OF {movedFrom: m.id}]->(keep)`,
      { keep, merge, shareable: SHAREABLE },
    );
    // A curator decided which id stays: sources' claims no longer change it.
    await markCurated(tx, keep, ["id"]);
    await rechoose(tx, label, [keep]);
    await changes.finish(
      tx,
      [keep],
      { actor },
      { [keep]: { kind: "MERGED", ids: [keep, merge] }, [merge]: { kind: "MERGED", ids: [merge, keep] } },
    );
    return { id: keep };
  });
}

/** Undoes mergeEntities: the merged node comes back with the relationships it had, under its own id. */
export async function splitEntity(
  db: Database,
  id: string,
  mergedId: string,
  actor: Actor = null,
): Promise<{ id: string }> {
  return db.writeTransaction(async (tx) => {
    const node = (await knownIds(tx, [id])).get(id);
    if (!node) throw new NotFoundError("id", id, "node");
    const [merged] = await tx.run<{ label: Label }>(
      "MATCH (m:Merged {id: $mergedId, mergedInto: $node}) RETURN m.mergedLabel AS label",
      { mergedId, node },
    );
    if (!merged) {
      throw new InvalidInputError(
        "mergedId",
        `no recorded merge of ${mergedId} into ${node} (see mergeEntities)`,
        mergedId,
      );
    }
    // The kept node, and the nodes whose links it received from the merged one (those that go back change).
    const changes = await ChangeSet.start(tx, [node, ...(await dependentIds(tx, [node]))]);
    await tx.run(
      `MATCH (keep:Entity {id: $node}), (m:Merged {id: $mergedId, mergedInto: $node})
       OPTIONAL MATCH (alias:IdAlias {id: $mergedId})
       DETACH DELETE alias
       WITH keep, m
       CALL (keep, m) {
         MATCH (keep)-[r {movedFrom: $mergedId}]->(x)
         CREATE (m)-[back:$(type(r))]->(x)
         SET back = properties(r), back.movedFrom = null
         DELETE r
       }
       CALL (keep, m) {
         MATCH (keep)<-[r {movedFrom: $mergedId}]-(x)
         CREATE (m)<-[back:$(type(r))]-(x)
         SET back = properties(r), back.movedFrom = null
         DELETE r
       }
       CALL (keep, m) {
         MATCH (keep)-[r]-(x) WHERE $mergedId IN r.alsoFrom
         SET r.alsoFrom = [f IN r.alsoFrom WHERE f <> $mergedId]
         WITH r, x, startNode(r) = keep AS outgoing
         CALL (r, x, outgoing) {
           WITH * WHERE outgoing
           MATCH (m2:Merged {id: $mergedId})
           CREATE (m2)-[back:$(type(r))]->(x)
           SET back = properties(r), back.alsoFrom = null
         }
         CALL (r, x, outgoing) {
           WITH * WHERE NOT outgoing
           MATCH (m2:Merged {id: $mergedId})
           CREATE (m2)<-[back:$(type(r))]-(x)
           SET back = properties(r), back.alsoFrom = null
         }
       }
       WITH keep, m
       REMOVE m:Merged
       WITH keep, m, [f IN coalesce(keep.curatedFields, []) WHERE m.keepIdCurated OR f <> 'id'] AS curated
       SET m:Entity:$(m.mergedLabel), m.mergedLabel = null, m.mergedInto = null, m.mergedAt = null,
           m.keepIdCurated = null, keep.curatedFields = CASE WHEN size(curated) = 0 THEN null ELSE curated END,
           keep.aliases = [a IN coalesce(keep.aliases, []) WHERE a <> m.name AND NOT a IN coalesce(m.aliases, [])]`,
      { node, mergedId },
    );
    // Alias ids that came with the merged node's claims point at it again.
    await tx.run(
      `MATCH (m:Entity {id: $mergedId})-[c:CLAIMED_IN]->()
       WITH m, collect(c.id) AS claimed
       MATCH (a:IdAlias)-[r:ALIAS_OF]->(keep:Entity {id: $node})
       WHERE a.id IN claimed
       DELETE r
       MERGE (a)-[:ALIAS_OF]->(m)`,
      { node, mergedId },
    );
    await rechoose(tx, merged.label, [node, mergedId]);
    await changes.finish(
      tx,
      [node, mergedId],
      { actor },
      { [node]: { kind: "SPLIT", ids: [node, mergedId] }, [mergedId]: { kind: "SPLIT", ids: [mergedId, node] } },
    );
    return { id: mergedId };
  });
}

/** Values (and name keys) chosen again from the claims the nodes hold now. */
async function rechoose(tx: Transaction, label: Label, ids: string[]): Promise<void> {
  if (label === "Statement") await materialiseStatements(tx, ids);
  else await materialise(tx, ids);
}
