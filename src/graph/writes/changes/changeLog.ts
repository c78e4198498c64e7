// The change log: every write records, in its own transaction, one entry per node it created, changed or deleted.
// A write reads the states of the nodes it may touch first (ChangeSet.start), does its work, reads them again and
// appends an entry for each that differs (finish). Entries take consecutive positions from one counter node, locked
// by the appending transaction until it commits (docs/live-graph.md explains why that makes the order safe to tail).
import crypto from "node:crypto";
import type { Transaction } from "../../runtime/database";
import { fieldChanges, type FieldChange } from "./fieldChanges";
import { readNodeStates, type NodeState, type NodeStates } from "./nodeStates";

export type ChangeKind = "CREATED" | "UPDATED" | "DELETED" | "MERGED" | "SPLIT";

/**
 * Who made a write, as its entries name them: today the holder of the static API token, or null for writes made
 * without a request (the seed command). Named curators (a tokens file or JWTs) will give their name here.
 */
export type Actor = string | null;

/** What a write says about itself in each of its entries. */
export interface WriteNote {
  actor: Actor;
  /** The source it came from (the dataset or article imported), when there is one. */
  source?: string | null;
}

/** A node whose entry has its own kind and lists the other ids involved (a merge's two nodes). */
export interface Mark {
  kind: ChangeKind;
  ids: string[];
}

/** One entry to append, its fields already JSON (Neo4j keeps no nested maps). */
interface EntryWrite {
  kind: ChangeKind;
  nodeId: string | null;
  label: string | null;
  ids: string[];
  fields: string;
  actor: Actor;
  source: string | null;
}

/**
 * Takes the next `count` positions. The first SET locks the counter node, and the value is read after that, so two
 * transactions never get the same positions; the lock is held until this transaction commits or rolls back, so
 * positions become visible in order (a later position is never committed before an earlier one). A counter made anew
 * (the first write, or a graph whose counter was removed) starts after the last entry there is.
 */
const LOCK_COUNTER = `CALL () {
  OPTIONAL MATCH (c:Change) WHERE c.seq IS NOT NULL
  WITH c ORDER BY c.seq DESC LIMIT 1
  RETURN coalesce(c.seq, 0) AS lastEntry
}
MERGE (log:ChangeLog {name: 'changes'})
ON CREATE SET log.last = lastEntry
SET log.locked = true
WITH log
SET log.last = log.last + $count
REMOVE log.locked`;

export const TAKE_POSITIONS = `${LOCK_COUNTER}
RETURN log.last - $count AS last`;

const CREATE_ENTRIES = `UNWIND range(0, size($entries) - 1) AS i
WITH i, $entries[i] AS e
CREATE (:Change {seq: $first + i, at: datetime.transaction(), write: $write, kind: e.kind, nodeId: e.nodeId,
                 label: e.label, ids: e.ids, fields: e.fields, actor: e.actor, source: e.source})`;

/**
 * Positions and entries in one statement, for a write of at most BATCH entries (every mutation): the counter stays
 * locked from here to the commit, and other writers wait for it, so one round trip fewer under the lock is one
 * fewer for every write queued behind it.
 */
export const TAKE_POSITIONS_AND_APPEND = `${LOCK_COUNTER}
WITH log.last - $count AS last
UNWIND range(0, size($entries) - 1) AS i
WITH last, i, $entries[i] AS e
CREATE (:Change {seq: last + 1 + i, at: datetime.transaction(), write: $write, kind: e.kind, nodeId: e.nodeId,
                 label: e.label, ids: e.ids, fields: e.fields, actor: e.actor, source: e.source})`;

const BATCH = 2000;

/** Appends entries at the end of the log, in one transaction's positions; nothing when there are none. */
export async function appendEntries(tx: Transaction, entries: readonly EntryWrite[]): Promise<void> {
  if (entries.length === 0) return;
  const write = crypto.randomUUID();
  if (entries.length <= BATCH) {
    await tx.run(TAKE_POSITIONS_AND_APPEND, { count: entries.length, entries, write });
    return;
  }
  const [row] = await tx.run<{ last: number }>(TAKE_POSITIONS, { count: entries.length });
  for (let i = 0; i < entries.length; i += BATCH) {
    await tx.run(CREATE_ENTRIES, { entries: entries.slice(i, i + BATCH), first: row!.last + 1 + i, write });
  }
}

/** A note about a write that is no node's (the bulk importer's run): one entry with the fields it states. */
export async function appendNote(
  tx: Transaction,
  kind: ChangeKind,
  fields: FieldChange[],
  note: WriteNote,
): Promise<void> {
  await appendEntries(tx, [
    {
      kind,
      nodeId: null,
      label: null,
      ids: [],
      fields: JSON.stringify(fields),
      actor: note.actor,
      source: note.source ?? null,
    },
  ]);
}

/** The states of the nodes a write may touch, taken before it, to be compared with theirs after it. */
export class ChangeSet {
  private constructor(private readonly before: NodeStates) {}

  static async start(tx: Transaction, ids: readonly string[]): Promise<ChangeSet> {
    return new ChangeSet(await readNodeStates(tx, ids));
  }

  /**
   * Reads the nodes again (those of `ids`, which may be new, and every node read before) and appends an entry for
   * each that was created, deleted or changed; marked nodes get the mark's kind and ids, changed or not. Call it as
   * the transaction's last step: from here to the commit, other writers wait for the log's counter.
   */
  async finish(tx: Transaction, ids: readonly string[], note: WriteNote, marks: Record<string, Mark> = {}) {
    const after = await readNodeStates(tx, ids, [...this.before.keys()]);
    const entries: EntryWrite[] = [];
    const add = (before: NodeState | null, now: NodeState | null) => {
      const node = (now ?? before)!;
      const mark = marks[node.id] ?? (before ? marks[before.id] : undefined);
      const fields = fieldChanges(before, now);
      if (!mark && fields.length === 0) return;
      const kind: ChangeKind = mark?.kind ?? (!before ? "CREATED" : !now ? "DELETED" : "UPDATED");
      entries.push({
        kind,
        nodeId: node.id,
        label: node.label,
        ids: mark?.ids ?? [node.id],
        fields: JSON.stringify(fields),
        actor: note.actor,
        source: note.source ?? null,
      });
    };
    for (const [key, before] of this.before) add(before, after.get(key) ?? null);
    for (const [key, now] of after) if (!this.before.has(key)) add(null, now);
    // A stable order within the write: marked nodes as marked (a merge's kept node first), then the others by id.
    const marked = Object.keys(marks);
    const rank = (e: EntryWrite) => (marked.includes(e.nodeId!) ? marked.indexOf(e.nodeId!) : marked.length);
    entries.sort((a, b) => rank(a) - rank(b) || (a.nodeId! < b.nodeId! ? -1 : a.nodeId! > b.nodeId! ? 1 : 0));
    await appendEntries(tx, entries);
    return entries.length;
  }
}
