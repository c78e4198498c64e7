// The API refuses free-text arguments (search query, filter.text, filter.name) it cannot search for; the checks
// themselves, the Lucene builders and snippets are pinned in the unit tier (tests/unit/graphql, tests/unit/graph).
import { connectTestDatabase, emptyGraph } from "../support/database";
import { TestApi } from "../support/graphql";
import { loadIstanbulSeed } from "../support/seed";
import { NOTHING_TO_MATCH, words } from "../support/textInputs";

describe("the API refuses text inputs it cannot search for, with BAD_USER_INPUT naming the argument", () => {
  const db = connectTestDatabase();
  const api = new TestApi(db);

  beforeAll(async () => {
    await emptyGraph(db);
    await loadIstanbulSeed(db);
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
    await db.close();
  });

  async function refused(query: string, variables: Record<string, unknown>) {
    const result = await api.run(query, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.queries).toBe(0);
    const [error] = result.errors!;
    return { message: error!.message, code: error!.extensions?.code, field: error!.extensions?.field };
  }

  it("refuses a name filter of 1,001 letters (Lucene's wildcard would fail) instead of failing inside", async () => {
    expect(
      await refused(`query ($s: String) { people(filter: { name: $s }) { totalCount } }`, { s: "a".repeat(1001) }),
    ).toEqual({
      message: "filter.name is 1001 characters long; at most 200 are allowed",
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
    expect(
      await refused(`query ($s: String) { venues(filter: { name: $s }) { totalCount } }`, {
        s: words(40, () => "v".repeat(300)),
      }),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
    expect(
      await refused(`query ($s: String) { events(filter: { name: $s }) { totalCount } }`, {
        s: `talks ${"t".repeat(100)}`,
      }),
    ).toEqual({
      message: "filter.name has a word of 100 characters; at most 64 are allowed in a word",
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
  });

  it("refuses a megabyte search query and a 10,000-word one", async () => {
    const search = `query ($s: String!) { search(query: $s, first: 100) { nodes { snippet } } }`;
    expect(await refused(search, { s: `abc statement the talks ${"zq ".repeat(340_000)}` })).toEqual({
      message: "query is 1020024 characters long; at most 1000 are allowed",
      code: "BAD_USER_INPUT",
      field: "query",
    });
    expect(await refused(search, { s: words(300, () => "zq") })).toEqual({
      message: "query has 300 words; at most 32 are allowed",
      code: "BAD_USER_INPUT",
      field: "query",
    });
    expect(
      await refused(`query ($s: String) { statements(filter: { text: $s }) { totalCount } }`, { s: words(33) }),
    ).toEqual({
      message: "filter.text has 33 words; at most 32 are allowed",
      code: "BAD_USER_INPUT",
      field: "filter.text",
    });
  });

  describe.each(NOTHING_TO_MATCH)("%j, which %s", (value, problem) => {
    it.each([
      ["people", "query ($s: String) { people(filter: { name: $s }) { totalCount } }", "filter.name"],
      ["states", "query ($s: String) { states(filter: { name: $s }) { totalCount } }", "filter.name"],
      ["organizations", "query ($s: String) { organizations(filter: { name: $s }) { totalCount } }", "filter.name"],
      ["venues", "query ($s: String) { venues(filter: { name: $s }) { totalCount } }", "filter.name"],
      ["events", "query ($s: String) { events(filter: { name: $s }) { totalCount } }", "filter.name"],
      ["sources", "query ($s: String) { sources(filter: { name: $s }) { totalCount } }", "filter.name"],
      ["statements", "query ($s: String) { statements(filter: { text: $s }) { totalCount } }", "filter.text"],
      ["search", "query ($s: String!) { search(query: $s) { nodes { snippet } } }", "query"],
    ])("is refused by %s", async (_list, query, field) => {
      expect(await refused(query, { s: value })).toEqual({
        message: `${field} ${problem}`,
        code: "BAD_USER_INPUT",
        field,
      });
    });
  });

  it("refuses a filter that folds to nothing on a nested statement list, where it is asked", async () => {
    for (const text of [" ", "*", "\u200b"]) {
      const result = await api.run(
        `query ($s: String) {
          person(id: "person:volodymyr-zelenskyy") { name statements(filter: { text: $s }) { totalCount } }
        }`,
        { s: text },
      );
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({
        path: ["person", "statements"],
        extensions: { code: "BAD_USER_INPUT", field: "filter.text" },
      });
    }
  });

  it("still finds ceasefire, Çırağan and CIRAGAN PAL", async () => {
    const data = await api.data(`{
      search(query: "ceasefire") { nodes { node { id } snippet } }
      statements(filter: { text: "ceasefire" }) { nodes { id } }
      accented: venues(filter: { name: "Çırağan" }) { nodes { id } }
      capitals: venues(filter: { name: "CIRAGAN PAL" }) { nodes { id } }
      unfiltered: people(filter: {}) { totalCount }
      all: people { totalCount }
    }`);
    expect(data.search.nodes).toEqual([
      {
        node: { id: "statement:zelenskyy-ceasefire-prisoners-children" },
        snippet:
          "First - a full and unconditional <mark>ceasefire</mark>. Second - the release of prisoners. " +
          "Third - the return of abducted children",
      },
    ]);
    expect(data.statements.nodes).toEqual([{ id: "statement:zelenskyy-ceasefire-prisoners-children" }]);
    expect(data.accented.nodes).toEqual([{ id: "venue:ciragan-palace" }]);
    expect(data.capitals.nodes).toEqual([{ id: "venue:ciragan-palace" }]);
    expect(data.unfiltered.totalCount).toBe(data.all.totalCount);
  });

  it("answers a query of 32 words and 1,000 characters, with its snippets", async () => {
    const query = `ceasefire ${words(30, (i) => `q${String(i).padStart(30, "0")}`)} ${"r".repeat(30)}`;
    expect([query.length, query.split(" ").length]).toEqual([1000, 32]);
    const data = await api.data(`query ($s: String!) { search(query: $s) { nodes { node { id } snippet } } }`, {
      s: query,
    });
    expect(data.search.nodes).toEqual([
      {
        node: { id: "statement:zelenskyy-ceasefire-prisoners-children" },
        snippet:
          "First - a full and unconditional <mark>ceasefire</mark>. Second - the release of prisoners. " +
          "Third - the return of abducted children",
      },
    ]);
  });
});
