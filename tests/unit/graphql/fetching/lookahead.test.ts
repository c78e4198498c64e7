// selectedFields walks a document's selection once: a repeated document (the same parsed nodes) gets what the first
// walk found, and a fragment merged with different siblings in two places is walked for each.
import { buildSchema, executeSync, parse, type DocumentNode, type GraphQLFieldResolver } from "graphql";
import { loadTypeDefs } from "../../../../src/graphql/schema";
import { perSelection, selectedFields } from "../../../../src/graphql/fetching/lookahead";

const schema = buildSchema(loadTypeDefs());

/** The fields below `nodes` of every `statements` field the document resolves, in order. */
function statementFields(document: DocumentNode): ReadonlySet<string>[] {
  const seen: ReadonlySet<string>[] = [];
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (_source, _args, _ctx, info) => {
    if (info.fieldName === "statements") {
      seen.push(selectedFields(info, ["nodes"]));
      return null;
    }
    return { id: "x" };
  };
  executeSync({ schema, document, fieldResolver });
  return seen;
}

describe("selectedFields", () => {
  it("answers a repeated document from its first walk, a new parse afresh", () => {
    const text = `{ statements { nodes { id text } } }`;
    const document = parse(text);
    const [first] = statementFields(document);
    const [again] = statementFields(document);
    const [reparsed] = statementFields(parse(text));
    expect([...first!]).toEqual(["id", "text"]);
    expect(again).toBe(first);
    expect(reparsed).not.toBe(first);
    expect(reparsed).toEqual(first);
  });

  it("walks a fragment's field again where it is merged with other siblings", () => {
    const document = parse(`
      fragment F on Person { statements { nodes { id } } }
      { a: person(id: "a") { ...F } b: person(id: "b") { ...F statements { nodes { saidOn } } } }`);
    const [a, b] = statementFields(document);
    expect([...a!]).toEqual(["id"]);
    expect([...b!].sort()).toEqual(["id", "saidOn"]);
    const [a2, b2] = statementFields(document);
    expect(a2).toBe(a);
    expect(b2).toBe(b);
  });

  it("works a key out once per document (perSelection), each key apart", () => {
    const document = parse(`{ statements { nodes { id } } }`);
    let computed = 0;
    const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (_source, _args, _ctx, info) => {
      perSelection(info, "a", () => ++computed);
      perSelection(info, "b", () => ++computed);
      return null;
    };
    executeSync({ schema, document, fieldResolver });
    executeSync({ schema, document, fieldResolver });
    expect(computed).toBe(2);
  });
});
