// A ChangeFilter tested on one entry in memory, as changes(filter:) tests it in Cypher (changeReads.ts): the live part
// of a subscription filters the shared tail's entries with it.
import type { ChangeFilter, ChangeRow } from "../../graph/writes/changes/changeReads";

/** Milliseconds since the epoch of an ISO date-time; Neo4j's nanoseconds are cut to what Date keeps. */
function instant(iso: string): number {
  return Date.parse(iso.replace(/(\.\d{3})\d+/, "$1"));
}

export function entryMatches(entry: ChangeRow, filter: ChangeFilter): boolean {
  if (filter.ids && !(entry.nodeId !== null && filter.ids.includes(entry.nodeId))) return false;
  if (filter.kinds && !filter.kinds.includes(entry.kind)) return false;
  if (filter.actor != null && entry.actor !== filter.actor) return false;
  if (filter.since && instant(entry.at) < instant(filter.since)) return false;
  return true;
}
