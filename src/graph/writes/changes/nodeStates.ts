// What the change log compares before and after a write: each node's properties and its owned links (ownedLinks.ts),
// read in one query inside the write's transaction, keyed by Neo4j's element id so that a node whose id changes
// (a source's claims choose another) is still one node.
import type { Label } from "../../../domain/labels";
import type { Transaction } from "../../runtime/database";
import { SOURCE_RELATIONSHIPS } from "../../../domain/relationships";
import type { Plain } from "../../values";
import { INCOMING_TYPES, OUTGOING_TYPES } from "./ownedLinks";

export interface RawLink {
  type: string;
  outgoing: boolean;
  id: string;
  props: Record<string, Plain>;
}

export interface NodeState {
  key: string;
  id: string;
  label: Label;
  props: Record<string, Plain>;
  links: RawLink[];
}

/** States by element id; a node gone (deleted, or no longer an :Entity because it was merged) is absent. */
export type NodeStates = Map<string, NodeState>;

/**
 * The nodes with these ids and these element ids (in one map by element id). Both lists are looked up through an
 * index (the id constraint; element ids directly), never by a scan.
 */
export async function readNodeStates(
  tx: Transaction,
  ids: readonly string[],
  keys: readonly string[] = [],
): Promise<NodeStates> {
  const uniqueIds = [...new Set(ids)];
  const uniqueKeys = [...new Set(keys)];
  const states: NodeStates = new Map();
  // In batches, so that a large import's states never come back as one huge answer.
  for (let i = 0; i < Math.max(uniqueIds.length, uniqueKeys.length); i += BATCH) {
    const rows = await readBatch(tx, uniqueIds.slice(i, i + BATCH), uniqueKeys.slice(i, i + BATCH));
    for (const row of rows) states.set(row.key, row);
  }
  return states;
}

const BATCH = 2000;

function readBatch(tx: Transaction, ids: string[], keys: string[]): Promise<NodeState[]> {
  return tx.run<NodeState>(
    `CALL () {
       UNWIND $ids AS id
       MATCH (n:Entity {id: id})
       RETURN n
       UNION
       UNWIND $keys AS key
       MATCH (n:Entity) WHERE elementId(n) = key
       RETURN n
     }
     RETURN elementId(n) AS key, n.id AS id, head([l IN labels(n) WHERE l <> 'Entity']) AS label,
            properties(n) AS props,
            [(n)-[r]->(x) WHERE type(r) IN $outgoing |
              {type: type(r), outgoing: true, id: x.id, props: properties(r)}] +
            [(n)<-[r]-(x) WHERE type(r) IN $incoming |
              {type: type(r), outgoing: false, id: x.id, props: properties(r)}] AS links`,
    { ids, keys, outgoing: OUTGOING_TYPES, incoming: INCOMING_TYPES },
  );
}

/**
 * The nodes whose owned links point at these: a statement mentioning a node, a venue inside it. Deleting or merging a
 * node changes them too, so their states are compared as well.
 */
export async function dependentIds(tx: Transaction, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.run<{ id: string }>(
    `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     CALL (n) {
       MATCH (n)<-[r]-(x:Entity) WHERE type(r) IN $outgoing RETURN x
       UNION
       MATCH (n)-[r]->(x:Entity) WHERE type(r) IN $incoming RETURN x
     }
     RETURN DISTINCT x.id AS id`,
    { ids: [...ids], outgoing: OUTGOING_TYPES, incoming: INCOMING_TYPES },
  );
  return rows.map((row) => row.id);
}

/** Both ends of the links of each type a source states, one index look-up per type (r.source is indexed). */
const ENDS_OF_SOURCE_LINKS = SOURCE_RELATIONSHIPS.map(
  (type) => `MATCH (a)-[r:${type} {source: $sourceId}]->(b) UNWIND [a.id, b.id] AS id RETURN id`,
).join("\n       UNION\n       ");

/**
 * The nodes a source's dataset touched: the source, the entities and statements it makes claims about or reports,
 * and both ends of the links it states. A reload or a deletion of the source can change exactly these.
 */
export async function sourceFootprint(tx: Transaction, sourceId: string): Promise<string[]> {
  const [row] = await tx.run<{ ids: string[] }>(
    `MATCH (src:Source {id: $sourceId})
     RETURN [src.id] +
            COLLECT { MATCH (n)-[:CLAIMED_IN]->(src) RETURN n.id } +
            COLLECT { MATCH (s:Statement)-[:REPORTED_IN]->(src) RETURN s.id } +
            COLLECT {
       ${ENDS_OF_SOURCE_LINKS}
            } AS ids`,
    { sourceId },
  );
  return [...new Set(row?.ids ?? [])];
}
