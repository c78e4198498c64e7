// The schema as an Apollo Federation 2 subgraph (FEDERATION=true; off by default, and then nothing here is used and
// the schema is exactly schema/*.graphql). Every type that implements Node — people, states, organizations, venues,
// events, sources and statements — becomes an entity keyed by its id, so that a gateway can join it with the types of
// other services; `_service { sdl }` and `_entities` come from @apollo/subgraph, and every representation of one
// `_entities` call is looked up through the request's node loader: one Neo4j query for the whole batch.
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import {
  Kind,
  parse,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from "graphql";
import type { GraphQLContext } from "./context";
import { badInput } from "./errors";

/** The Federation version this subgraph declares; gateways and composition from 2.3 on understand it. */
export const FEDERATION_SPEC = "https://specs.apollo.dev/federation/v2.3";

const LINK = `extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key"])`;

const KEY_BY_ID: DirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: "key" },
  arguments: [
    { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "fields" }, value: { kind: Kind.STRING, value: "id" } },
  ],
};

function isEntity(node: ObjectTypeDefinitionNode): boolean {
  return node.interfaces?.some((i) => i.name.value === "Node") ?? false;
}

/** The SDL with the Federation link and `@key(fields: "id")` on every object type that implements Node. */
export function subgraphTypeDefs(typeDefs: string): DocumentNode {
  return visit(parse(`${LINK}\n${typeDefs}`, { noLocation: true }), {
    ObjectTypeDefinition: (node) =>
      isEntity(node) ? { ...node, directives: [...(node.directives ?? []), KEY_BY_ID] } : undefined,
  });
}

/** The names of the entity types: those the SDL keys by id. */
export function entityTypes(typeDefs: string): string[] {
  return parse(typeDefs, { noLocation: true })
    .definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && isEntity(d))
    .map((d) => d.name.value);
}

interface Representation {
  __typename: string;
  id?: unknown;
}

/**
 * Finds the entity a gateway hands over by its id. All representations of one `_entities` call are resolved in the
 * same tick, so the node loader sends them to Neo4j as one query; an id of another type answers null, as the
 * type's own look-up (`person(id:)` given a state's id) does. An alias id (a merged entity) finds its canonical node.
 */
function resolveReference(typeName: string) {
  return async (reference: Representation, ctx: GraphQLContext) => {
    if (typeof reference.id !== "string") {
      throw badInput(
        `_entities: a ${typeName} representation needs its key, id, as a string; got ${JSON.stringify(reference.id)}`,
        "representations",
      );
    }
    const node = await ctx.loaders.node.load(reference.id);
    return node?.label === typeName ? node : null;
  };
}

/**
 * The subgraph schema: the SDL keyed as above, and the resolvers with each entity type's reference resolver added.
 * `resolvers` are those of the plain schema (codegen's `Resolvers`, already wrapped by the response budget).
 */
export function subgraphSchema(typeDefs: string, resolvers: object): GraphQLSchema {
  const map = { ...resolvers } as Record<string, Record<string, unknown>>;
  for (const name of entityTypes(typeDefs)) map[name] = { ...map[name], __resolveReference: resolveReference(name) };
  return buildSubgraphSchema({ typeDefs: subgraphTypeDefs(typeDefs), resolvers: map as GraphQLResolverMap<unknown> });
}
