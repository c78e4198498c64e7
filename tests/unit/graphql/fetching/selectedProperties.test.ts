// Which properties a statement page fetches, from the selection alone (no database): the real schema, a resolver
// that records what the page would ask for.
import { buildSchema, executeSync, parse, type GraphQLFieldResolver } from "graphql";
import type { StatementParts } from "../../../../src/graph/projections";
import { loadTypeDefs } from "../../../../src/graphql/schema";
import { statementPropertiesSelected } from "../../../../src/graphql/fetching/selectedProperties";

const schema = buildSchema(loadTypeDefs());

/** What the root `statements` field of this document selects. */
function selected(document: string): Pick<StatementParts, "properties" | "linkedProperties"> {
  let seen: Pick<StatementParts, "properties" | "linkedProperties"> | undefined;
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (_source, _args, _ctx, info) => {
    if (info.fieldName === "statements") seen = statementPropertiesSelected(info, ["edges", "node"], ["nodes"]);
    return null;
  };
  executeSync({ schema, document: parse(document), fieldResolver });
  if (!seen) throw new Error("the document has no root statements field");
  return seen;
}

describe("statementPropertiesSelected", () => {
  it("asks for the properties the fields name, sorted, and for the linked nodes' own", () => {
    expect(selected(`{ statements { nodes { id text saidOn venue { id name } event { name startsAt } } } }`)).toEqual({
      properties: ["saidOn", "text"],
      linkedProperties: ["name", "startsAt"],
    });
  });

  it("reads fields through edges, fragments and aliases, and inline fragments on the speaker's types", () => {
    const document = `
      fragment S on Statement { kind recurring }
      { statements {
          edges { node { ...S words: text speaker { ... on Person { name } ... on State { isoCode } } } }
          nodes { datePrecision mentions { __typename id } }
      } }`;
    expect(selected(document)).toEqual({
      properties: ["datePrecision", "kind", "recurring", "text"],
      linkedProperties: ["isoCode", "name"],
    });
  });

  it("needs no property for ids, type names, linked lists or counts read from the evidence", () => {
    const document = `{ statements { totalCount nodes { __typename id sourceCount claims { field }
      speaker { id statements { totalCount } } evidence { excerpt } } } }`;
    expect(selected(document)).toEqual({ properties: [], linkedProperties: [] });
  });

  it("fetches every property when a selected leaf field is not one (it may compute from any)", () => {
    // Source.text is read in pieces, not from the row: a leaf that is not a property, so all properties come.
    expect(selected(`{ statements { nodes { text mentions { ... on Source { text } } } } }`)).toEqual({
      properties: ["text"],
      linkedProperties: undefined,
    });
  });
});
