// Entity pages and nested pages (two and three levels deep): what a front end's detail views ask for.
import type { ShapeFixtures } from "./fixtures";
import { shape, typename, type Shape } from "./shape";

/** A statement list under a bound node, latest first (all generated statements are dated). */
const latest = (pattern: string, limit: number, projection: string) =>
  `COLLECT { MATCH ${pattern} WITH DISTINCT s ORDER BY s.saidOn DESC, s.id DESC LIMIT ${limit} RETURN ${projection} }`;
const total = (pattern: string) => `COUNT { MATCH ${pattern} RETURN DISTINCT s }`;
/**
 * The latest statements of a node that holds a large share of them (a state with its people and bodies, a source of
 * thousands): walking the saidOn index from the latest and testing each statement finds them in a few steps, where
 * expanding the node reads and sorts them all (as the benchmark's "latest" and "byState" questions do).
 */
const latestByDate = (test: string, limit: number, projection: string) =>
  `COLLECT { MATCH (s:Statement) WHERE s.saidOn IS NOT NULL AND EXISTS { ${test} }
              WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT ${limit} RETURN ${projection} }`;

export function pageShapes(f: ShapeFixtures): Shape[] {
  return [
    shape({
      key: "personPage",
      title: "Person page: name, aliases, description, offices with their state, organizations, events with role",
      note: "One entity and its neighbours, no statements.",
      heldOut: false,
      query: `query PersonPage($id: ID!) {
        person(id: $id) {
          id name aliases description
          offices { title since state { id name } }
          organizations { id name }
          events { role event { id name date } }
        }
      }`,
      variables: { id: f.person },
      cypher: `MATCH (p:Person {id: $id})
        RETURN {person: p {.id, .name, aliases: coalesce(p.aliases, []), .description,
          offices: [(p)-[o:HOLDS_OFFICE]->(st:State) | {title: o.title, since: o.since, state: st {.id, .name}}],
          organizations: [(p)-[:MEMBER_OF]->(org:Organization) | org {.id, .name}],
          events: [(p)-[r:PARTICIPATED_IN]->(e:Event) | {role: r.role, event: e {.id, .name, .date}}]
        }} AS data`,
    }),
    shape({
      key: "statePage",
      title: "State page: code, aliases, office holders, organizations, venues",
      note: "One state and three neighbour lists.",
      heldOut: false,
      query: `query StatePage($id: ID!) {
        state(id: $id) {
          id name isoCode aliases
          officeHolders { title since person { id name } }
          organizations { id name }
          venues { id name kind }
        }
      }`,
      variables: { id: f.state },
      cypher: `MATCH (st:State {id: $id})
        RETURN {state: st {.id, .name, .isoCode, aliases: coalesce(st.aliases, []),
          officeHolders: [(st)<-[o:HOLDS_OFFICE]-(p:Person) | {title: o.title, since: o.since, person: p {.id, .name}}],
          organizations: [(st)<-[:PART_OF]-(org:Organization) | org {.id, .name}],
          venues: [(st)<-[:IN_STATE]-(v:Venue) | v {.id, .name, .kind}]
        }} AS data`,
    }),
    shape({
      key: "venuePage",
      title: "Venue page (a city): where it is, its state through the venue chain, what it contains, events held",
      note: "`state` is the nearest state up the LOCATED_IN chain.",
      heldOut: false,
      query: `query VenuePage($id: ID!) {
        venue(id: $id) {
          id name kind
          locatedIn { id name }
          state { id name isoCode }
          contains { id name kind }
          events { id name date }
        }
      }`,
      variables: { id: f.city },
      cypher: `MATCH (v:Venue {id: $id})
        RETURN {venue: v {.id, .name, .kind,
          locatedIn: head([(v)-[:LOCATED_IN]->(x:Venue) | x {.id, .name}]),
          state: head([(v)-[:LOCATED_IN*0..5]->(:Venue)-[:IN_STATE]->(st:State) | st {.id, .name, .isoCode}]),
          contains: [(v)<-[:LOCATED_IN]-(x:Venue) | x {.id, .name, .kind}],
          events: [(v)<-[:HELD_AT]-(e:Event) | e {.id, .name, .date}]
        }} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "eventPage",
      title: "Event page: date, venue and its city, participants with roles (an interface), the rounds around it",
      note: "Participants are speakers of three types, asked through the Speaker interface.",
      heldOut: true,
      query: `query EventPage($id: ID!) {
        event(id: $id) {
          id name date datePrecision startsAt
          venue { id name locatedIn { id name } }
          participants { role participant { __typename id name } }
          follows { id name }
          followedBy { id name }
        }
      }`,
      variables: { id: f.event },
      cypher: `MATCH (e:Event {id: $id})
        RETURN {event: e {.id, .name, .date, .datePrecision, .startsAt,
          venue: head([(e)-[:HELD_AT]->(v:Venue) | v {.id, .name,
            locatedIn: head([(v)-[:LOCATED_IN]->(c:Venue) | c {.id, .name}])}]),
          participants: [(e)<-[r:PARTICIPATED_IN]-(x) | {role: r.role,
            participant: {__typename: ${typename("x")}, id: x.id, name: x.name}}],
          follows: head([(e)-[:FOLLOWS]->(x:Event) | x {.id, .name}]),
          followedBy: [(e)<-[:FOLLOWS]-(x:Event) | x {.id, .name}]
        }} AS data`,
    }),
    shape({
      key: "statementPage",
      title: "Statement page: every field, speaker, venue, event, mentions, evidence with its source",
      note: "Mentions by name then id; evidence by source date, source id, start.",
      heldOut: false,
      query: `query StatementPage($id: ID!) {
        statement(id: $id) {
          id text kind saidOn datePrecision time channel recurring sourceCount
          speaker { __typename id name }
          venue { id name }
          event { id name }
          mentions { __typename id }
          evidence { start end excerpt source { id title } }
        }
      }`,
      variables: { id: f.statement },
      cypher: `MATCH (s:Statement {id: $id})
        RETURN {statement: s {.id, .text, .kind, .saidOn, .datePrecision, .time, .channel,
          recurring: coalesce(s.recurring, false),
          sourceCount: COUNT { MATCH (s)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src },
          speaker: head([(s)<-[:SAID]-(x) | {__typename: ${typename("x")}, id: x.id, name: x.name}]),
          venue: head([(s)-[:SAID_AT]->(v:Venue) | v {.id, .name}]),
          event: head([(s)-[:DURING]->(e:Event) | e {.id, .name}]),
          mentions: COLLECT { MATCH (s)-[:MENTIONS]->(m) WITH m ORDER BY m.name, m.id
            RETURN {__typename: ${typename("m")}, id: m.id} },
          evidence: COLLECT { MATCH (s)-[r:REPORTED_IN]->(src:Source)
            WITH r, src ORDER BY src.publishedOn, src.id, r.start
            RETURN {start: r.start, end: r.end, excerpt: r.excerpt, source: src {.id, .title}} }
        }} AS data`,
    }),
    shape({
      key: "organizationPage",
      title: "2 levels: an organization → its state, members (an interface), latest 5 statements → their mentions",
      note: "Members are people or organizations, asked through the Speaker interface.",
      heldOut: false,
      query: `query OrganizationPage($id: ID!) {
        organization(id: $id) {
          id name
          state { id name }
          members { __typename id name }
          memberOf { id }
          statements(first: 5) { totalCount nodes { id saidOn mentions { id } } }
        }
      }`,
      variables: { id: f.organization },
      cypher: `MATCH (o:Organization {id: $id})
        RETURN {organization: o {.id, .name,
          state: head([(o)-[:PART_OF]->(st:State) | st {.id, .name}]),
          members: [(o)<-[:MEMBER_OF]-(m) | {__typename: ${typename("m")}, id: m.id, name: m.name}],
          memberOf: [(o)-[:MEMBER_OF]->(x:Organization) | x {.id}],
          statements: {
            totalCount: ${total("(o)-[:SAID]->(s:Statement)")},
            nodes: ${latest(
              "(o)-[:SAID]->(s:Statement)",
              5,
              "s {.id, .saidOn, " +
                "mentions: COLLECT { MATCH (s)-[:MENTIONS]->(m) WITH m ORDER BY m.name, m.id RETURN m {.id} }}",
            )}
          }
        }} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "venueNested3",
      title: "3 levels: a city → the venues in it → their latest 3 statements → speaker and mentions",
      note: "A venue's statements include those said at venues inside it.",
      heldOut: true,
      query: `query VenueNested($id: ID!) {
        venue(id: $id) {
          id name
          contains {
            id name
            statements(first: 3) {
              totalCount
              nodes { id saidOn speaker { id name } mentions { __typename id } }
            }
          }
        }
      }`,
      variables: { id: f.city },
      cypher: `MATCH (c:Venue {id: $id})
        RETURN {venue: c {.id, .name,
          contains: [(c)<-[:LOCATED_IN]-(v:Venue) | v {.id, .name, statements: {
            totalCount: ${total("(v)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement)")},
            nodes: ${latest(
              "(v)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement)",
              3,
              `s {.id, .saidOn, speaker: head([(s)<-[:SAID]-(x) | x {.id, .name}]),
                mentions: COLLECT { MATCH (s)-[:MENTIONS]->(m) WITH m ORDER BY m.name, m.id
                  RETURN {__typename: ${typename("m")}, id: m.id} }}`,
            )}
          }}]
        }} AS data`,
    }),
    shape({
      key: "stateStatements",
      title: "2 levels: a state → the latest 10 statements of it, its organizations and office holders → speaker",
      note: "`allStatements`: said by the state, an organization part of it, or a person holding one of its offices.",
      heldOut: false,
      query: `query StateStatements($id: ID!) {
        state(id: $id) {
          id name
          allStatements(first: 10) { totalCount nodes { id saidOn speaker { __typename id name } } }
        }
      }`,
      variables: { id: f.state },
      cypher: `MATCH (st:State {id: $id})
        RETURN {state: st {.id, .name, allStatements: {
          totalCount: ${total("(st)<-[:PART_OF|HOLDS_OFFICE*0..1]-()-[:SAID]->(s:Statement)")},
          nodes: ${latestByDate(
            "(s)<-[:SAID]-()-[:PART_OF|HOLDS_OFFICE*0..1]->(:State {id: $id})",
            10,
            `s {.id, .saidOn,
              speaker: head([(s)<-[:SAID]-(x) | {__typename: ${typename("x")}, id: x.id, name: x.name}])}`,
          )}
        }}} AS data`,
    }),
    shape({
      key: "memberships3",
      title: "3 levels: a person → their organizations → each one's state → that state's office holders",
      note: "Neighbour lists all the way down, no statements.",
      heldOut: false,
      query: `query Memberships($id: ID!) {
        person(id: $id) {
          id
          organizations { id name state { id name officeHolders { title person { id } } } }
        }
      }`,
      variables: { id: f.member },
      cypher: `MATCH (p:Person {id: $id})
        RETURN {person: p {.id,
          organizations: [(p)-[:MEMBER_OF]->(o:Organization) | o {.id, .name,
            state: head([(o)-[:PART_OF]->(st:State) | st {.id, .name,
              officeHolders: [(st)<-[r:HOLDS_OFFICE]-(h:Person) | {title: r.title, person: h {.id}}]}])}]
        }} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "sourcePage",
      title: "Source page: title, date, dateline, publisher, text length, the latest 10 statements it reports",
      note: "The text itself is not asked for (a reader page loads it in pieces).",
      heldOut: true,
      query: `query SourcePage($id: ID!) {
        source(id: $id) {
          id title publishedOn dateline publisher textLength
          statements(first: 10) { totalCount nodes { id kind speaker { id } } }
        }
      }`,
      variables: { id: f.source },
      cypher: `MATCH (src:Source {id: $id})
        RETURN {source: src {.id, .title, .publishedOn, .dateline, .publisher, textLength: size(src.text),
          statements: {
            totalCount: ${total("(src)<-[:REPORTED_IN]-(s:Statement)")},
            nodes: ${latestByDate(
              "(s)-[:REPORTED_IN]->(:Source {id: $id})",
              10,
              "s {.id, .kind, speaker: head([(s)<-[:SAID]-(x) | x {.id}])}",
            )}
          }
        }} AS data`,
    }),
  ];
}
