// Turns a Neighbourhood result into the nodes and relationships the graph draws, with relationships in their stored
// direction and named as in the database (SAID, MENTIONS, HELD_AT …), so the picture matches the data model; a
// response between statements is named by its relation (REJECTS, ANSWERS …), what its RESPONDS_TO says.
import type {
  ClaimFieldsFragment,
  NeighbourhoodQuery,
  StatementKind,
  StatementLinksFragment,
} from "../generated/graphql";
import type { ThreadStatement } from "./thread";
import { shortWords } from "./words";

export type Kind = "Person" | "State" | "Organization" | "Venue" | "Event" | "Statement" | "Source";

export interface GraphNode {
  id: string;
  kind: Kind;
  label: string;
}

export interface GraphEdge {
  source: string;
  target: string;
  type: string;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type NodeDetails = NonNullable<NeighbourhoodQuery["node"]>;

/** What any reference in a result looks like: its type, its id and whichever of name, text or title it has. */
export type Ref = { __typename: Kind; id: string } & (
  { name: string } | { text: string; kind: StatementKind } | { title: string }
);

/** A node's name; a statement's words (in quotation marks only when they are a direct quotation). */
export function labelOf(ref: Ref): string {
  if ("name" in ref) return ref.name;
  if ("text" in ref) return shortWords(ref);
  return ref.title;
}

class Collector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  node(kind: Kind, id: string, label: string): void {
    if (!this.nodes.has(id)) this.nodes.set(id, { id, kind, label });
  }

  ref(ref: Ref): void {
    this.node(ref.__typename, ref.id, labelOf(ref));
  }

  edge(source: string, target: string, type: string): void {
    this.edges.set(`${source}|${type}|${target}`, { source, target, type });
  }

  statement(statement: StatementLinksFragment): void {
    this.node("Statement", statement.id, shortWords(statement));
    this.ref(statement.speaker);
    this.edge(statement.speaker.id, statement.id, "SAID");
    if (statement.venue) {
      this.node("Venue", statement.venue.id, statement.venue.name);
      this.edge(statement.id, statement.venue.id, "SAID_AT");
    }
    if (statement.event) {
      this.node("Event", statement.event.id, statement.event.name);
      this.edge(statement.id, statement.event.id, "DURING");
    }
    for (const mention of statement.mentions) {
      this.ref(mention);
      this.edge(statement.id, mention.id, "MENTIONS");
    }
  }

  /** The statements of a conversation, who said them, and their responses to one another. */
  thread(statements: ThreadStatement[]): void {
    for (const statement of statements) {
      this.node("Statement", statement.id, shortWords(statement));
      this.ref(statement.speaker);
      this.edge(statement.speaker.id, statement.id, "SAID");
    }
    const ids = new Set(statements.map((statement) => statement.id));
    for (const statement of statements) {
      for (const response of statement.respondsTo) {
        if (ids.has(response.statement.id)) this.edge(statement.id, response.statement.id, response.relation);
      }
    }
  }

  result(): Neighbourhood {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/**
 * The node itself, everything it links to, and for its statements their speakers, venues, events and mentions; for a
 * statement, the conversation around it when there is one.
 */
export function neighbourhoodOf(node: NodeDetails, thread: ThreadStatement[] = []): Neighbourhood {
  const graph = new Collector();
  graph.ref(node);
  const id = node.id;
  const participation = (events: { event: { id: string; name: string } }[]) => {
    for (const { event } of events) {
      graph.node("Event", event.id, event.name);
      graph.edge(id, event.id, "PARTICIPATED_IN");
    }
  };
  switch (node.__typename) {
    case "Person":
      for (const office of node.offices) {
        graph.node("State", office.state.id, office.state.name);
        graph.edge(id, office.state.id, "HOLDS_OFFICE");
      }
      for (const organization of node.organizations) {
        graph.node("Organization", organization.id, organization.name);
        graph.edge(id, organization.id, "MEMBER_OF");
      }
      participation(node.events);
      break;
    case "State":
      for (const office of node.officeHolders) {
        graph.node("Person", office.person.id, office.person.name);
        graph.edge(office.person.id, id, "HOLDS_OFFICE");
      }
      for (const organization of node.organizations) {
        graph.node("Organization", organization.id, organization.name);
        graph.edge(organization.id, id, "PART_OF");
      }
      participation(node.events);
      break;
    case "Organization":
      if (node.state) {
        graph.node("State", node.state.id, node.state.name);
        graph.edge(id, node.state.id, "PART_OF");
      }
      for (const member of node.members) {
        graph.ref(member);
        graph.edge(member.id, id, "MEMBER_OF");
      }
      for (const organization of node.memberOf) {
        graph.node("Organization", organization.id, organization.name);
        graph.edge(id, organization.id, "MEMBER_OF");
      }
      participation(node.events);
      break;
    case "Venue":
      if (node.locatedIn) {
        graph.node("Venue", node.locatedIn.id, node.locatedIn.name);
        graph.edge(id, node.locatedIn.id, "LOCATED_IN");
      }
      for (const inside of node.contains) {
        graph.node("Venue", inside.id, inside.name);
        graph.edge(inside.id, id, "LOCATED_IN");
      }
      if (node.state) {
        graph.node("State", node.state.id, node.state.name);
        graph.edge(id, node.state.id, "IN_STATE");
      }
      for (const event of node.heldHere) {
        graph.node("Event", event.id, event.name);
        graph.edge(event.id, id, "HELD_AT");
      }
      break;
    case "Event":
      if (node.venue) {
        graph.node("Venue", node.venue.id, node.venue.name);
        graph.edge(id, node.venue.id, "HELD_AT");
      }
      for (const { participant } of node.participants) {
        graph.ref(participant);
        graph.edge(participant.id, id, "PARTICIPATED_IN");
      }
      if (node.follows) {
        graph.node("Event", node.follows.id, node.follows.name);
        graph.edge(id, node.follows.id, "FOLLOWS");
      }
      for (const next of node.followedBy) {
        graph.node("Event", next.id, next.name);
        graph.edge(next.id, id, "FOLLOWS");
      }
      break;
    case "Statement":
      graph.statement(node);
      for (const evidence of node.evidence) {
        graph.node("Source", evidence.source.id, evidence.source.title);
        graph.edge(id, evidence.source.id, "REPORTED_IN");
      }
      break;
    case "Source":
      break;
  }
  if ("statements" in node) {
    for (const statement of node.statements.nodes) graph.statement(statement);
    for (const statement of node.mentionedIn.nodes) graph.statement(statement);
  }
  graph.thread(thread);
  return graph.result();
}

/**
 * Fields that hold one value, so that a source saying something else disagrees with the node. The other fields
 * (aliases, offices, memberships, participants, mentions) add up across sources.
 */
const SINGLE_VALUED = new Set([
  "name",
  "description",
  "isoCode",
  "kind",
  "date",
  "startsAt",
  "partOf",
  "locatedIn",
  "state",
  "venue",
  "follows",
  "text",
  "saidOn",
  "time",
  "channel",
  "speaker",
  "event",
]);

const DATE_FIELDS = new Set(["date", "saidOn"]);

/** The order the panel lists fields in: names first, then what the node is, then its links. */
const FIELD_ORDER = [
  "name",
  "aliases",
  "description",
  "text",
  "kind",
  "isoCode",
  "date",
  "startsAt",
  "saidOn",
  "time",
  "channel",
  "speaker",
  "venue",
  "event",
  "partOf",
  "locatedIn",
  "state",
  "follows",
  "offices",
  "memberships",
  "participants",
  "mentions",
];

const STATUS_ORDER: Record<ClaimStatus, number> = { shown: 0, "less precise": 1, listed: 2, differs: 3 };

/** How a claim's value compares with a shown one: dates with their precision (none means a day, as in the data). */
function claimKey(field: string, value: string, precision: string | null): string {
  return DATE_FIELDS.has(field) ? `${value} ${precision ?? "DAY"}` : value;
}

/**
 * A date claim that the shown date lies within (May 2025 when 16 May 2025 is shown): less precise, not in
 * disagreement — the rule of src/domain/claims.ts (datesCompatible) that picks the most precise consistent date.
 */
function containsShownDate(
  claim: { field: string; value: string; precision: string | null },
  shownKey: string | undefined,
): boolean {
  if (!DATE_FIELDS.has(claim.field) || !shownKey) return false;
  const [shownDate = "", shownPrecision = "DAY"] = shownKey.split(" ");
  const length = (precision: string) => (precision === "YEAR" ? 4 : precision === "MONTH" ? 7 : 10);
  const claimed = length(claim.precision ?? "DAY");
  return claimed < length(shownPrecision) && shownDate.startsWith(claim.value.slice(0, claimed));
}

/** What the node shows for each claimed field, written as claims write values (links as ids, offices "X of id"). */
function shownValues(node: NodeDetails): Map<string, string[]> {
  const shown = new Map<string, (string | null | undefined)[]>();
  const ids = (refs: { id: string }[]) => refs.map((ref) => ref.id);
  if (node.__typename !== "Statement" && node.__typename !== "Source") {
    shown.set("name", [node.name]);
    // An alias that became the name is shown too, as the name.
    shown.set("aliases", [...node.aliases, node.name]);
    shown.set("description", [node.description]);
  }
  switch (node.__typename) {
    case "Person":
      shown.set(
        "offices",
        node.offices.map((o) => `${o.title} of ${o.state.id}`),
      );
      shown.set("memberships", ids(node.organizations));
      break;
    case "State":
      shown.set("isoCode", [node.isoCode]);
      break;
    case "Organization":
      shown.set("partOf", [node.state?.id]);
      shown.set("memberships", ids(node.memberOf));
      break;
    case "Venue":
      shown.set("kind", [node.venueKind]);
      shown.set("locatedIn", [node.locatedIn?.id]);
      shown.set("state", [node.state?.id]);
      break;
    case "Event":
      shown.set("date", [node.date && claimKey("date", node.date, node.datePrecision)]);
      shown.set("startsAt", [node.startsAt]);
      shown.set("venue", [node.venue?.id]);
      shown.set("follows", [node.follows?.id]);
      shown.set(
        "participants",
        node.participants.map((p) => p.participant.id),
      );
      break;
    case "Statement":
      shown.set("text", [node.text]);
      shown.set("kind", [node.kind]);
      shown.set("saidOn", [node.saidOn && claimKey("saidOn", node.saidOn, node.datePrecision)]);
      shown.set("time", [node.time]);
      shown.set("channel", [node.channel]);
      shown.set("speaker", [node.speaker.id]);
      shown.set("venue", [node.venue?.id]);
      shown.set("event", [node.event?.id]);
      shown.set("mentions", ids(node.mentions));
      break;
    case "Source":
      break;
  }
  const result = new Map<string, string[]>();
  for (const [field, values] of shown)
    result.set(
      field,
      values.filter((v): v is string => !!v),
    );
  return result;
}

export type ClaimStatus = "shown" | "less precise" | "differs" | "listed";

/** One value of a field and everyone who claims it: the sources (by id and title), and whether a curator set it. */
export interface ClaimedValue {
  field: string;
  value: string;
  precision: ClaimFieldsFragment["precision"];
  status: ClaimStatus;
  sources: { id: string; title: string }[];
  curator: boolean;
}

export interface ClaimGroup {
  field: string;
  /** Some source (or the curator) gives a value the node does not show. */
  disputed: boolean;
  values: ClaimedValue[];
}

/**
 * A node's claims by field and value (two sources giving one value make one entry), each value marked shown (it is
 * the node's), less precise (a date the shown one lies within), differs (another value of a one-value field) or
 * listed (a value of a field that adds up, or of one the explorer does not show); shown ones first.
 */
export function claimGroups(node: NodeDetails): ClaimGroup[] {
  if (!("claims" in node)) return [];
  const shown = shownValues(node);
  type Group = ClaimGroup & { byKey: Map<string, ClaimedValue> };
  const groups = new Map<string, Group>();
  for (const claim of node.claims) {
    const showing = shown.get(claim.field);
    const key = claimKey(claim.field, claim.value, claim.precision);
    const group: Group = groups.get(claim.field) ?? {
      field: claim.field,
      disputed: false,
      values: [],
      byKey: new Map(),
    };
    groups.set(claim.field, group);
    let entry = group.byKey.get(key);
    if (!entry) {
      const status: ClaimStatus = showing?.includes(key)
        ? "shown"
        : containsShownDate(claim, showing?.[0])
          ? "less precise"
          : showing && SINGLE_VALUED.has(claim.field)
            ? "differs"
            : "listed";
      entry = {
        field: claim.field,
        value: claim.value,
        precision: claim.precision,
        status,
        sources: [],
        curator: false,
      };
      group.byKey.set(key, entry);
      group.values.push(entry);
      group.disputed ||= status === "differs";
    }
    if (claim.source) entry.sources.push(claim.source);
    entry.curator ||= claim.curator;
  }
  const rank = (field: string) => {
    const index = FIELD_ORDER.indexOf(field);
    return index < 0 ? FIELD_ORDER.length : index;
  };
  return [...groups.values()]
    .map(({ field, disputed, values }) => ({
      field,
      disputed,
      values: values.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]),
    }))
    .sort((a, b) => rank(a.field) - rank(b.field));
}

/** How many sources assert something about the node (a curator not counted). */
export function claimSourceCount(groups: ClaimGroup[]): number {
  return new Set(groups.flatMap((g) => g.values.flatMap((v) => v.sources.map((source) => source.id)))).size;
}
