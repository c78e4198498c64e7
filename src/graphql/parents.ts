// Shapes the resolvers hand to the fields of types that are not nodes (offices, participations, search hits, pages).
import type {
  EventRow,
  NodeRow,
  OrganizationRow,
  Page,
  PersonRow,
  SourceRow,
  SpeakerRow,
  StateRow,
  StatementRow,
  VenueRow,
} from "../graph/rows";

export interface OfficeParent {
  title: string;
  since: string | null;
  fromSource: boolean;
  person: PersonRow;
  state: StateRow;
}

export interface ParticipationParent {
  role: string | null;
  participant: SpeakerRow;
  event: EventRow;
}

export interface SearchHitParent {
  score: number;
  node: NodeRow;
  query: string;
}

export type StatementPage = Page<StatementRow>;
export type PersonPage = Page<PersonRow>;
export type StatePage = Page<StateRow>;
export type OrganizationPage = Page<OrganizationRow>;
export type VenuePage = Page<VenueRow>;
export type EventPage = Page<EventRow>;
export type SourcePage = Page<SourceRow>;
export type SearchPage = Page<SearchHitParent>;
export type TimelinePage = Page<StatementRow | EventRow>;
