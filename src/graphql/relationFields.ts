// Which fields of each node type are lists reached through relationships: neighbours of one kind, or statements
// hanging off the node. One table, read by the field resolvers and by the look-ups that fetch those lists early.
import type { NeighbourKind } from "../graph/neighbours";
import type { StatementAnchor } from "../graph/statements";

export const NEIGHBOUR_FIELDS = {
  Person: { offices: "offices", organizations: "memberOf", events: "participations" },
  State: { officeHolders: "officeHolders", organizations: "stateOrganizations", venues: "stateVenues", events: "participations" },
  Organization: { state: "partOf", members: "members", memberOf: "memberOf", events: "participations" },
  Venue: { locatedIn: "locatedIn", contains: "contains", state: "venueState", events: "eventsHeld" },
  Event: { venue: "heldAt", participants: "participants", follows: "follows", followedBy: "followedBy" },
  Source: {},
} as const satisfies Record<string, Record<string, NeighbourKind>>;

export const STATEMENT_FIELDS = {
  Person: { statements: "said", mentionedIn: "mentionedIn" },
  State: { statements: "said", allStatements: "stateAll", mentionedIn: "mentionedIn" },
  Organization: { statements: "said", mentionedIn: "mentionedIn" },
  Venue: { statements: "saidAt", mentionedIn: "mentionedIn" },
  Event: { statements: "during", mentionedIn: "mentionedIn" },
  Source: { statements: "reportedIn" },
} as const satisfies Record<string, Record<string, StatementAnchor>>;

/** Neighbour fields whose items wrap the neighbour (an office, a participation): the field of the item that holds it. */
export const NEIGHBOUR_NODE_FIELD: Partial<Record<LinkedType, Record<string, string>>> = {
  Person: { offices: "state", events: "event" },
  State: { officeHolders: "person", events: "event" },
  Organization: { events: "event" },
  Event: { participants: "participant" },
};

export type LinkedType = keyof typeof NEIGHBOUR_FIELDS;
