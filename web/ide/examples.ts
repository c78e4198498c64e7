// Ready-made operations for the main traversals over the seeded Istanbul article: the IDE opens them as tabs on a
// first visit, and its Examples pane opens any of them again later.

export interface Example {
  /** Shown in the Examples pane. */
  title: string;
  query: string;
  variables?: string;
  headers?: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

export const EXAMPLES: Example[] = [
  {
    title: "Who said what: Zelenskyy",
    query: `# Everything Zelenskyy said, with dates,
# venues and the source's words as evidence.
# Ctrl-Enter runs it, Ctrl-Space completes.
# On the left: docs, history, examples and
# a query builder.
query WhatZelenskyySaid($person: ID!) {
  person(id: $person) {
    name
    offices { title state { name } }
    statements(orderBy: SAID_ON_ASC) {
      totalCount
      nodes {
        kind
        text
        saidOn
        datePrecision
        channel
        venue { name }
        event { name }
        evidence { excerpt source { title publishedOn } }
      }
    }
  }
}
`,
    variables: json({ person: "person:volodymyr-zelenskyy" }),
  },
  {
    title: "Everything at a venue: Istanbul and the Ciragan Palace",
    query: `# A venue, what it contains, the events held there and what was said there or about it.
query EverythingAtAVenue($venue: ID!) {
  venue(id: $venue) {
    name
    kind
    state { name isoCode }
    contains { id name kind }
    events { name date datePrecision participants { role participant { name } } }
    statements { totalCount nodes { text speaker { name } } }
    mentionedIn { totalCount nodes { text speaker { name } } }
  }
  palace: venue(id: "venue:ciragan-palace") {
    name
    locatedIn { name }
    events { name startsAt follows { name } }
  }
}
`,
    variables: json({ venue: "venue:istanbul" }),
  },
  {
    title: "Statements about an event: the Istanbul talks",
    query: `# The second round of talks: where and when, who took part, and every statement that mentions it.
query StatementsAboutAnEvent($event: ID!) {
  event(id: $event) {
    name
    date
    startsAt
    venue { name locatedIn { name } }
    follows { name date datePrecision }
    participants { role participant { __typename name } }
    mentionedIn(orderBy: SAID_ON_ASC) {
      totalCount
      nodes { kind text saidOn speaker { name } }
    }
  }
}
`,
    variables: json({ event: "event:istanbul-talks-round-2" }),
  },
  {
    title: "Full-text search: ceasefire",
    query: `# Full-text search over statements and the names, aliases and descriptions of entities.
query Search($text: String!) {
  search(query: $text) {
    score
    snippet
    node {
      __typename
      id
      ... on Statement { text speaker { name } }
      ... on Speaker { name }
      ... on Venue { name }
      ... on Event { name }
    }
  }
}
`,
    variables: json({ text: "ceasefire" }),
  },
  {
    title: "Path: from Trump to the Ciragan Palace",
    query: `# The shortest connection between two entities, ignoring direction (at most maxHops steps).
query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: 4) {
    length
    nodes {
      __typename
      id
      ... on Speaker { name }
      ... on Venue { name }
      ... on Event { name }
      ... on Statement { text }
    }
    relationships { type from to }
  }
}
`,
    variables: json({ from: "person:donald-trump", to: "venue:ciragan-palace" }),
  },
  {
    title: "Timeline: Ukraine",
    query: `# What Ukraine said, was mentioned in and took part in, by date; undated items last.
query Timeline($entity: ID!) {
  timeline(entity: $entity) {
    __typename
    ... on Statement { saidOn datePrecision text speaker { name } }
    ... on Event { date datePrecision name }
  }
}
`,
    variables: json({ entity: "state:ua" }),
  },
  {
    title: "Mutation: add a person (needs API_TOKEN)",
    query: `# Mutations need the header "Authorization: Bearer <API_TOKEN>" (see the Headers pane below) and a server
# started with API_TOKEN set. Replace <API_TOKEN> with the token, then run.
mutation AddPerson($input: PersonInput!) {
  createPerson(input: $input) { id name aliases description }
}
`,
    variables: json({ input: { name: "Jane Doe", aliases: ["Doe"], description: "An example person" } }),
    headers: json({ Authorization: "Bearer <API_TOKEN>" }),
  },
];
