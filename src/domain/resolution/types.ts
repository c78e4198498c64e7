// The shapes entity resolution reads and answers with: an entity as the resolver sees it (names and the links that
// tell namesakes apart, ids already resolved to graph ids) and the decision over its candidates.
import type { Precision } from "../dates";

export type { Precision };

export type ResolvableLabel = "Person" | "State" | "Organization" | "Venue" | "Event";

export interface EntityProfile {
  id: string;
  label: ResolvableLabel;
  /** The name first, then aliases, as written (any script/accents). */
  names: string[];
  isoCode?: string | null; // State
  kind?: string | null; // Venue: building, city, region, country, site, waterway
  /** Person: states it holds office in; Venue: IN_STATE; Organization: PART_OF. Ids already resolved to graph ids. */
  states?: string[];
  offices?: { state: string; title: string }[]; // Person
  organizations?: string[]; // Person: MEMBER_OF
  /** Venue: LOCATED_IN. Pass the places it lies in transitively if known, so a district and its city overlap. */
  locatedIn?: string[];
  venues?: string[]; // Event: HELD_AT
  participants?: string[]; // Event
  date?: { date: string; precision: Precision } | null; // Event (YYYY-MM-DD; for MONTH the day is 01, YEAR 01-01)
}

export interface ResolutionCandidate {
  id: string;
  score: number;
  reasons: string[];
}

export type ResolutionDecision = "MERGED" | "NEW" | "AMBIGUOUS";

export interface Resolution {
  incoming: string;
  decision: ResolutionDecision;
  /** Set for MERGED. */
  into: string | null;
  /** The best candidate's score, null when no candidate. */
  score: number | null;
  /** Why this decision: the winner's reasons (MERGED), why not merged (AMBIGUOUS), why nothing fits (NEW). */
  reasons: string[];
  /** Every candidate considered, best first; contradicted ones with score 0 and the contradiction as a reason. */
  candidates: ResolutionCandidate[];
}

/** What one comparison (of names, of dates, of links) found: evidence for, or a contradiction that forbids a merge. */
export interface Evidence {
  score: number;
  reasons: string[];
  contradiction: string | null;
}
