// Ready-made operations for the main traversals over the seeded Istanbul article, the claims behind a value, an
// import preview and a live subscription: the IDE opens the queries (and the subscription) as tabs on a first visit,
// and its Examples pane opens any of them again.

export interface Example {
  /** Shown in the Examples pane. */
  title: string;
  query: string;
  variables?: string;
  headers?: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** An invented one-line report naming Zelenskyy in another spelling, with his office: resolution merges him. */
const PREVIEW_DATASET = {
  source: {
    id: "source:example-notes-2025-06-04",
    title: "Zelensky on the Istanbul talks (invented example)",
    publishedOn: "2025-06-04",
    publisher: "Example Notes (invented)",
    text: "KYIV, June 4 (Example Notes) - Ukraine's President Volodymyr Zelensky spoke about the Istanbul talks.",
  },
  people: [
    {
      id: "person:volodymyr-zelensky",
      name: "Volodymyr Zelensky",
      aliases: ["Zelensky"],
      description: "President of Ukraine.",
    },
  ],
  offices: [{ person: "person:volodymyr-zelensky", state: "state:ua", title: "President" }],
};

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
# A connection, best hits first: 20 a page unless first (or last) says otherwise, at most 100.
query Search($text: String!) {
  search(query: $text) {
    totalCount
    nodes {
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
    pageInfo { hasNextPage endCursor }
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
# A connection like every list: first (or last) at most 100, 20 a page without either.
query Timeline($entity: ID!) {
  timeline(entity: $entity, first: 100) {
    totalCount
    nodes {
      __typename
      ... on Statement { saidOn datePrecision text speaker { name } }
      ... on Event { date datePrecision name }
    }
  }
}
`,
    variables: json({ entity: "state:ua" }),
  },
  {
    title: "Facets: who said what about Russia, month by month",
    query: `# Counts over every statement a filter keeps (paging ignored), in the page's own round trip:
# who speaks, what they mention, direct or reported, by month, where, and how many are undated.
query Facets($mentions: ID!) {
  statements(filter: { mentions: $mentions }, first: 3) {
    totalCount
    facets {
      bySpeaker(first: 5) { node { name } count }
      byMentioned(first: 5) { node { id } count }
      byKind { kind count }
      byPeriod(unit: MONTH) { period count }
      byVenue { node { name } count }
      undated
    }
    nodes { text speaker { name } }
  }
}
`,
    variables: json({ mentions: "state:ru" }),
  },
  {
    title: "Conversation: who answered Zelenskyy",
    query: `# Statements that answer, reject, confirm or quote others: the thread around one statement, both ways,
# in date order (undated last), and for each what it responds to, with the source's words that say so.
query Conversation($statement: ID!) {
  conversation(statement: $statement, maxDepth: 5) {
    id
    saidOn
    text
    speaker { name }
    respondsTo { relation statement { id } evidence { excerpt } }
  }
}
`,
    variables: json({ statement: "statement:zelenskyy-leaders-resolve-key-issues" }),
  },
  {
    title: "Claims behind a value",
    query: `# What each source says about a node, and what a curator set: the values behind the ones it shows. The seed
# dates the first round of the talks to the month; import examples/second-source/ (importDataset) and a second
# report dates it to the day: both claims stay, and the event shows the most precise date consistent with both.
query ClaimsBehindAValue($event: ID!, $statement: ID!) {
  event(id: $event) {
    name
    date
    datePrecision
    claims(field: "date") { value precision curator source { id title publishedOn } }
  }
  statement(id: $statement) {
    text
    sourceCount
    claims(field: "text") { value source { title } }
  }
}
`,
    variables: json({
      event: "event:istanbul-talks-round-1",
      statement: "statement:zelenskyy-leaders-resolve-key-issues",
    }),
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
  {
    title: "Preview an import (dry run)",
    query: `# Which nodes of the graph a dataset's entities would be, with nothing written (dryRun: true):
# MERGED into a node, NEW, or AMBIGUOUS (reported for review), with the score, the reasons and the
# candidates. The dataset in Variables has the format of seed/*.json, with the source text inline.
# Like every mutation it needs the header "Authorization: Bearer <API_TOKEN>" (Headers pane below):
# replace <API_TOKEN> with the token, then run.
mutation PreviewImport($d: JSON!) {
  importDataset(dataset: $d, dryRun: true) {
    dryRun
    mergedInto { id into }
    resolution { incoming decision into score reasons candidates { id score } }
  }
}
`,
    variables: json({ d: PREVIEW_DATASET }),
    headers: json({ Authorization: "Bearer <API_TOKEN>" }),
  },
  {
    title: "Subscription: statements as they are recorded",
    query: `# A subscription runs over WebSocket: the result pane shows each new statement as it is recorded,
# until you press the stop button. Record one in another tab (the recordStatement mutation, with the token)
# or with any client. The filter is the one of statements(filter:): drop it to see every new statement.
subscription StatementsAsRecorded($speaker: ID) {
  statementAdded(filter: { speaker: $speaker }) {
    id
    kind
    text
    saidOn
    speaker { name }
    venue { name }
    evidence { excerpt source { title } }
  }
}
`,
    variables: json({ speaker: "person:volodymyr-zelenskyy" }),
  },
  {
    title: "Extract statements from an article (dry run)",
    query: `# Who said what, where and when in an article's text: each statement with its speaker, date,
# evidence spans (offsets into the text as given) and the extractor's confidence and cue, each entity
# with what resolution decided against the graph. A dry run writes nothing and needs no token; with
# dryRun: false and the token, the draft is imported. The text in Variables is invented.
mutation Extract($input: ArticleInput!) {
  ingestArticle(input: $input) {
    statements { kind text saidOn datePrecision confidence cue speaker { id name } evidence { start end } }
    entities { id type name resolution { decision into } }
    unattributed { text reason }
  }
}
`,
    variables: json({
      input: {
        publishedOn: "2025-06-03",
        title: "Kyiv answers (invented example)",
        text:
          'KYIV: "We will not trade our land for a pause in the shelling," Ukraine\'s president told reporters ' +
          "on Tuesday.\n\nThe Kremlin said on Monday that Moscow's terms had not changed.\n",
      },
    }),
  },
];
