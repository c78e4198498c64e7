// Lists with each filter and order: entity lists (by name, by date, by a state or a participant) and statement lists
// (by speaker and kind, by venue oldest first, by mention and dates, by event).
import type { ShapeFixtures } from "./fixtures";
import { shape, typename, type Shape } from "./shape";

/**
 * A page of `size` and the total: the matches of `match` (binding n), distinct, ordered, projected. The page reads one
 * more than it shows, for hasNextPage.
 */
function page(match: string, order: string, size: number, projection: string) {
  return `CALL () { ${match} WITH DISTINCT n ORDER BY ${order} LIMIT ${size + 1} RETURN collect(${projection}) AS page }
        CALL () { ${match} RETURN count(DISTINCT n) AS total }`;
}

const LATEST = "n.saidOn DESC, n.id DESC";

export function listShapes(f: ShapeFixtures): Shape[] {
  return [
    shape({
      key: "peopleList",
      title: "People A–Z: the first 20 with the total and whether there is more",
      note: "`people(first: 20)` by name, then id.",
      heldOut: false,
      query: `query People {
        people(first: 20) { totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id name } }
      }`,
      variables: {},
      cypher: `${page("MATCH (n:Person)", "n.name, n.id", 20, "n {.id, .name}")}
        RETURN {people: {totalCount: total, pageInfo: {hasNextPage: size(page) > 20, hasPreviousPage: false},
          nodes: page[0..20]}} AS data`,
    }),
    shape({
      key: "venuesInState",
      title: "Buildings in a state (through their city), A–Z, first 10 with the city",
      note: "`venues(filter: {kind, state})`.",
      heldOut: false,
      query: `query Venues($state: ID!) {
        venues(filter: { kind: "building", state: $state }, first: 10) {
          totalCount nodes { id name kind locatedIn { id } }
        }
      }`,
      variables: { state: f.state },
      cypher: `${page(
        "MATCH (:State {id: $state})<-[:IN_STATE]-(:Venue)<-[:LOCATED_IN*0..5]-(n:Venue) WHERE n.kind = 'building'",
        "n.name, n.id",
        10,
        "n {.id, .name, .kind, locatedIn: head([(n)-[:LOCATED_IN]->(c:Venue) | c {.id}])}",
      )}
        RETURN {venues: {totalCount: total, nodes: page[0..10]}} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "eventsInRange",
      title: "Events between two dates, by date, first 10 with their venue",
      note: "`events(filter: {from, to})`.",
      heldOut: true,
      query: `query Events($from: Date!, $to: Date!) {
        events(filter: { from: $from, to: $to }, first: 10) { totalCount nodes { id name date venue { id name } } }
      }`,
      variables: { from: "2018-01-01", to: f.to },
      cypher: `${page(
        "MATCH (n:Event) WHERE n.date >= date($from) AND n.date <= date($to)",
        "n.date, n.id",
        10,
        "n {.id, .name, .date, venue: head([(n)-[:HELD_AT]->(v:Venue) | v {.id, .name}])}",
      )}
        RETURN {events: {totalCount: total, nodes: page[0..10]}} AS data`,
    }),
    shape({
      key: "quotesBySpeaker",
      title: "A prolific person's direct quotes, latest 20, with the total",
      note: "`statements(filter: {speaker, kind: DIRECT_QUOTE})`.",
      heldOut: false,
      query: `query Quotes($id: ID!) {
        statements(filter: { speaker: $id, kind: DIRECT_QUOTE }, first: 20) {
          totalCount nodes { id text saidOn kind }
        }
      }`,
      variables: { id: f.person },
      cypher: `${page(
        "MATCH (:Person {id: $id})-[:SAID]->(n:Statement) WHERE n.kind = 'DIRECT_QUOTE'",
        LATEST,
        20,
        "n {.id, .text, .saidOn, .kind}",
      )}
        RETURN {statements: {totalCount: total, nodes: page[0..20]}} AS data`,
    }),
    shape({
      key: "statementsAtVenue",
      title: "Statements said in a city (at it or any venue inside), oldest first, first 10 with the venue",
      note: "`statements(filter: {venue}, orderBy: SAID_ON_ASC)`.",
      heldOut: false,
      query: `query AtVenue($venue: ID!) {
        statements(filter: { venue: $venue }, orderBy: SAID_ON_ASC, first: 10) {
          totalCount nodes { id saidOn venue { id name } }
        }
      }`,
      variables: { venue: f.city },
      cypher: `${page(
        "MATCH (:Venue {id: $venue})<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(n:Statement)",
        "n.saidOn, n.id",
        10,
        "n {.id, .saidOn, venue: head([(n)-[:SAID_AT]->(v:Venue) | v {.id, .name}])}",
      )}
        RETURN {statements: {totalCount: total, nodes: page[0..10]}} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "statementsMentioning",
      title: "Statements mentioning the most mentioned person between two dates, latest 10 with the speaker",
      note: "`statements(filter: {mentions, from, to})`.",
      heldOut: true,
      query: `query Mentioning($id: ID!, $from: Date!, $to: Date!) {
        statements(filter: { mentions: $id, from: $from, to: $to }, first: 10) {
          totalCount nodes { id saidOn speaker { __typename id } }
        }
      }`,
      variables: { id: f.mentioned, from: "2017-01-01", to: "2022-12-31" },
      cypher: `${page(
        "MATCH (:Person {id: $id})<-[:MENTIONS]-(n:Statement) WHERE n.saidOn >= date($from) AND n.saidOn <= date($to)",
        LATEST,
        10,
        `n {.id, .saidOn, speaker: head([(n)<-[:SAID]-(x) | {__typename: ${typename("x")}, id: x.id}])}`,
      )}
        RETURN {statements: {totalCount: total, nodes: page[0..10]}} AS data`,
    }),
    shape({
      key: "eventStatements",
      title: "An event's statements (latest 10 with speaker) and the statements mentioning it (latest 5)",
      note: "`event(id) { statements mentionedIn }`: two lists under one entity.",
      heldOut: false,
      query: `query EventStatements($id: ID!) {
        event(id: $id) {
          id name
          statements(first: 10) { totalCount nodes { id text speaker { id name } } }
          mentionedIn(first: 5) { totalCount nodes { id } }
        }
      }`,
      variables: { id: f.event },
      cypher: `MATCH (e:Event {id: $id})
        RETURN {event: e {.id, .name,
          statements: {
            totalCount: COUNT { (e)<-[:DURING]-(:Statement) },
            nodes: COLLECT { MATCH (e)<-[:DURING]-(s:Statement) WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT 10
              RETURN s {.id, .text, speaker: head([(s)<-[:SAID]-(x) | x {.id, .name}])} }
          },
          mentionedIn: {
            totalCount: COUNT { (e)<-[:MENTIONS]-(:Statement) },
            nodes: COLLECT { MATCH (e)<-[:MENTIONS]-(s:Statement) WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT 5
              RETURN s {.id} }
          }
        }} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "statesWithHolders",
      title: "States A–Z, first 5, each with its office holders",
      note: "A list of entities with a neighbour list each.",
      heldOut: true,
      query: `query States {
        states(first: 5) { totalCount nodes { id name isoCode officeHolders { title person { id name } } } }
      }`,
      variables: {},
      cypher: `${page(
        "MATCH (n:State)",
        "n.name, n.id",
        5,
        "n {.id, .name, .isoCode, " +
          "officeHolders: [(n)<-[r:HOLDS_OFFICE]-(p:Person) | {title: r.title, person: p {.id, .name}}]}",
      )}
        RETURN {states: {totalCount: total, nodes: page[0..5]}} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "eventsByParticipant",
      title: "Events a speaker took part in, by date, first 10 with every participant and role",
      note: "`events(filter: {participant})`.",
      heldOut: true,
      query: `query ByParticipant($id: ID!) {
        events(filter: { participant: $id }, first: 10) {
          totalCount nodes { id name date participants { role participant { id } } }
        }
      }`,
      variables: { id: f.participant },
      cypher: `${page(
        "MATCH (:Entity {id: $id})-[:PARTICIPATED_IN]->(n:Event)",
        "n.date, n.id",
        10,
        "n {.id, .name, .date, participants: [(n)<-[r:PARTICIPATED_IN]-(x) | {role: r.role, participant: x {.id}}]}",
      )}
        RETURN {events: {totalCount: total, nodes: page[0..10]}} AS data`,
    }),
  ];
}
