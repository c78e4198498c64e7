// The rules on free-text arguments (search query, filter.text, filter.name): pure functions first, then the API.
import type { GraphQLError } from "graphql";
import { allWords, anyWords, MAX_TERM_LENGTH, MAX_TERMS, namePrefixes } from "../../src/graph/fulltext";
import type { NodeRow } from "../../src/graph/rows";
import { snippet } from "../../src/graphql/snippet";
import { checkNameFilter, checkSearchQuery, checkTextFilter, MAX_NAME_LENGTH, MAX_QUERY_LENGTH } from "../../src/graphql/textInputs";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { TestApi } from "../support/graphql";
import { loadIstanbulSeed } from "../support/seed";

/** The BAD_USER_INPUT error a check throws, as message and field. */
function refusal(check: () => unknown): { message: string; code: unknown; field: unknown } {
  try {
    check();
  } catch (e) {
    const error = e as GraphQLError;
    return { message: error.message, code: error.extensions.code, field: error.extensions.field };
  }
  throw new Error("expected the input to be refused");
}

const words = (n: number, word = (i: number) => `w${i}`) => Array.from({ length: n }, (_, i) => word(i)).join(" ");
const NOTHING_TO_MATCH: [string, string][] = [
  ["*", 'has no letters or digits to match ("*")'],
  ["😀", 'has no letters or digits to match ("😀")'],
  ["\u200b", 'has no letters or digits to match ("\\u200b")'],
  ["*?-/", 'has no letters or digits to match ("*?-/")'],
  [" ", "must not be empty"],
  ["", "must not be empty"],
];

describe("the limits on text inputs", () => {
  it("states them", () => {
    expect({ MAX_QUERY_LENGTH, MAX_NAME_LENGTH, MAX_TERMS, MAX_TERM_LENGTH }).toEqual({
      MAX_QUERY_LENGTH: 1000,
      MAX_NAME_LENGTH: 200,
      MAX_TERMS: 32,
      MAX_TERM_LENGTH: 64,
    });
  });

  it("passes ordinary input through unchanged, and no filter as null", () => {
    expect(checkSearchQuery("Putin meeting")).toBe("Putin meeting");
    expect(checkTextFilter("CEASEFIRE")).toBe("CEASEFIRE");
    expect(checkNameFilter("Çırağan")).toBe("Çırağan");
    expect(checkTextFilter(null)).toBeNull();
    expect(checkNameFilter(undefined)).toBeNull();
    expect(checkSearchQuery(`${words(15, () => "x".repeat(64))} ${"y".repeat(25)}`)).toHaveLength(1000);
    expect(checkSearchQuery(words(32))).toBe(words(32));
    expect(checkNameFilter(words(32, () => "ab"))).toBe(words(32, () => "ab"));
  });

  it("refuses a text over the length limit by its length alone, naming the argument, the length and the limit", () => {
    const megabyte = `abc statement the talks ${"zq ".repeat(340_000)}`;
    const started = performance.now();
    expect(refusal(() => checkSearchQuery(megabyte))).toEqual({
      message: "query is 1020024 characters long; at most 1000 are allowed",
      code: "BAD_USER_INPUT",
      field: "query",
    });
    expect(performance.now() - started).toBeLessThan(200);
    expect(refusal(() => checkTextFilter("x".repeat(1001)))).toEqual({
      message: "filter.text is 1001 characters long; at most 1000 are allowed",
      code: "BAD_USER_INPUT",
      field: "filter.text",
    });
    expect(refusal(() => checkNameFilter("a".repeat(1001))).message).toBe("filter.name is 1001 characters long; at most 200 are allowed");
    expect(refusal(() => checkNameFilter(words(40, () => "n".repeat(300)))).message).toBe(
      "filter.name is 12039 characters long; at most 200 are allowed",
    );
  });

  it("refuses more words than a full-text query uses, and longer words", () => {
    expect(refusal(() => checkSearchQuery(words(33))).message).toBe("query has 33 words; at most 32 are allowed");
    expect(refusal(() => checkTextFilter(words(500, () => "a"))).message).toBe("filter.text has 500 words; at most 32 are allowed");
    // A name's words are its folded words: hyphens and apostrophes separate them too.
    expect(refusal(() => checkNameFilter(words(33, () => "a").replaceAll(" ", "-"))).message).toBe("filter.name has 33 words; at most 32 are allowed");
    expect(refusal(() => checkNameFilter(`palace ${"b".repeat(65)}`))).toEqual({
      message: "filter.name has a word of 65 characters; at most 64 are allowed in a word",
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
    expect(refusal(() => checkSearchQuery("y".repeat(65))).message).toBe("query has a word of 65 characters; at most 64 are allowed in a word");
  });

  it.each(NOTHING_TO_MATCH)("refuses %j, which %s, naming the argument", (value, problem) => {
    expect(refusal(() => checkSearchQuery(value))).toEqual({ message: `query ${problem}`, code: "BAD_USER_INPUT", field: "query" });
    expect(refusal(() => checkTextFilter(value))).toEqual({ message: `filter.text ${problem}`, code: "BAD_USER_INPUT", field: "filter.text" });
    expect(refusal(() => checkNameFilter(value))).toEqual({ message: `filter.name ${problem}`, code: "BAD_USER_INPUT", field: "filter.name" });
  });
});

describe("the Lucene builders never emit more than 32 terms of at most 64 characters, whatever they are given", () => {
  const terms = (query: string, separator: string) => query.split(separator);

  it("keeps ordinary queries as they were", () => {
    expect(allWords("immediate halt")).toBe("immediate AND halt");
    expect(anyWords("ceasefire) OR name:*")).toBe("ceasefire\\) OR or OR name\\:\\*");
    expect(namePrefixes("Çırağan pal")).toBe("name:(ciragan* AND pal*) OR aliasText:(ciragan* AND pal*)");
    expect(namePrefixes("*")).toBeNull();
  });

  it("uses the first 32 words of a 10,000-word text", () => {
    const text = words(10_000);
    expect(terms(allWords(text)!, " AND ")).toEqual(words(32).split(" "));
    expect(terms(anyWords(text)!, " OR ")).toEqual(words(32).split(" "));
    expect(namePrefixes(text)).toBe(`name:(${words(32, (i) => `w${i}*`).replaceAll(" ", " AND ")}) OR aliasText:(${words(32, (i) => `w${i}*`).replaceAll(" ", " AND ")})`);
  });

  it("cuts a word to 64 characters, so a wildcard's automaton stays small", () => {
    expect(namePrefixes("a".repeat(1001))).toBe(`name:(${"a".repeat(64)}*) OR aliasText:(${"a".repeat(64)}*)`);
    expect(allWords("b".repeat(1_000_000))).toBe("b".repeat(64));
    // Never between the halves of a surrogate pair.
    expect(anyWords(`${"c".repeat(63)}😀`)).toBe("c".repeat(63));
  });

  it("reads no further than it needs in a megabyte", () => {
    const megabyte = `abc statement the talks ${"zq ".repeat(340_000)}`;
    const started = performance.now();
    for (const build of [allWords, anyWords, namePrefixes]) expect(build(megabyte)!.length).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("snippets: work linear in the text, at most the words the search used", () => {
  const statement = (text: string): NodeRow => ({ label: "Statement", id: "statement:x", text, kind: "DIRECT_QUOTE" });
  const text200 = words(200, (i) => (i % 50 === 7 ? "ceasefire" : `word${i}`));

  it("marks matched words and prefixes, escapes HTML and keeps names, aliases and descriptions in order", () => {
    expect(snippet(statement('A "full" <ceasefire> & talks'), "ceasefire TALK")).toBe(
      "A &quot;full&quot; &lt;<mark>ceasefire</mark>&gt; &amp; <mark>talks</mark>",
    );
    const venue: NodeRow = { label: "Venue", id: "venue:ciragan-palace", name: "Çırağan Palace", aliases: ["Ciragan"], kind: "building", description: "A palace on the Bosphorus" };
    expect(snippet(venue, "ÇIRAĞAN")).toBe("<mark>Çırağan</mark> Palace");
    expect(snippet(venue, "bosph")).toBe("A palace on the <mark>Bosphorus</mark>");
    expect(snippet(venue, "nothing")).toBe("Çırağan Palace");
  });

  it("keeps a 200-character window around the first match of a long text, with ellipses", () => {
    const long = `${"lead ".repeat(100)}the ceasefire holds ${"tail ".repeat(100)}`;
    const at = long.indexOf("ceasefire");
    const expected = `…${long.slice(at - 60, at + 140).replace("ceasefire", "<mark>ceasefire</mark>")}…`;
    expect(snippet(statement(long), "ceasefire")).toBe(expected);
  });

  it("uses the first 32 words of a 10,000-word query", () => {
    const query = words(10_000, (i) => (i === 20 ? "ceasefire" : i === 40 ? "word9" : `zz${i}`));
    const first32 = query.split(" ").slice(0, 32).join(" ");
    expect(snippet(statement(text200), query)).toBe(snippet(statement(text200), first32));
    expect(snippet(statement(text200), query)).toContain("<mark>ceasefire</mark>");
    expect(snippet(statement(text200), query)).not.toContain("<mark>word9</mark>");
  });

  it("finishes at once on a megabyte query and a long text", () => {
    let started = performance.now();
    const megabyte = `abc statement the talks ${"zq ".repeat(340_000)}`;
    expect(snippet(statement(text200), megabyte)).toBe(snippet(statement(text200), "abc statement the talks zq"));
    expect(performance.now() - started).toBeLessThan(200);
    const book = `${words(100_000)} ceasefire`;
    started = performance.now();
    expect(snippet(statement(book), `${words(31, (i) => `x${i}`)} ceasefire`)).toBe(
      `…${book.slice(book.length - 69).replace("ceasefire", "<mark>ceasefire</mark>")}`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

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
    expect(await refused(`query ($s: String) { people(filter: { name: $s }) { totalCount } }`, { s: "a".repeat(1001) })).toEqual({
      message: "filter.name is 1001 characters long; at most 200 are allowed",
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
    expect(await refused(`query ($s: String) { venues(filter: { name: $s }) { totalCount } }`, { s: words(40, () => "v".repeat(300)) })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
    expect(await refused(`query ($s: String) { events(filter: { name: $s }) { totalCount } }`, { s: `talks ${"t".repeat(100)}` })).toEqual({
      message: "filter.name has a word of 100 characters; at most 64 are allowed in a word",
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
  });

  it("refuses a megabyte search query and a 10,000-word one", async () => {
    const search = `query ($s: String!) { search(query: $s, first: 100) { snippet } }`;
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
    expect(await refused(`query ($s: String) { statements(filter: { text: $s }) { totalCount } }`, { s: words(33) })).toEqual({
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
      ["search", "query ($s: String!) { search(query: $s) { snippet } }", "query"],
    ])("is refused by %s", async (_list, query, field) => {
      expect(await refused(query, { s: value })).toEqual({ message: `${field} ${problem}`, code: "BAD_USER_INPUT", field });
    });
  });

  it("refuses a filter that folds to nothing on a nested statement list, where it is asked", async () => {
    for (const text of [" ", "*", "\u200b"]) {
      const result = await api.run(
        `query ($s: String) { person(id: "person:volodymyr-zelenskyy") { name statements(filter: { text: $s }) { totalCount } } }`,
        { s: text },
      );
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({ path: ["person", "statements"], extensions: { code: "BAD_USER_INPUT", field: "filter.text" } });
    }
  });

  it("still finds ceasefire, Çırağan and CIRAGAN PAL", async () => {
    const data = await api.data(`{
      search(query: "ceasefire") { node { id } snippet }
      statements(filter: { text: "ceasefire" }) { nodes { id } }
      accented: venues(filter: { name: "Çırağan" }) { nodes { id } }
      capitals: venues(filter: { name: "CIRAGAN PAL" }) { nodes { id } }
      unfiltered: people(filter: {}) { totalCount }
      all: people { totalCount }
    }`);
    expect(data.search).toEqual([
      {
        node: { id: "statement:zelenskyy-ceasefire-prisoners-children" },
        snippet:
          "First - a full and unconditional <mark>ceasefire</mark>. Second - the release of prisoners. Third - the return of abducted children",
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
    const data = await api.data(`query ($s: String!) { search(query: $s) { node { id } snippet } }`, { s: query });
    expect(data.search).toEqual([
      {
        node: { id: "statement:zelenskyy-ceasefire-prisoners-children" },
        snippet:
          "First - a full and unconditional <mark>ceasefire</mark>. Second - the release of prisoners. Third - the return of abducted children",
      },
    ]);
  });
});
