// Type definitions for the peer, @neo4j/graphql 7: the same nodes and relationships as schema/*.graphql, in that
// library's idiom (relationship fields are lists; full-text search through @fulltext; the path through @cypher).
import { PATH_RELATIONSHIPS } from "../questions";

export const peerTypeDefs = /* GraphQL */ `
  interface GraphNode {
    id: ID!
  }

  interface Speaker {
    id: ID!
    name: String!
  }

  interface Mentionable {
    id: ID!
    name: String!
  }

  type Person implements GraphNode & Speaker & Mentionable @node {
    id: ID!
    name: String!
    aliases: [String!]
    description: String
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
    offices: [State!]! @relationship(type: "HOLDS_OFFICE", direction: OUT)
    organizations: [Organization!]! @relationship(type: "MEMBER_OF", direction: OUT)
    mentionedIn: [Statement!]! @relationship(type: "MENTIONS", direction: IN)
  }

  type State implements GraphNode & Speaker & Mentionable @node {
    id: ID!
    name: String!
    isoCode: String!
    aliases: [String!]
    description: String
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
    officeHolders: [Person!]! @relationship(type: "HOLDS_OFFICE", direction: IN)
    organizations: [Organization!]! @relationship(type: "PART_OF", direction: IN)
    venues: [Venue!]! @relationship(type: "IN_STATE", direction: IN)
  }

  type Organization implements GraphNode & Speaker & Mentionable @node {
    id: ID!
    name: String!
    aliases: [String!]
    description: String
    statements: [Statement!]! @relationship(type: "SAID", direction: OUT)
    state: [State!]! @relationship(type: "PART_OF", direction: OUT)
    members: [Person!]! @relationship(type: "MEMBER_OF", direction: IN)
  }

  type Venue implements GraphNode & Mentionable @node {
    id: ID!
    name: String!
    kind: String!
    aliases: [String!]
    description: String
    locatedIn: [Venue!]! @relationship(type: "LOCATED_IN", direction: OUT)
    contains: [Venue!]! @relationship(type: "LOCATED_IN", direction: IN)
    state: [State!]! @relationship(type: "IN_STATE", direction: OUT)
    statements: [Statement!]! @relationship(type: "SAID_AT", direction: IN)
    events: [Event!]! @relationship(type: "HELD_AT", direction: IN)
  }

  type Event implements GraphNode & Mentionable @node {
    id: ID!
    name: String!
    aliases: [String!]
    description: String
    date: Date
    datePrecision: String
    startsAt: DateTime
    venue: [Venue!]! @relationship(type: "HELD_AT", direction: OUT)
    statements: [Statement!]! @relationship(type: "DURING", direction: IN)
    follows: [Event!]! @relationship(type: "FOLLOWS", direction: OUT)
  }

  type Source implements GraphNode @node {
    id: ID!
    title: String!
    publishedOn: Date!
    dateline: String
    publisher: String
    url: String
    text: String!
    statements: [Statement!]! @relationship(type: "REPORTED_IN", direction: IN)
  }

  type Statement implements GraphNode
    @node
    @fulltext(indexes: [{ indexName: "statement_text", queryName: "statementsByText", fields: ["text"] }]) {
    id: ID!
    text: String!
    kind: String!
    saidOn: Date
    datePrecision: String
    channel: String
    recurring: Boolean
    "Who said it: a person, a state or an organization."
    speaker: [Speaker!]! @relationship(type: "SAID", direction: IN)
    "The same relationship per kind of speaker, so filters can follow a person's offices or an organization's state."
    saidByPerson: [Person!]! @relationship(type: "SAID", direction: IN)
    saidByState: [State!]! @relationship(type: "SAID", direction: IN)
    saidByOrganization: [Organization!]! @relationship(type: "SAID", direction: IN)
    venue: [Venue!]! @relationship(type: "SAID_AT", direction: OUT)
    event: [Event!]! @relationship(type: "DURING", direction: OUT)
    mentions: [Mentionable!]! @relationship(type: "MENTIONS", direction: OUT)
    sources: [Source!]! @relationship(type: "REPORTED_IN", direction: OUT)
  }

  type Query {
    "The nodes of the shortest path between two entities (the same choice among equally short paths as the server's)."
    shortestPath(from: ID!, to: ID!): [GraphNode!]!
      @cypher(
        statement: """
        MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
        MATCH p = allShortestPaths((a)-[:${PATH_RELATIONSHIPS}*..4]-(b))
        WITH p LIMIT 100
        WITH p ORDER BY reduce(key = '', n IN nodes(p) | key + ' ' + n.id) LIMIT 1
        UNWIND nodes(p) AS node
        RETURN node
        """
        columnName: "node"
      )
  }
`;
