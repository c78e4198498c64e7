// Plain rows the data layer returns: Neo4j nodes as JS objects tagged with their label (dates as ISO strings).
import type { EntityPrefix } from "../domain/labels";

interface Named {
  id: string;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  fromSource?: boolean | null;
}

export interface PersonRow extends Named {
  label: "Person";
}
export interface StateRow extends Named {
  label: "State";
  isoCode: string;
}
export interface OrganizationRow extends Named {
  label: "Organization";
}
export interface VenueRow extends Named {
  label: "Venue";
  kind: string;
}
export interface EventRow extends Named {
  label: "Event";
  date?: string | null;
  datePrecision?: "DAY" | "MONTH" | "YEAR" | null;
  startsAt?: string | null;
}
export interface SourceRow {
  label: "Source";
  id: string;
  title: string;
  publishedOn: string;
  dateline?: string | null;
  publisher?: string | null;
  url?: string | null;
  /** Left out where only a reference to the source is needed; loaded on demand. */
  text?: string;
}

export interface EvidenceRow {
  source: SourceRow;
  start: number;
  end: number;
  excerpt: string;
  /** How an extractor found it (npm run ingest); null for hand-made evidence. */
  extraction?: { confidence: number; cue: string } | null;
}

export interface StatementRow {
  label: "Statement";
  id: string;
  text: string;
  kind: "DIRECT_QUOTE" | "REPORTED";
  saidOn?: string | null;
  datePrecision?: "DAY" | "MONTH" | "YEAR" | null;
  time?: string | null;
  channel?: string | null;
  recurring?: boolean | null;
  /** Fetched with the statement when the query asked for them (undefined otherwise). */
  speaker?: SpeakerRow;
  venue?: VenueRow | null;
  event?: EventRow | null;
  mentions?: NodeRow[];
  evidence?: EvidenceRow[];
}

export type SpeakerRow = PersonRow | StateRow | OrganizationRow;
export type EntityRow = PersonRow | StateRow | OrganizationRow | VenueRow | EventRow;
export type NodeRow = EntityRow | SourceRow | StatementRow;
export type NodeLabel = NodeRow["label"];

/** A neighbour reached through a relationship, with the relationship's properties (role, title, since, fromSource). */
export interface LinkedRow<T extends NodeRow = NodeRow> {
  node: T;
  rel: { role?: string | null; title?: string | null; since?: string | null; fromSource?: boolean | null };
}

/** One page of a connection. */
export interface Page<T> {
  items: { cursor: string; node: T }[];
  hasNextPage: boolean;
  /** True for a page after a cursor (Relay's forward pagination: items exist before it). */
  hasPreviousPage: boolean;
  /** Null when the query did not ask for it. */
  totalCount: number | null;
  /** A statement list's facets by facetKey; null when the query asked for none. */
  facets?: FacetRows | null;
}

/** What each facet counts. */
export interface FacetCounts {
  bySpeaker: { node: SpeakerRow; count: number }[];
  byMentioned: { node: NodeRow; count: number }[];
  byVenue: { node: VenueRow; count: number }[];
  byKind: { kind: "DIRECT_QUOTE" | "REPORTED"; count: number }[];
  byPeriod: { period: string; count: number }[];
  undated: number;
}

/** Each facet's counts by the key facetKey gives it (a facet asked twice with other arguments is counted twice). */
export type FacetRows = Record<string, FacetCounts[keyof FacetCounts]>;

/** What the graph knows before ingestion reads an article (reads/ingestKnowledge.ts): people and their offices. */
export interface KnownEntity {
  id?: string;
  name: string;
  type: EntityPrefix;
  aliases?: string[];
  isoCode?: string;
  offices?: { title: string; state: string }[];
}
