// The links that belong to a node's own state in the change log: those its own mutation sets (a statement's speaker,
// venue and mentions; a venue's city). A person does not change when someone records a statement by them: SAID
// belongs to the statement. Each link type is named here as the field a client knows it by.
import type { Label } from "../../../domain/labels";

export interface OwnedLink {
  /** The field name in a change's fields (the GraphQL field where there is one). */
  field: string;
  /** A relationship type, a constant spliced into nothing: it travels as a parameter. */
  type: string;
  /** Outgoing from the node, or incoming to it. */
  outgoing: boolean;
  /** At most one per node: shown as the other end's id or null, not as a list. */
  single?: true;
  /** The relationship's own properties that are part of the value (a span's start and end, a role). */
  props?: readonly string[];
  /** The name the other end's id goes by in the value, when props make it an object. */
  idAs?: string;
}

export const OWNED_LINKS: Record<Label, readonly OwnedLink[]> = {
  Statement: [
    { field: "speaker", type: "SAID", outgoing: false, single: true },
    { field: "venue", type: "SAID_AT", outgoing: true, single: true },
    { field: "event", type: "DURING", outgoing: true, single: true },
    { field: "mentions", type: "MENTIONS", outgoing: true },
    { field: "evidence", type: "REPORTED_IN", outgoing: true, props: ["start", "end"], idAs: "source" },
    { field: "respondsTo", type: "RESPONDS_TO", outgoing: true, props: ["relation"], idAs: "statement" },
  ],
  Person: [
    { field: "offices", type: "HOLDS_OFFICE", outgoing: true, props: ["title", "since"], idAs: "state" },
    { field: "memberOf", type: "MEMBER_OF", outgoing: true },
  ],
  State: [],
  Organization: [
    { field: "state", type: "PART_OF", outgoing: true, single: true },
    { field: "memberOf", type: "MEMBER_OF", outgoing: true },
  ],
  Venue: [
    { field: "locatedIn", type: "LOCATED_IN", outgoing: true, single: true },
    { field: "state", type: "IN_STATE", outgoing: true, single: true },
  ],
  Event: [
    { field: "venue", type: "HELD_AT", outgoing: true, single: true },
    { field: "follows", type: "FOLLOWS", outgoing: true, single: true },
    { field: "participants", type: "PARTICIPATED_IN", outgoing: false, props: ["role"], idAs: "id" },
  ],
  Source: [],
};

const all = Object.values(OWNED_LINKS).flat();

/** Every owned type by direction, for the one query that reads nodes' states. */
export const OUTGOING_TYPES = [...new Set(all.filter((l) => l.outgoing).map((l) => l.type))];
export const INCOMING_TYPES = [...new Set(all.filter((l) => !l.outgoing).map((l) => l.type))];

/**
 * Properties that are not part of what a node says: search helpers derived from its names, bookkeeping of curation
 * and of the quotation index, a source's name (a copy of its title).
 */
export const INTERNAL_PROPERTIES: ReadonlySet<string> = new Set([
  "aliasText",
  "spellings",
  "curatedFields",
  "quoteHash",
]);
export const INTERNAL_BY_LABEL: Partial<Record<Label, ReadonlySet<string>>> = { Source: new Set(["name"]) };
