// Turns a Neighbourhood result into the nodes and relationships the graph draws, with relationships in their stored
// direction and named as in the database (SAID, MENTIONS, HELD_AT …), so the picture matches the data model.
import type { NeighbourhoodQuery, StatementLinksFragment } from "../generated/graphql";

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
export type Ref = { __typename: Kind; id: string } & ({ name: string } | { text: string } | { title: string });

export function shortQuote(text: string, max = 48): string {
  const short = text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  return `“${short}”`;
}

export function labelOf(ref: Ref): string {
  if ("name" in ref) return ref.name;
  if ("text" in ref) return shortQuote(ref.text);
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
    this.node("Statement", statement.id, shortQuote(statement.text));
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

  result(): Neighbourhood {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** The node itself, everything it links to, and for its statements their speakers, venues, events and mentions. */
export function neighbourhoodOf(node: NodeDetails): Neighbourhood {
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
  return graph.result();
}
