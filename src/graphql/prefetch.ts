// Look-ups by id fetch the node together with the lists the query asks of it next (its neighbours, one page of its
// statements) in one round trip, and hand those to the batch loaders that the field resolvers read from.
import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { NeighbourKind } from "../graph/neighbours";
import { nodeWithLinks } from "../graph/nodeWithLinks";
import type { NodeRow } from "../graph/rows";
import { statementPageParts, type StatementAnchor, type StatementQuery } from "../graph/statements";
import { statementQuery } from "./arguments";
import type { GraphQLContext } from "./context";
import { NEIGHBOUR_FIELDS, STATEMENT_FIELDS, type LinkedType } from "./relationFields";

/** The fields selected directly below the current one, by response key (fragments included). */
function childFields(info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return fields;
}

type PageQuery = StatementQuery & { anchor: StatementAnchor };

/** The statement page a child field will ask for, exactly as its resolver will compute it; undefined if it is invalid. */
function childPageQuery(info: GraphQLResolveInfo, typeName: LinkedType, nodes: FieldNode[], anchor: StatementAnchor): PageQuery | undefined {
  const definition = info.schema.getType(typeName);
  const field = isObjectType(definition) ? definition.getFields()[nodes[0]!.name.value] : undefined;
  if (!field) return undefined;
  try {
    const query = statementQuery(getArgumentValues(field, nodes[0]!, info.variableValues), { ...info, fieldNodes: nodes }, anchor);
    statementPageParts(query);
    return query;
  } catch {
    // A bad argument or cursor: the field's own resolver reports it where it belongs.
    return undefined;
  }
}

function isLinkedType(name: string): name is LinkedType {
  return Object.hasOwn(NEIGHBOUR_FIELDS, name);
}

/** The node with this id; its neighbour lists and first statement list selected below are fetched in the same query. */
export async function nodeWithSelectedLinks(ctx: GraphQLContext, id: string, info: GraphQLResolveInfo): Promise<NodeRow | null> {
  const typeName = getNamedType(info.returnType).name;
  if (!isLinkedType(typeName)) return ctx.loaders.node.load(id);
  const neighbourFields: Record<string, NeighbourKind> = NEIGHBOUR_FIELDS[typeName];
  const statementFields: Record<string, StatementAnchor> = STATEMENT_FIELDS[typeName];
  const kinds: NeighbourKind[] = [];
  let statements: PageQuery | undefined;
  for (const nodes of childFields(info).values()) {
    const name = nodes[0]!.name.value;
    if (Object.hasOwn(neighbourFields, name)) kinds.push(neighbourFields[name]!);
    else if (Object.hasOwn(statementFields, name) && !statements) statements = childPageQuery(info, typeName, nodes, statementFields[name]!);
  }
  if (kinds.length === 0 && !statements) return ctx.loaders.node.load(id);

  const found = await nodeWithLinks(ctx.db, id, { neighbours: kinds, statements });
  ctx.loaders.node.prime(id, found.node);
  if (found.node?.label === typeName) {
    for (const [kind, links] of found.neighbours) ctx.loaders.neighbours(kind).prime(id, links);
    if (statements && found.statements) ctx.loaders.primeStatementPage(id, statements, found.statements);
  }
  return found.node;
}
