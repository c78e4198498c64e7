// Look-ups by id fetch the node together with what the query asks of it next — its neighbours, one page of its
// statements, one page of each neighbour's statements — in one round trip, and hand those to the batch loaders that
// the field resolvers read from. What cannot be fetched early is simply left to the loaders.
import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type GraphQLResolveInfo,
} from "graphql";
import { LABELS } from "../../domain/labels";
import { readsWholeNode, type NodeSelection } from "../../graph/projections";
import type { NeighbourKind } from "../../graph/reads/neighbours";
import type { LinkTree, WantedNeighbours } from "../../graph/reads/nodeWithLinks";
import type { NodeRow } from "../../graph/rows";
import { checkStatementCursors, type StatementAnchor, type StatementQuery } from "../../graph/reads/statements";
import { statementPartsSelected, statementQuery } from "./arguments";
import type { GraphQLContext } from "../context";
import { childFields, childFieldsNamed } from "./lookahead";
import { linkPropertiesSelected, lookUpPropertiesSelected } from "./selectedProperties";
import { NEIGHBOUR_FIELDS, NEIGHBOUR_NODE_FIELD, STATEMENT_FIELDS, type LinkedType } from "./relationFields";

type PageQuery = StatementQuery & { anchor: StatementAnchor };
type NeighboursWanted = Omit<WantedNeighbours, "statements" | "neighbours"> & {
  statements?: PageQuery;
  neighbours?: NeighboursWanted[];
};

/** How many levels of neighbours a look-up fetches with the node (lists deeper down are left to the loaders). */
const LINK_DEPTH = 3;

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

/**
 * The neighbours of one kind, the statement list selected on each of them (below an office or participation), and
 * the neighbour lists selected on each of them in turn, down to LINK_DEPTH levels.
 */
function neighboursWanted(info: GraphQLResolveInfo, type: LinkedType, field: FieldNode[], depth: number) {
  const name = field[0]!.name.value;
  const kind = (NEIGHBOUR_FIELDS[type] as Record<string, NeighbourKind>)[name]!;
  // The same properties the field's resolver asks its loader for, so that it finds what is primed here.
  const properties = linkPropertiesSelected(info.schema, info.fragments, type, field);
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
  if (!neighbourType || !isLinkedType(neighbourType.name)) return { kind, properties };
  const fields = childFields(neighbour, info.fragments);
  const wanted: NeighboursWanted = {
    kind,
    properties,
    statements: firstStatementList(info, neighbourType.name, fields),
  };
  const nested = depth < LINK_DEPTH ? neighbourLists(info, neighbourType.name, fields, depth + 1) : new Map();
  if (nested.size) wanted.neighbours = [...nested.values()];
  return wanted;
}

/** The neighbour lists selected on a node of this type, one per kind, with what is selected below them. */
function neighbourLists(
  info: GraphQLResolveInfo,
  type: LinkedType,
  fields: Map<string, FieldNode[]>,
  depth: number,
): Map<NeighbourKind, NeighboursWanted> {
  const neighbourFields: Record<string, NeighbourKind> = NEIGHBOUR_FIELDS[type];
  const lists = new Map<NeighbourKind, NeighboursWanted>();
  for (const nodes of fields.values()) {
    const name = nodes[0]!.name.value;
    const kind = Object.hasOwn(neighbourFields, name) ? neighbourFields[name]! : undefined;
    if (kind && !lists.has(kind)) lists.set(kind, neighboursWanted(info, type, nodes, depth));
  }
  return lists;
}

/** Hands a node's neighbours of one kind to the loaders, with their pages and their own neighbours. */
function primeLinks(ctx: GraphQLContext, owner: string, links: LinkTree[], wanted: NeighboursWanted): void {
  ctx.loaders.neighbours(wanted.kind, wanted.properties).prime(
    owner,
    links.map(({ node, rel }) => ({ node, rel })),
  );
  for (const link of links) {
    if (wanted.statements && link.statements)
      ctx.loaders.primeStatementPage(link.node.id, wanted.statements, link.statements);
    for (const nested of wanted.neighbours ?? [])
      primeLinks(ctx, link.node.id, link.neighbours?.get(nested.kind) ?? [], nested);
  }
}

/** What a look-up of a node of this type reads of it: the statement parts or the properties its selection names. */
function nodeSelected(info: GraphQLResolveInfo, type: string): NodeSelection | undefined {
  if (type === "Statement") return { label: type, parts: statementPartsSelected(info, []) };
  if (!Object.hasOwn(LABELS, type)) return undefined;
  return {
    label: type as Exclude<NodeSelection["label"], "Statement">,
    properties: lookUpPropertiesSelected(info, type),
  };
}

/**
 * The node with this id, fetched with the lists selected below it. The type is the field's, or, for a field of an
 * interface type (`node`), the one its fragments are read for: the id's prefix names it. A node of that type is read
 * with only what the selection reads of it; one of another type (found only under an interface) is read whole
 * afterwards, with nothing prefetched.
 */
export async function nodeWithSelectedLinks(
  ctx: GraphQLContext,
  id: string,
  info: GraphQLResolveInfo,
  type: string = getNamedType(info.returnType).name,
): Promise<NodeRow | null> {
  const node = nodeSelected(info, type);
  // Under an interface a node of another type than the id's prefix names is answered too, read whole.
  const selection = node ? { node, ...(isAbstractType(getNamedType(info.returnType)) ? { anyLabel: true } : {}) } : {};
  const otherType = (found: NodeRow) => (node ? ctx.loaders.node.load(id) : found);
  // A node of a type without lists is looked up along with the other root fields (one query for all of them).
  if (!isLinkedType(type)) {
    const found = await ctx.loaders.lookUp.load({ id, wanted: { neighbours: [], ...selection } });
    return found.node && found.node.label !== type ? otherType(found.node) : found.node;
  }
  const fields = childFields(info.fieldNodes, info.fragments);
  const neighbours = neighbourLists(info, type, fields, 1);
  const [statements, ...moreStatements] = statementLists(info, type, fields);
  const found = await ctx.loaders.lookUp.load({
    id,
    wanted: { neighbours: [...neighbours.values()], statements, moreStatements, ...selection },
  });
  if (!found.node) return null;
  if (found.node.label !== type) return otherType(found.node);
  // Another reader by id may be handed the node only when it was read whole; the fields below ask by the node's own
  // id, which an alias id is not.
  const own = found.node.id;
  if (!node || readsWholeNode(node)) for (const key of new Set([id, own])) ctx.loaders.node.prime(key, found.node);
  for (const [kind, links] of found.neighbours) primeLinks(ctx, own, links, neighbours.get(kind)!);
  if (statements && found.statements) ctx.loaders.primeStatementPage(own, statements, found.statements);
  moreStatements.forEach((query, i) => ctx.loaders.primeStatementPage(own, query, found.moreStatements[i]!));
  return found.node;
}

/** The neighbour lists selected on the nodes of a list of this type (under nodes, or edges → node). */
export function listNeighbours(info: GraphQLResolveInfo, type: LinkedType): NeighboursWanted[] {
  const items = [
    ...childFieldsNamed(info.fieldNodes, info.fragments, "nodes"),
    ...childFieldsNamed(childFieldsNamed(info.fieldNodes, info.fragments, "edges"), info.fragments, "node"),
  ];
  return [...neighbourLists(info, type, childFields(items, info.fragments), 1).values()];
}

/** Hands the neighbours read with a list's page to the loaders, by each listed node's id. */
export function primeListNeighbours(
  ctx: GraphQLContext,
  links: Map<string, Map<NeighbourKind, LinkTree[]>>,
  wanted: readonly NeighboursWanted[],
): void {
  for (const [id, byKind] of links) for (const w of wanted) primeLinks(ctx, id, byKind.get(w.kind) ?? [], w);
}
