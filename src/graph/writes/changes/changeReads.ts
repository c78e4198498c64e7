// Reading the change log: the log in order after a position (changes), and one node's entries newest first
// (history), the ids merged into it included. Both are index look-ups: positions through the unique constraint on
// Change.seq, a node's entries through the index on (Change.nodeId, Change.seq).
import type { Database } from "../../runtime/database";
import type { Page } from "../../rows";
import type { ChangeKind } from "./changeLog";
import { decodePosition, encodePosition } from "./positions";
import type { FieldChange } from "./fieldChanges";

export interface ChangeRow {
  seq: number;
  at: string;
  kind: ChangeKind;
  actor: string | null;
  nodeId: string | null;
  /** The node's label when the entry was written (null for a note): how a subscription tells new statements. */
  label: string | null;
  ids: string[];
  fields: FieldChange[];
  source: string | null;
}

export type ChangePage = Page<ChangeRow>;

export interface ChangeFilter {
  ids?: readonly string[] | null;
  kinds?: readonly ChangeKind[] | null;
  actor?: string | null;
  /** An ISO date-time: entries made at or after it. */
  since?: string | null;
  /** Entries at or before this position only (a subscription's replay stops where its live part starts). */
  through?: number | null;
}

const ENTRY_MAP = `c {.seq, .kind, .actor, .nodeId, .label, .ids, .fields, .source, at: toString(c.at)}`;
const ENTRY = `${ENTRY_MAP} AS c`;

const FILTERS = `($through IS NULL OR c.seq <= $through)
       AND ($kinds IS NULL OR c.kind IN $kinds)
       AND ($actor IS NULL OR c.actor = $actor)
       AND ($since IS NULL OR c.at >= datetime($since))`;

/**
 * The log after a position, in order: a range seek on the positions' index, read in the index's order and stopped at
 * the page's end (the ORDER BY is on the node's property, before the projection, so that no sort is needed).
 */
export const CHANGES = `MATCH (c:Change)
     WHERE c.seq > $after AND ${FILTERS}
     WITH c ORDER BY c.seq LIMIT $limit
     RETURN ${ENTRY}`;

/** The entries of some nodes after a position, in order: per id, a page from the (nodeId, seq) index; then merged. */
export const CHANGES_OF_NODES = `UNWIND $ids AS id
     WITH DISTINCT id
     CALL (id) {
       MATCH (c:Change {nodeId: id})
       WHERE c.seq > $after AND ${FILTERS}
       WITH c ORDER BY c.seq LIMIT $limit
       RETURN c
     }
     WITH c ORDER BY c.seq LIMIT $limit
     RETURN ${ENTRY}`;

/**
 * A node's entries before a position, newest first: under its own id (`asked`, carried through), the id it had before
 * (an alias id) and the ids of the nodes merged into it, each a page from the (nodeId, seq) index read backwards, then
 * merged. A deleted node's id still finds its entries. Leaves `c`, one row per entry.
 */
const ENTRIES_OF = (asked: string, carry: string) => `OPTIONAL MATCH (n:Entity {id: ${asked}})
     OPTIONAL MATCH (:IdAlias {id: ${asked}})-[:ALIAS_OF]->(kept:Entity)
     WITH ${carry}coalesce(n, kept) AS node
     WITH [${asked}] + CASE WHEN node IS NULL THEN [] ELSE [node.id] + [(a:IdAlias)-[:ALIAS_OF]->(node) | a.id] END
       AS ids
     UNWIND ids AS id
     WITH DISTINCT id
     CALL (id) {
       MATCH (c:Change {nodeId: id})
       WHERE c.seq < $before
       WITH c ORDER BY c.seq DESC LIMIT $limit
       RETURN c
     }
     WITH c ORDER BY c.seq DESC LIMIT $limit`;

/** One node's entries (history(id)). */
export const HISTORY = `${ENTRIES_OF("$id", "")}
     RETURN ${ENTRY}`;

/** HISTORY for several nodes in one query (Node.history on a list): per id asked, its entries collected in order. */
export const HISTORIES = `UNWIND $ids AS asked
     CALL (asked) {
       ${ENTRIES_OF("asked", "asked, ")}
       RETURN collect(${ENTRY_MAP}) AS entries
     }
     RETURN asked AS id, entries`;

type StoredRow = Omit<ChangeRow, "fields"> & { fields: string };

function toPage(rows: StoredRow[], size: number, after: string | null | undefined): Page<ChangeRow> {
  const items = rows.slice(0, size).map((row) => ({
    cursor: encodePosition(row.seq),
    node: { ...row, fields: JSON.parse(row.fields) as FieldChange[] },
  }));
  return { items, hasNextPage: rows.length > size, hasPreviousPage: !!after, totalCount: null };
}

/** Entries after the cursor (from the start of the log without one), oldest first. */
export async function changesPage(
  db: Database,
  window: { size: number; after?: string | null },
  filter: ChangeFilter = {},
): Promise<Page<ChangeRow>> {
  const after = window.after ? decodePosition(window.after, "after") : 0;
  const params = {
    after,
    limit: window.size + 1,
    ids: filter.ids ? [...filter.ids] : null,
    kinds: filter.kinds ? [...filter.kinds] : null,
    actor: filter.actor ?? null,
    since: filter.since ?? null,
    through: filter.through ?? null,
  };
  const rows = await db.read<{ c: StoredRow }>(filter.ids ? CHANGES_OF_NODES : CHANGES, params);
  return toPage(
    rows.map((r) => r.c),
    window.size,
    window.after,
  );
}

/** A node's entries, newest first, older than the cursor when one is given. */
export async function historyPage(
  db: Database,
  id: string,
  window: { size: number; after?: string | null },
): Promise<Page<ChangeRow>> {
  const before = window.after ? decodePosition(window.after, "after") : Number.MAX_SAFE_INTEGER;
  const rows = await db.read<{ c: StoredRow }>(HISTORY, { id, before, limit: window.size + 1 });
  return toPage(
    rows.map((r) => r.c),
    window.size,
    window.after,
  );
}

/** The histories of several nodes with one window, in one query: a page per id, in the order given. */
export async function historyPages(
  db: Database,
  ids: readonly string[],
  window: { size: number; after?: string | null },
): Promise<Page<ChangeRow>[]> {
  const before = window.after ? decodePosition(window.after, "after") : Number.MAX_SAFE_INTEGER;
  const rows = await db.read<{ id: string; entries: StoredRow[] }>(HISTORIES, {
    ids: [...new Set(ids)],
    before,
    limit: window.size + 1,
  });
  const byId = new Map(rows.map((row) => [row.id, row.entries]));
  return ids.map((id) => toPage(byId.get(id) ?? [], window.size, window.after));
}

/** The last position in the log (0 when it is empty): the entry with the highest position, read from the index. */
export const LAST_POSITION = `MATCH (c:Change) WHERE c.seq IS NOT NULL
     WITH c ORDER BY c.seq DESC LIMIT 1
     RETURN c.seq AS seq`;

export async function lastPosition(db: Database): Promise<number> {
  const [row] = await db.read<{ seq: number }>(LAST_POSITION);
  return row?.seq ?? 0;
}

/**
 * The next entries after a position, at most `limit`, unfiltered: what a process's one tail of the log reads each
 * time (src/graphql/live/changeFeed.ts). Positions become visible in order (docs/live-graph.md), so reading on from
 * the last position seen never skips an entry committed late.
 */
export async function entriesAfter(db: Database, after: number, limit: number): Promise<ChangeRow[]> {
  const params = { after, limit, kinds: null, actor: null, since: null, through: null };
  const rows = await db.read<{ c: StoredRow }>(CHANGES, params);
  return rows.map(({ c }) => ({ ...c, fields: JSON.parse(c.fields) as FieldChange[] }));
}
