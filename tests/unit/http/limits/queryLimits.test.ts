// The estimated cost of a query (listSizeEstimator) on the real schema: list sizes multiply, source texts cost by
// their length, and root fields that scan the graph cost extra. Remembered per document, operation and variables.
import { buildSchema, parse } from "graphql";
import { getComplexity } from "graphql-query-complexity";
import { subgraphSchema } from "../../../../src/graphql/federation";
import { loadTypeDefs } from "../../../../src/graphql/schema";
import { CostCache, listSizeEstimator } from "../../../../src/http/limits/queryLimits";

const schema = buildSchema(loadTypeDefs());
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [listSizeEstimator] });

describe("the cost of a query", () => {
  it("is 1 a field", () => {
    expect(cost(`{ person(id: "person:a") { id name } }`)).toBe(3);
  });

  it("multiplies what a page selects by first, counting edges and nodes once", () => {
    expect(cost(`{ statements(first: 10) { nodes { id text } } }`)).toBe(31);
    expect(cost(`{ statements(first: 10) { edges { cursor node { id } } } }`)).toBe(1 + 10 * (1 + 1 + 2));
    expect(cost(`{ statements(first: 10) { totalCount } }`)).toBe(11);
  });

  it("takes the page size from first or last (else the default of 20) and from variables, and counts 0 as 1", () => {
    expect(cost(`{ people { nodes { id } } }`)).toBe(1 + 20 * 2);
    expect(cost(`{ people(last: 7, before: "x") { nodes { id } } }`)).toBe(1 + 7 * 2);
    expect(cost(`query ($n: Int) { people(last: $n) { nodes { id } } }`, { n: 1000 })).toBe(1 + 100 * 2);
    expect(cost(`query ($n: Int) { people(first: $n) { nodes { id } } }`, { n: 50 })).toBe(1 + 50 * 2);
    expect(cost(`{ people(first: 0) { nodes { id } } }`)).toBe(1 + 1 * 2);
  });

  it("counts a first over 100 as 100, so the field itself refuses it rather than the whole query failing", () => {
    expect(cost(`{ statements(first: 1000000) { nodes { id } } }`)).toBe(1 + 100 * 2);
    expect(cost(`{ person(id: "person:a") { statements(first: 1000) { nodes { id } } } }`)).toBe(1 + 1 + 100 * 2);
    expect(cost(`query ($n: Int) { people(first: $n) { nodes { id } } }`, { n: 5000 })).toBe(1 + 100 * 2);
    expect(cost(`{ people(first: -5) { nodes { id } } }`)).toBe(1 + 1 * 2);
  });

  it("adds 50 for a statement list's facets, which count every statement the filter keeps", () => {
    expect(cost(`{ statements(first: 1) { facets { undated } } }`)).toBe(1 + 1 * (1 + 50 + 1));
    expect(cost(`{ statements(first: 1) { facets { bySpeaker { count } } } }`)).toBe(1 + 1 * (1 + 50 + (1 + 5 * 1)));
  });

  it("multiplies nested pages", () => {
    const nested = `{ people(first: 10) { nodes { statements(first: 10) { nodes { mentions { id } } } } } }`;
    // mentions: 1 + 5 × 1; a statement's nodes: 1 + 6; statements: 1 + 10 × 7; a person's nodes: 1 + 71.
    expect(cost(nested)).toBe(721);
  });

  it("counts 5 for a list without first", () => {
    expect(cost(`{ statement(id: "statement:a") { mentions { id } evidence { start end } } }`)).toBe(
      1 + (1 + 5) + (1 + 5 * 2),
    );
  });

  it("adds 50 for search, timeline and path, which scan the graph", () => {
    // Both are connections: the page's nodes count 1 each, like any connection's.
    expect(cost(`{ search(query: "ceasefire", first: 5) { nodes { snippet } } }`)).toBe(1 + 50 + 5 * (1 + 1));
    // A union costs its most expensive member; without first or last a page has 20 items, as on every connection.
    expect(
      cost(`{ timeline(entity: "state:ua") { nodes { ... on Event { id } ... on Statement { id text } } } }`),
    ).toBe(1 + 50 + 20 * (1 + 2));
    expect(cost(`{ timeline(entity: "state:ua", first: 100) { nodes { ... on Statement { id text } } } }`)).toBe(
      1 + 50 + 100 * (1 + 2),
    );
    expect(cost(`{ path(from: "a", to: "b") { length } }`)).toBe(1 + 50 + 1);
  });

  it("costs a source text 1 per 1,000 characters it can return, 100,000 without an end", () => {
    expect(cost(`{ source(id: "source:a") { text(start: 0, end: 5000) } }`)).toBe(1 + 1 + 5);
    expect(cost(`{ source(id: "source:a") { text(start: 10, end: 11) } }`)).toBe(1 + 1 + 1);
    expect(cost(`{ source(id: "source:a") { text } }`)).toBe(1 + 1 + 100);
    expect(cost(`{ sources(first: 10) { nodes { text } } }`)).toBe(1 + 10 * (1 + 101));
  });

  it("counts a statement's responses as 20 and a conversation as 100 statements, or 1 at depth 0", () => {
    expect(cost(`{ statement(id: "s") { respondsTo { relation } responses { relation } } }`)).toBe(1 + 2 * (1 + 20));
    const thread = (depth: number) => `conversation(statement: "s", maxDepth: ${depth}) { id }`;
    expect(cost(`{ ${thread(0)} }`)).toBe(1 + 50 + 1);
    expect(cost(`{ ${thread(1)} }`)).toBe(1 + 50 + 100);
    // The audit's answer of 8.9 MB: four aliases of a conversation with both directions of responses, refused up
    // front (MAX_COST 20000); one of them alone is costed 16,751.
    const one = `conversation(statement: "s", maxDepth: 10) { id text saidOn speaker { name }
      respondsTo { relation statement { id text } } responses { relation statement { id text } } }`;
    expect(cost(`{ ${one} }`)).toBe(1 + 50 + 100 * (4 + 1 + 2 * (1 + 20 * (1 + 1 + 2))));
    expect(cost(`{ a: ${one} b: ${one} c: ${one} d: ${one} }`)).toBe(4 * 16_751);
  });
});

describe("CostCache", () => {
  it("remembers a document's cost per operation and variables, and gives what getComplexity gives", () => {
    let walks = 0;
    const costs = new CostCache((options) => {
      walks += 1;
      return getComplexity(options);
    });
    const document = parse(
      `query Page($n: Int) { people(first: $n) { nodes { id } } } query One { people { nodes { id } } }`,
    );
    expect(costs.cost(schema, document, { n: 50 }, "Page")).toBe(1 + 50 * 2);
    expect(costs.cost(schema, document, { n: 7 }, "Page")).toBe(1 + 7 * 2);
    expect(costs.cost(schema, document, {}, "One")).toBe(1 + 20 * 2);
    // Remembered: the same document, operation and variables are not walked again.
    expect(walks).toBe(3);
    expect(costs.cost(schema, document, { n: 50 }, "Page")).toBe(101);
    expect(walks).toBe(3);
    // Another document object (another query text) is costed on its own.
    expect(costs.cost(schema, parse(`{ people(first: 3) { nodes { id } } }`), {})).toBe(7);
    expect(walks).toBe(4);
    // Not remembered when asked not to (a mutation, or a subscription): walked each time.
    const notRemembered = parse(`query ($n: Int) { people(first: $n) { nodes { id } } }`);
    expect(costs.cost(schema, notRemembered, { n: 4 }, undefined, false)).toBe(9);
    expect(costs.cost(schema, notRemembered, { n: 4 }, undefined, false)).toBe(9);
    expect(walks).toBe(6);
  });

  it("throws as getComplexity throws for variables that do not fit, and remembers nothing of it", () => {
    const costs = new CostCache();
    const document = parse(`query ($n: Int) { people(first: $n) { nodes { id } } }`);
    expect(() => costs.cost(schema, document, { n: "many" })).toThrow();
    expect(costs.cost(schema, document, { n: 2 })).toBe(5);
  });
});

describe("the cost of a gateway's _entities (FEDERATION=true)", () => {
  const subgraph = subgraphSchema(loadTypeDefs(), {});
  const entities = (n: number) =>
    getComplexity({
      schema: subgraph,
      query: parse(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }`),
      variables: { r: Array.from({ length: n }, (_, i) => ({ __typename: "Person", id: `person:${i}` })) },
      estimators: [listSizeEstimator],
    });

  it("counts one entity per representation", () => {
    expect(entities(1)).toBe(1 + 1 * 2);
    expect(entities(40)).toBe(1 + 40 * 2);
  });
});
