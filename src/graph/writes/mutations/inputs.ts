// What a curator's mutation may change. Absent (undefined) means "keep" on update; null clears an optional field
// or removes a link.
import type { Precision } from "../../../domain/dates";
import type { ResponseTarget } from "../../../domain/responses";
import type { StatementKind } from "../../../domain/spans";

export interface EntityChanges {
  /** Create only: the new id; made from the name when absent. */
  id?: string | null;
  /** Create only: existing nodes this one is not, though resolution would take it for one of them. */
  distinctFrom?: readonly string[] | null;
  name?: string | null;
  aliases?: readonly string[] | null;
  description?: string | null;
  /** State */
  isoCode?: string | null;
  /** Venue */
  kind?: string | null;
  /** Event */
  date?: string | null;
  datePrecision?: Precision | null;
  startsAt?: string | null;
  /** Links: Organization.state (PART_OF), Venue.locatedIn / Venue.state, Event.venue (HELD_AT) / Event.follows. */
  state?: string | null;
  locatedIn?: string | null;
  venue?: string | null;
  follows?: string | null;
  /** Event: replaces every participant. */
  participants?: readonly { id: string; role?: string | null }[] | null;
}

export interface SourceChanges {
  id?: string | null;
  title?: string | null;
  publishedOn?: string | null;
  dateline?: string | null;
  publisher?: string | null;
  url?: string | null;
  text?: string | null;
}

export interface EvidenceSpan {
  source: string;
  start: number;
  end: number;
}

export interface StatementChanges {
  id?: string | null;
  speaker?: string | null;
  text?: string | null;
  kind?: StatementKind | null;
  saidOn?: string | null;
  datePrecision?: Precision | null;
  time?: string | null;
  channel?: string | null;
  recurring?: boolean | null;
  venue?: string | null;
  event?: string | null;
  mentions?: readonly string[] | null;
  evidence?: readonly EvidenceSpan[] | null;
  /** Replaces every response of the statement. */
  respondsTo?: readonly ResponseTarget[] | null;
}
