// The explorer's GraphQL operations. `npm run codegen` turns each into a typed document in web/generated/, so a
// schema change that breaks one of them fails the type-check.
import { graphql } from "../generated";

/** What the search box suggests: entities by name or alias (word prefixes), and statements by full text. */
export const FindDocument = graphql(`
  query Find($text: String!) {
    people(filter: { name: $text }, first: 5) {
      nodes {
        id
        name
        description
      }
    }
    states(filter: { name: $text }, first: 5) {
      nodes {
        id
        name
        description
      }
    }
    organizations(filter: { name: $text }, first: 5) {
      nodes {
        id
        name
        description
      }
    }
    venues(filter: { name: $text }, first: 5) {
      nodes {
        id
        name
        kind
      }
    }
    events(filter: { name: $text }, first: 5) {
      nodes {
        id
        name
        date
        datePrecision
      }
    }
    search(query: $text, first: 8) {
      nodes {
        snippet
        node {
          __typename
          id
          ... on Statement {
            speaker {
              name
            }
          }
        }
      }
    }
  }
`);

graphql(`
  fragment EntityRef on Node {
    __typename
    id
    ... on Speaker {
      name
    }
    ... on Venue {
      name
    }
    ... on Event {
      name
    }
    ... on Statement {
      text
      kind
    }
    ... on Source {
      title
    }
  }
`);

graphql(`
  fragment StatementLinks on Statement {
    id
    text
    kind
    saidOn
    datePrecision
    speaker {
      __typename
      id
      name
    }
    venue {
      id
      name
    }
    event {
      id
      name
    }
    mentions {
      ...EntityRef
    }
  }
`);

graphql(`
  fragment StatementPage on StatementConnection {
    totalCount
    nodes {
      ...StatementLinks
    }
  }
`);

/**
 * What the panel's charts count over a statement list: its dated statements by day (a date known only to the month or
 * year keeps its own period, so the browser rolls days up into months and years exactly, without asking again) and
 * its undated ones. Counted over the whole list, in the page's own round trip.
 */
graphql(`
  fragment OverTime on StatementConnection {
    totalCount
    facets {
      byPeriod(unit: DAY) {
        period
        count
      }
      undated
    }
  }
`);

/** Who said a list's statements, most first: the panel's "who speaks here" chart. */
graphql(`
  fragment TopSpeakers on StatementConnection {
    facets {
      bySpeaker(first: 10) {
        ...SpeakerCountFields
      }
    }
  }
`);

graphql(`
  fragment SpeakerCountFields on SpeakerCount {
    count
    node {
      __typename
      id
      name
    }
  }
`);

/** What one source (or a curator) asserts about a node: the values behind the ones the node shows. */
graphql(`
  fragment ClaimFields on Claim {
    field
    value
    precision
    curator
    source {
      id
      title
    }
  }
`);

/**
 * A statement of a conversation as the panel's thread lists it: who said it and when, and what it responds to (the
 * statements that respond to it are in the thread too, responding to it).
 */
graphql(`
  fragment ThreadStatement on Statement {
    id
    text
    kind
    saidOn
    datePrecision
    speaker {
      __typename
      id
      name
    }
    respondsTo {
      relation
      statement {
        id
      }
    }
  }
`);

/**
 * A node with everything it links to: what the graph adds when the node is expanded, and what the panel shows,
 * with the claims behind its values and the counts its charts draw (statements over time, who it mentions and who
 * mentions it), and for a statement the conversation around it ($thread: the id is a statement's), all in one request.
 */
export const NeighbourhoodDocument = graphql(`
  query Neighbourhood($id: ID!, $first: Int!, $thread: Boolean!) {
    node(id: $id) {
      ...EntityRef
      ... on Person {
        description
        aliases
        claims {
          ...ClaimFields
        }
        offices {
          title
          state {
            id
            name
          }
        }
        organizations {
          id
          name
        }
        events {
          role
          event {
            id
            name
          }
        }
        statements(first: $first) {
          ...StatementPage
          ...OverTime
        }
        mentionedIn(first: $first) {
          ...StatementPage
          ...OverTime
        }
        mentionsMost(first: 10) {
          count
          node {
            ...EntityRef
          }
        }
        mentionedMostBy(first: 10) {
          ...SpeakerCountFields
        }
      }
      ... on State {
        description
        aliases
        claims {
          ...ClaimFields
        }
        isoCode
        officeHolders {
          title
          person {
            id
            name
          }
        }
        organizations {
          id
          name
        }
        events {
          role
          event {
            id
            name
          }
        }
        statements(first: $first) {
          ...StatementPage
        }
        # Its chart counts what the state, its organizations and its office holders said: no page, only the counts.
        allStatements(first: 0) {
          ...OverTime
          ...TopSpeakers
        }
        mentionedIn(first: $first) {
          ...StatementPage
          ...OverTime
        }
        mentionedMostBy(first: 10) {
          ...SpeakerCountFields
        }
      }
      ... on Organization {
        description
        aliases
        claims {
          ...ClaimFields
        }
        state {
          id
          name
        }
        members {
          __typename
          id
          name
        }
        memberOf {
          id
          name
        }
        events {
          role
          event {
            id
            name
          }
        }
        statements(first: $first) {
          ...StatementPage
          ...OverTime
        }
        mentionedIn(first: $first) {
          ...StatementPage
          ...OverTime
        }
        mentionsMost(first: 10) {
          count
          node {
            ...EntityRef
          }
        }
        mentionedMostBy(first: 10) {
          ...SpeakerCountFields
        }
      }
      ... on Venue {
        description
        aliases
        claims {
          ...ClaimFields
        }
        venueKind: kind
        locatedIn {
          id
          name
        }
        contains {
          id
          name
        }
        state {
          id
          name
        }
        heldHere: events {
          id
          name
        }
        statements(first: $first) {
          ...StatementPage
          ...OverTime
          ...TopSpeakers
        }
        mentionedIn(first: $first) {
          ...StatementPage
          ...OverTime
        }
        mentionedMostBy(first: 10) {
          ...SpeakerCountFields
        }
      }
      ... on Event {
        description
        aliases
        claims {
          ...ClaimFields
        }
        date
        datePrecision
        startsAt
        venue {
          id
          name
        }
        participants {
          role
          participant {
            __typename
            id
            name
          }
        }
        follows {
          id
          name
        }
        followedBy {
          id
          name
        }
        statements(first: $first) {
          ...StatementPage
          ...OverTime
          ...TopSpeakers
        }
        mentionedIn(first: $first) {
          ...StatementPage
          ...OverTime
        }
        mentionedMostBy(first: 10) {
          ...SpeakerCountFields
        }
      }
      ... on Statement {
        ...StatementLinks
        time
        channel
        recurring
        sourceCount
        claims {
          ...ClaimFields
        }
        evidence {
          excerpt
          source {
            id
            title
            publishedOn
            publisher
            dateline
          }
        }
      }
    }
    conversation(statement: $id) @include(if: $thread) {
      ...ThreadStatement
    }
  }
`);

/** What an entity said, was mentioned in and took part in, by date: one page of it, between two days if asked. */
export const TimelineDocument = graphql(`
  query Timeline($entity: ID!, $from: Date, $to: Date, $first: Int, $after: String, $last: Int, $before: String) {
    timeline(entity: $entity, from: $from, to: $to, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        __typename
        ... on Statement {
          id
          text
          kind
          saidOn
          datePrecision
          speaker {
            name
          }
        }
        ... on Event {
          id
          name
          date
          datePrecision
        }
      }
    }
  }
`);

/** New statements about the entity shown, as they are recorded (over WebSocket: live.ts). */
export const StatementAddedDocument = graphql(`
  subscription StatementAdded($filter: StatementFilter) {
    statementAdded(filter: $filter) {
      id
      text
      saidOn
      speaker {
        id
        name
      }
    }
  }
`);

/** One entry of a node's history as the Changes tab shows it (history.ts). */
export const HistoryEntryFragment = graphql(`
  fragment HistoryEntry on Change {
    cursor
    at
    kind
    actor
    ids
    fields {
      field
      before
      after
    }
  }
`);

/** A node's entries in the change log, newest first, a page at a time (the Changes tab: history.ts). */
export const HistoryDocument = graphql(`
  query History($id: ID!, $first: Int, $after: String) {
    history(id: $id, first: $first, after: $after) {
      nodes {
        ...HistoryEntry
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** A node's entries as they are written, while its Changes tab is open. */
export const NodeChangedDocument = graphql(`
  subscription NodeChanged($id: ID!) {
    nodeChanged(id: $id) {
      ...HistoryEntry
    }
  }
`);
