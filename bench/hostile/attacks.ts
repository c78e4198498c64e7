// The requests of the anonymous-attacker audit (issue 11), each with what a bounded server answers: a result, or a
// clear refusal with a code. Shared by the hardening test and `npm run bench:hostile`.

export interface Attack {
  name: string;
  /** Requests sent at once (each its own HTTP request). */
  concurrency: number;
  body: () => { query: string; variables?: Record<string, unknown> };
  /** The error codes this attack may get; an empty list means it must be answered with data and no error. */
  refusedWith: string[];
}

const aliases = (count: number, field: (i: number) => string) =>
  `{ ${Array.from({ length: count }, (_v, i) => `a${i}: ${field(i)}`).join(" ")} }`;

const state = (i: number) => `state:s-${String(i + 1).padStart(3, "0")}`;

export const ATTACKS: Attack[] = [
  {
    name: "5 aliased timelines of 100 items (the most first allows)",
    concurrency: 1,
    body: () => ({ query: aliases(5, (i) => `timeline(entity: "${state(i)}", first: 100) { nodes { __typename } }`) }),
    refusedWith: [],
  },
  {
    name: "6 concurrent timelines of 100 items with every part",
    concurrency: 6,
    body: () => ({
      query: `{ timeline(entity: "state:s-001", first: 100) { nodes { __typename ... on Statement { text
        speaker { name } venue { name } event { name } mentions { id } evidence { excerpt source { title } } }
        ... on Event { name } } } }`,
    }),
    refusedWith: [],
  },
  {
    name: "a timeline of 500 items",
    concurrency: 1,
    body: () => ({ query: '{ timeline(entity: "state:s-001", first: 500) { nodes { __typename } } }' }),
    refusedWith: ["BAD_USER_INPUT"],
  },
  {
    name: "28 aliases of 100 statements with excerpts",
    concurrency: 1,
    body: () => ({ query: aliases(28, () => "statements(first: 100) { nodes { evidence { excerpt } } }") }),
    refusedWith: [],
  },
  {
    name: "16 aliases of 100 statements with their sources' whole texts",
    concurrency: 1,
    body: () => ({ query: aliases(16, () => "statements(first: 100) { nodes { evidence { source { text } } } }") }),
    refusedWith: ["QUERY_TOO_COMPLEX"],
  },
  {
    name: "30 statements with their sources' texts",
    concurrency: 1,
    body: () => ({ query: "{ statements(first: 30) { nodes { evidence { source { id text } } } } }" }),
    refusedWith: [],
  },
  {
    name: "4 concurrent lists of 50 source texts",
    concurrency: 4,
    body: () => ({ query: "{ sources(first: 50) { nodes { id textLength text } } }" }),
    refusedWith: [],
  },
  {
    name: "a 1 MB search query",
    concurrency: 1,
    body: () => ({
      query: "query ($q: String!) { search(query: $q, first: 100) { nodes { snippet } } }",
      variables: { q: `abc statement the talks ${"zq ".repeat(340_000)}` },
    }),
    refusedWith: ["BAD_USER_INPUT"],
  },
  {
    name: "30 aliases of a 10,000-word search",
    concurrency: 1,
    body: () => ({
      query: `query ($q: String!) ${aliases(30, () => "search(query: $q, first: 100) { nodes { snippet } }")}`,
      variables: { q: "the talks ".repeat(5_000) },
    }),
    refusedWith: ["BAD_USER_INPUT"],
  },
  {
    name: "a name filter of 1,001 letters",
    concurrency: 1,
    body: () => ({ query: `{ people(filter: { name: "${"a".repeat(1001)}" }) { nodes { id } } }` }),
    refusedWith: ["BAD_USER_INPUT"],
  },
  {
    name: "a name filter that folds to nothing",
    concurrency: 1,
    body: () => ({ query: '{ people(filter: { name: "*" }) { nodes { id } } }' }),
    refusedWith: ["BAD_USER_INPUT"],
  },
  {
    name: "a text filter that folds to nothing",
    concurrency: 1,
    body: () => ({ query: '{ statements(filter: { text: " " }) { nodes { id } } }' }),
    refusedWith: ["BAD_USER_INPUT"],
  },
];

/** Normal traffic on the generated graph, for the hostile-load bench. */
export const NORMAL_QUERIES: string[] = [
  '{ person(id: "person:p-000001") { name statements(first: 10) { nodes { text saidOn venue { name } ' +
    "evidence { excerpt } } } } }",
  '{ statements(filter: { state: "state:s-002", from: "2023-01-01" }, first: 20) { totalCount ' +
    "nodes { text speaker { name } } } }",
  '{ search(query: "grain exports", first: 10) { nodes { score snippet node { id } } } }',
  '{ timeline(entity: "person:p-000050", first: 20) { nodes { __typename ... on Statement { text saidOn } ' +
    "... on Event { name } } } }",
  '{ path(from: "person:p-000001", to: "state:s-003") { length nodes { id } } }',
];
