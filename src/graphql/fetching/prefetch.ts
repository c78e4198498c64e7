// Look-ups by id fetch the node together with what the query asks of it next — its neighbours, one page of its
// statements, one page of each neighbour's statements — in one round trip, and hand those to the batch loaders that
// the field resolvers read from. What cannot be fetched early is simply left to the loaders.
import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from "graphql";
import type { NeighbourKind } from "../../graph/reads/neighbours";
import { nodeWithLinks, type WantedNeighbours } from "../../graph/reads/nodeWithLinks";
import type { NodeRow } from "../../graph/rows";
import { checkStatementCursors, type StatementAnchor, type StatementQuery } from "../../graph/reads/statements";
import { statementQuery } from "./arguments";
import type { GraphQLContext } from "../context";
import { childFields, childFieldsNamed } from "./lookahead";
import { NEIGHBOUR_FIELDS, NEIGHBOUR_NODE_FIELD, STATEMENT_FIELDS, type LinkedType } from "./relationFields";

type PageQuery = StatementQuery & { anchor: StatementAnchor };
type NeighboursWanted = WantedNeighbours & { statements?: PageQuery };

function isLinkedType(name: string): name is LinkedType {
  return Object.hasOwn(NEIGHBOUR_FIELDS, name);
}

/** The statement page a field will ask for, exactly as its resolver will compute it; undefined if it is invalid. */
function pageQuery(
  info: GraphQLResolveInfo,
  type: LinkedType,
  nodes: FieldNode[],
  anchor: StatementAnchor,
): PageQuery | undefined {
  const definition = info.schema.getType(type);
  const field = isObjectType(definition) ? definition.getFields()[nodes[0]!.name.value] : undefined;
  if (!field) return undefined;
  try {
    const query = statementQuery(
      getArgumentValues(field, nodes[0]!, info.variableValues),
      { ...info, fieldNodes: nodes },
      anchor,
    );
    checkStatementCursors(query);
    return query;
  } catch {
    // A bad argument or cursor: the field's own resolver reports it where it belongs.
    return undefined;
  }
}

/** The statement lists selected on a node of this type (each once), as the queries their resolvers will run. */
function statementLists(info: GraphQLResolveInfo, type: LinkedType, fields: Map<string, FieldNode[]>): PageQuery[] {
  const anchors: Record<string, StatementAnchor> = STATEMENT_FIELDS[type];
  const lists = new Map<string, PageQuery>();
  for (const nodes of fields.values()) {
    const name = nodes[0]!.name.value;
    const query = Object.hasOwn(anchors, name) ? pageQuery(info, type, nodes, anchors[name]!) : undefined;
    if (query) lists.set(JSON.stringify(query), query);
  }
  return [...lists.values()];
}

/** The first statement list selected on a node of this type, as the query its resolver will run. */
function firstStatementList(
  info: GraphQLResolveInfo,
  type: LinkedType,
  fields: Map<string, FieldNode[]>,
): PageQuery | undefined {
  return statementLists(info, type, fields)[0];
}

/** The neighbours of one kind, and the statement list selected on each of them (below an office or participation). */
function neighboursWanted(info: GraphQLResolveInfo, type: LinkedType, field: FieldNode[]): NeighboursWanted {
  const name = field[0]!.name.value;
  const kind = (NEIGHBOUR_FIELDS[type] as Record<string, NeighbourKind>)[name]!;
  const objectType = info.schema.getType(type);
  let neighbourType = isObjectType(objectType) ? getNamedType(objectType.getFields()[name]!.type) : undefined;
  // The field nodes of the neighbour itself: the list's, or those of the item field that holds it.
  let neighbour: readonly FieldNode[] = field;
  const wrapped = NEIGHBOUR_NODE_FIELD[type]?.[name];
  if (wrapped && isObjectType(neighbourType)) {
    neighbour = childFieldsNamed(field, info.fragments, wrapped);
    neighbourType = getNamedType(neighbourType.getFields()[wrapped]!.type);
  }
  // Lists of speakers (any of three types) are left to the loaders.
  const statements =
    neighbourType && isLinkedType(neighbourType.name)
      ? firstStatementList(info, neighbourType.name, childFields(neighbour, info.fragments))
      : undefined;
  return { kind, statements };
}

/**
 * The node with this id, fetched with the lists selected below it. The type is the field's, or, for a field of an
 * interface type (`node`), the one its fragments are read for: the id's prefix names it, and a node of another type
 * is still answered (with nothing prefetched).
 */
export async function nodeWithSelectedLinks(
  ctx: GraphQLContext,
  id: string,
  info: GraphQLResolveInfo,
  type: string = getNamedType(info.returnType).name,
): Promise<NodeRow | null> {
  if (!isLinkedType(type)) return ctx.loaders.node.load(id);
  const fields = childFields(info.fieldNodes, info.fragments);
  const neighbourFields: Record<string, NeighbourKind> = NEIGHBOUR_FIELDS[type];
  const neighbours = new Map<NeighbourKind, NeighboursWanted>();
  for (const nodes of fields.values()) {
    const name = nodes[0]!.name.value;
    const kind = Object.hasOwn(neighbourFields, name) ? neighbourFields[name]! : undefined;
    if (kind && !neighbours.has(kind)) neighbours.set(kind, neighboursWanted(info, type, nodes));
  }
  const [statements, ...moreStatements] = statementLists(info, type, fields);
  if (neighbours.size === 0 && !statements) return ctx.loaders.node.load(id);

  const found = await nodeWithLinks(ctx.db, id, { neighbours: [...neighbours.values()], statements, moreStatements });
  ctx.loaders.node.prime(id, found.node);
  if (found.node?.label !== type) return found.node;
  // The fields below ask by the node's own id, which an alias id is not.
  const own = found.node.id;
  ctx.loaders.node.prime(own, found.node);
  for (const [kind, links] of found.neighbours) {
    ctx.loaders.neighbours(kind).prime(
      own,
      links.map(({ node, rel }) => ({ node, rel })),
    );
    const nested = neighbours.get(kind)?.statements;
    for (const link of links)
      if (nested && link.statements) ctx.loaders.primeStatementPage(link.node.id, nested, link.statements);
  }
  if (statements && found.statements) ctx.loaders.primeStatementPage(own, statements, found.statements);
  moreStatements.forEach((query, i) => ctx.loaders.primeStatementPage(own, query, found.moreStatements[i]!));
  return found.node;
}
