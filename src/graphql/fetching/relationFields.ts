// Which fields of each node type are lists reached through relationships: neighbours of one kind, or statements
// hanging off the node. One table, read by the field resolvers (generated from it) and by the look-ups that fetch
// those lists early. Each entry must name a field the schema has, or this file does not compile.
import type { Resolvers } from "../../generated/graphql";
import type { NeighbourKind } from "../../graph/reads/neighbours";
import type { StatementAnchor } from "../../graph/reads/statements";

/** A value V for some fields of some types, by their names in the schema (as the generated resolver types say). */
type BySchemaField<V> = { [T in keyof Resolvers]?: { [F in keyof NonNullable<Resolvers[T]>]?: V } };

export const NEIGHBOUR_FIELDS = {
  Person: { offices: "offices", organizations: "memberOf", events: "participations" },
  State: {
    officeHolders: "officeHolders",
    organizations: "stateOrganizations",
    venues: "stateVenues",
    events: "participations",
  },
  Organization: { state: "partOf", members: "members", memberOf: "memberOf", events: "participations" },
  Venue: { locatedIn: "locatedIn", contains: "contains", state: "venueState", events: "eventsHeld" },
  Event: { venue: "heldAt", participants: "participants", follows: "follows", followedBy: "followedBy" },
  Source: {},
} as const satisfies BySchemaField<NeighbourKind>;

export const STATEMENT_FIELDS = {
  Person: { statements: "said", mentionedIn: "mentionedIn" },
  State: { statements: "said", allStatements: "stateAll", mentionedIn: "mentionedIn" },
  Organization: { statements: "said", mentionedIn: "mentionedIn" },
  Venue: { statements: "saidAt", mentionedIn: "mentionedIn" },
  Event: { statements: "during", mentionedIn: "mentionedIn" },
  Source: { statements: "reportedIn" },
} as const satisfies BySchemaField<StatementAnchor> & Record<LinkedType, unknown>;

/** Neighbour fields whose items wrap the neighbour (an office, a participation): the item's field that holds it. */
const WRAPPED_NEIGHBOURS = {
  Person: { offices: "state", events: "event" },
  State: { officeHolders: "person", events: "event" },
  Organization: { events: "event" },
  Event: { participants: "participant" },
} as const satisfies BySchemaField<string>;

export const NEIGHBOUR_NODE_FIELD: Partial<Record<LinkedType, Record<string, string>>> = WRAPPED_NEIGHBOURS;

export type LinkedType = keyof typeof NEIGHBOUR_FIELDS;

/** The neighbour fields of a type whose items wrap the neighbour: their resolvers are written by hand. */
export type WrappedNeighbourField<T extends LinkedType> = T extends keyof typeof WRAPPED_NEIGHBOURS
  ? keyof (typeof WRAPPED_NEIGHBOURS)[T]
  : never;
