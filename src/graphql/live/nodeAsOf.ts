// A change's node as it was right after the change, for the updates of subscriptions (Change.node in changes and
// nodeChanged). The node is read when the update is resolved, which may be after later changes of the same node: those
// the process has read already (later entries of the same batch of the tail) are undone from what was read, field by
// field, with each entry's `before` values. A node deleted since is rebuilt from its deletion's entry (which holds
// every field before it) with the changes between undone: an update followed at once by a deletion still carries the
// node. What is rebuilt: the node's own properties, and for a statement its speaker, venue, event and mentions (read
// by the ids the entries name, as they are now). Other links (a deleted statement's evidence) are not kept by the log.
import type { NodeRow, StatementRow } from "../../graph/rows";
import { changesPage, type ChangeRow } from "../../graph/writes/changes/changeReads";
import type { FieldChange } from "../../graph/writes/changes/fieldChanges";
import { OWNED_LINKS } from "../../graph/writes/changes/ownedLinks";
import { encodePosition } from "../../graph/writes/changes/positions";
import type { Plain } from "../../graph/values";
import type { GraphQLContext } from "../context";
import { FeedBatch } from "./changeFeed";

/** Later entries read from the log when the node is gone and its deletion was not in the batch. */
const LATER_PAGE = 100;

/** Statement links rebuilt from the ids in a change's fields. */
const STATEMENT_LINKS = new Set(["speaker", "venue", "event", "mentions"]);

/** The node's entries after this one that the process has read with it (the rest of its batch of the tail). */
function laterInBatch(entry: ChangeRow): ChangeRow[] {
  const batch = FeedBatch.of(entry);
  return batch ? batch.entries.filter((e) => e.nodeId === entry.nodeId && e.seq > entry.seq) : [];
}

/** The fields' values before the given entries (newest undone first), over a starting state. */
function undo(state: Map<string, Plain>, entries: readonly ChangeRow[]): Map<string, Plain> {
  for (const entry of [...entries].reverse()) for (const f of entry.fields) state.set(f.field, f.before);
  return state;
}

async function rowOf(
  base: NodeRow | { label: string; id: string },
  fields: Map<string, Plain>,
  ctx: GraphQLContext,
): Promise<NodeRow> {
  const owned = new Set((OWNED_LINKS[base.label as NodeRow["label"]] ?? []).map((link) => link.field));
  const row: Record<string, unknown> = { ...base };
  const links: Promise<void>[] = [];
  for (const [field, value] of fields) {
    if (!owned.has(field)) row[field] = value;
    else if (base.label === "Statement" && STATEMENT_LINKS.has(field)) {
      const load = (id: Plain) => (typeof id === "string" ? ctx.loaders.node.load(id) : Promise.resolve(null));
      links.push(
        Array.isArray(value)
          ? Promise.all(value.map(load)).then((nodes) => void (row[field] = nodes.filter((n) => n !== null)))
          : load(value).then((node) => void (row[field] = node)),
      );
    }
  }
  await Promise.all(links);
  if (base.label === "Statement" && !("evidence" in base)) (row as Partial<StatementRow>).evidence ??= [];
  return row as unknown as NodeRow;
}

/** Whether any of these entries changed a field the row shows. */
const changesAny = (entries: readonly ChangeRow[]) => entries.some((e) => e.fields.length > 0);

/** The node right after the change (see the file's comment); null after a deletion, as in queries. */
export async function nodeAsOf(entry: ChangeRow, ctx: GraphQLContext): Promise<NodeRow | null> {
  if (!entry.nodeId || entry.kind === "DELETED") return null;
  const now = await ctx.loaders.node.load(entry.nodeId);
  let later = laterInBatch(entry);
  if (now) {
    if (!changesAny(later) || now.id !== entry.nodeId) return now;
    return rowOf(now, undo(new Map(), later), ctx);
  }
  if (!later.some((e) => e.kind === "DELETED")) {
    const window = { size: LATER_PAGE, after: encodePosition(entry.seq) };
    later = (await changesPage(ctx.db, window, { ids: [entry.nodeId] })).items.map((item) => item.node);
  }
  const deletion = later.find((e) => e.kind === "DELETED");
  if (!deletion || !entry.label) return null;
  const before = new Map(deletion.fields.map((f: FieldChange) => [f.field, f.before]));
  const state = undo(
    before,
    later.filter((e) => e.seq < deletion.seq),
  );
  return rowOf({ label: entry.label, id: entry.nodeId }, state, ctx);
}
