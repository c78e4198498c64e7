import { post, seededServer, TEST_TOKEN } from "../support/server";

const server = seededServer();

/** After every hostile request, an ordinary one still gets the right answer. */
async function stillAnswers() {
  const { status, json } = await post(server.url, { query: '{ person(id: "person:vladimir-putin") { name } }' });
  expect(status).toBe(200);
  expect(json).toEqual({ data: { person: { name: "Vladimir Putin" } } });
}

/** The audit's request that held Node for a minute: 1.02 MB of search words. */
const MEGABYTE_QUERY = `abc statement the talks ${"zq ".repeat(340_000)}`;

function nested(depth: number): string {
  let q = "id";
  for (let i = 0; i < depth; i++) q = `speaker { ... on Person { statements(first: 2) { nodes { ${q} } } } }`;
  return `{ statements(first: 2) { nodes { ${q} } } }`;
}

const hostileBodies: [string, unknown, number, RegExp][] = [
  ["a depth bomb", { query: nested(20) }, 400, /depth limit of 12 exceeded, found \d+/i],
  [
    "an alias bomb",
    { query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: people { totalCount }`).join(" ")} }` },
    400,
    /aliases limit of 30 exceeded, found 200/i,
  ],
  [
    "a fragment cycle",
    {
      query:
        "query { people { nodes { ...A } } } " +
        "fragment A on Person { statements { nodes { speaker { ...B } } } } fragment B on Person { ...A }",
    },
    400,
    /Cannot spread fragment "A" within itself via "B"/,
  ],
  [
    "a huge first",
    { query: "{ statements(first: 1000000) { nodes { id } } }" },
    200,
    /first must be between 0 and 100, got 1000000/,
  ],
  [
    "a first over 100",
    { query: "{ statements(first: 150) { nodes { id } } }" },
    200,
    /first must be between 0 and 100, got 150/,
  ],
  [
    "deeply nested lists whose sizes multiply",
    {
      query:
        "{ states(first: 100) { nodes { venues { events { participants { participant { " +
        "statements(first: 100) { nodes { mentions { id } } } } } } } } } }",
    },
    400,
    /Query cost \d+ exceeds the maximum of 20000/,
  ],
  // 12 KB: within MAX_DOCUMENT_BYTES (64 KB), so the token count is what refuses it.
  ["too many tokens", { query: `{ ${"a ".repeat(6000)} }` }, 400, /Document contains more tha. 5000 tokens/i],
  [
    "a document padded with a comment",
    { query: `{ __typename } #${"x".repeat(70_000)}` },
    413,
    /^The GraphQL document is 70016 bytes long \(comments included\); at most 65536 are allowed \(MAX_DOCUMENT_BYTES\)/,
  ],
  [
    "too many directives",
    { query: `{ __typename ${"@include(if: true) ".repeat(50)} }` },
    400,
    /Directives limit of 20 exceeded/i,
  ],
  [
    "variables of the wrong type",
    { query: "query ($n: Int) { people(first: $n) { totalCount } }", variables: { n: "lots" } },
    400,
    /Int cannot represent non-integer value: "lots"/,
  ],
  [
    "a date variable that is no date",
    { query: "query ($d: Date) { statements(filter: { from: $d }) { totalCount } }", variables: { d: "yesterday" } },
    400,
    /Date cannot represent "yesterday"/,
  ],
  ["no query at all", { variables: {} }, 400, /must contain a non-empty `query`/],
  ["a syntax error", { query: "{ people { " }, 400, /Syntax Error/],
  ["an unknown field", { query: "{ passwords }" }, 400, /Cannot query field "passwords" on type "Query"/],
  ["a batch of operations", [{ query: "{ __typename }" }, { query: "{ __typename }" }], 400, /batch/i],
  [
    "a search query of a megabyte",
    {
      query: "query ($q: String!) { search(query: $q, first: 100) { nodes { snippet } } }",
      variables: { q: MEGABYTE_QUERY },
    },
    200,
    /^query is 1020024 characters long; at most 1000 are allowed$/,
  ],
  [
    "a name filter longer than Lucene's wildcard automaton allows",
    { query: "query ($n: String) { people(filter: { name: $n }) { totalCount } }", variables: { n: "a".repeat(1001) } },
    200,
    /^filter\.name is 1001 characters long; at most 200 are allowed$/,
  ],
  [
    "a name filter with nothing to match",
    { query: '{ people(filter: { name: "*" }) { totalCount } }' },
    200,
    /^filter\.name has no letters or digits to match \("\*"\)$/,
  ],
];

describe("hostile requests get a 4xx or a GraphQL error, never a 500, and the server keeps answering", () => {
  it.each(hostileBodies)("%s", async (_name, body, status, message) => {
    const response = await post(server.url, body);
    expect(response.status).toBe(status);
    const errors = Array.isArray(response.json)
      ? response.json.flatMap((r: { errors?: unknown[] }) => r.errors ?? [])
      : response.json.errors;
    expect(errors.map((e: { message: string }) => e.message).join("\n")).toMatch(message);
    await stillAnswers();
  });

  it("refuses long search queries at once, and keeps the event loop free while it does", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    const started = performance.now();
    const search = post(server.url, {
      query: "query ($q: String!) { search(query: $q, first: 100) { nodes { snippet } } }",
      variables: { q: MEGABYTE_QUERY },
    });
    const live = fetch(`${base}/health/live`).then((r) => ({ status: r.status, ms: performance.now() - started }));
    const [response, health] = await Promise.all([search, live]);
    expect(response.json.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "query" });
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(2000);
    expect(performance.now() - started).toBeLessThan(2000);

    // 30 aliases of a 10,000-word query (31 KB): refused for its length (the first refusal ends the operation).
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `a${i}: search(query: $q, first: 100) { nodes { snippet } }`).join(" ");
    let at = performance.now();
    const many = await post(server.url, {
      query: `query ($q: String!) { ${aliases(30)} }`,
      variables: { q: "zq ".repeat(10_000) },
    });
    expect(many.json.data).toBeNull();
    expect(many.json.errors[0]).toMatchObject({
      message: "query is 30000 characters long; at most 1000 are allowed",
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(performance.now() - at).toBeLessThan(2000);

    // 30 aliases of the longest query allowed (32 words, 1,000 characters) are searched, with snippets, at once.
    const word = (i: number) => `${"z".repeat(29)}${String(i).padStart(2, "0")}`;
    const longest = `talks ${Array.from({ length: 31 }, (_, i) => word(i)).join(" ")}`;
    at = performance.now();
    const allowed = await post(server.url, {
      query: `query ($q: String!) { ${aliases(30)} }`,
      variables: { q: longest },
    });
    expect(allowed.json.errors).toBeUndefined();
    expect(allowed.json.data.a0.nodes.length).toBeGreaterThan(0);
    expect(allowed.json.data.a0.nodes[0].snippet).toContain("<mark>talks</mark>");
    expect(performance.now() - at).toBeLessThan(2000);
    await stillAnswers();
  });

  it("an oversized body", async () => {
    const response = await post(server.url, { query: "{ __typename }", variables: { pad: "x".repeat(2_000_000) } });
    expect(response.status).toBe(413);
    expect(response.json.errors[0].message).toBe(
      "The request body is larger than the limit of 1048576 bytes (MAX_BODY_BYTES)",
    );
    await stillAnswers();
  });

  it("malformed JSON", async () => {
    const response = await post(server.url, '{"query": "{ __typename }"');
    expect(response.status).toBe(400);
    expect(response.json.errors[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" } });
    expect(response.json.errors[0].message).toMatch(/^The request body is not valid JSON/);
    await stillAnswers();
  });

  it("invalid UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"query": "{ search(query: \\"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('\\") { nodes { snippet } } }"}'),
    ]);
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bytes,
    });
    expect(response.status).toBeLessThan(500);
    await stillAnswers();
  });

  it("a wrong content type", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{ __typename }",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|content-type/i);
    await stillAnswers();
  });

  it("takes Cypher in every string argument as data, never as code", async () => {
    const injections = [
      "x' }) MATCH (n) DETACH DELETE n //",
      '"}) MATCH (n) DETACH DELETE n WITH 1 AS x MATCH (m {id: "',
      "\\' OR 1=1 --",
      "*) OR name:(*",
      "`); DROP CONSTRAINT entity_id; //",
    ];
    const before = await server.db.read<{ n: number }>("MATCH (n) RETURN count(n) AS n");
    for (const evil of injections) {
      const variables = { s: evil };
      const queries = [
        "query ($s: ID!) { node(id: $s) { id } person(id: $s) { id } statement(id: $s) { id } }",
        "query ($s: String) { people(filter: { name: $s }) { totalCount } " +
          "venues(filter: { name: $s, kind: $s }) { totalCount } }",
        "query ($s: String) { statements(filter: { text: $s }) { totalCount } }",
        "query ($s: ID) { " +
          "statements(filter: { speaker: $s, state: $s, venue: $s, event: $s, mentions: $s }) { totalCount } }",
        "query ($s: String!) { search(query: $s) { nodes { snippet } } }",
        "query ($s: String) { people(after: $s) { totalCount } }",
        "query ($s: ID!) { timeline(entity: $s) { nodes { __typename } } }",
      ];
      for (const query of queries) {
        const response = await post(server.url, { query, variables });
        expect(response.status).toBeLessThan(500);
        if (response.json?.errors) {
          for (const error of response.json.errors)
            expect(["BAD_USER_INPUT", "NOT_FOUND"]).toContain(error.extensions.code);
        }
      }
      const mutation = await post(
        server.url,
        {
          query:
            "mutation ($s: String!) { createPerson(input: { name: $s, description: $s, aliases: [$s] }) { id name } }",
          variables,
        },
        { authorization: `Bearer ${TEST_TOKEN}` },
      );
      expect(mutation.json.data.createPerson.name).toBe(evil.trim());
    }
    const after = await server.db.read<{ n: number }>("MATCH (n) RETURN count(n) AS n");
    expect(after[0]!.n).toBeGreaterThan(before[0]!.n);
    const constraints = await server.db.read<{ n: number }>(
      "SHOW CONSTRAINTS YIELD name WHERE name = 'entity_id' RETURN count(*) AS n",
    );
    expect(constraints[0]!.n).toBe(1);
    await stillAnswers();
  });
});
