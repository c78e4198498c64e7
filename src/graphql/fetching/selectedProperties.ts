// Which properties of a statement page's rows the query reads, so that the page fetches only those: a field named
// like a property reads that property; a field that returns objects reads nothing of its parent's row but the id
// (its resolver loads by id or reads a linked part); any other leaf field may compute from the row, so all come.
import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from "graphql";
import {
  NODE_PROPERTIES,
  STATEMENT_PROPERTIES,
  type NodeProperty,
  type StatementParts,
  type StatementProperty,
} from "../../graph/projections";
import { childFields, childFieldsNamed, perSelection, selectedFields } from "./lookahead";
import { NEIGHBOUR_NODE_FIELD, type LinkedType } from "./relationFields";

/** The object types a statement's speaker, venue, event or mentions can be. */
const LINKED_TYPES = ["Person", "State", "Organization", "Venue", "Event", "Source"];
const LINKED_FIELDS = ["speaker", "venue", "event", "mentions"];
/** Leaf fields that read no property: id and label always come, a source count is read from the evidence part. */
const NO_PROPERTY = new Set(["id", "__typename", "sourceCount"]);

/**
 * The named properties out of the selected fields, or undefined (all of them) when a selected leaf field is not a
 * property: it may read any of them.
 */
function propertiesOf<P extends string>(
  fields: ReadonlySet<string>,
  properties: readonly P[],
  schema: GraphQLSchema,
  types: readonly string[],
): P[] | undefined {
  const wanted: P[] = [];
  for (const name of fields) {
    if (NO_PROPERTY.has(name)) continue;
    if ((properties as readonly string[]).includes(name)) {
      wanted.push(name as P);
      continue;
    }
    const computed = types.some((typeName) => {
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[name] : undefined;
      return field !== undefined && isLeafType(getNamedType(field.type));
    });
    if (computed) return undefined;
  }
  return wanted.sort();
}

/** The properties of statements, and of their linked nodes, selected at the end of any of these paths. */
export function statementPropertiesSelected(
  info: GraphQLResolveInfo,
  ...paths: string[][]
): Pick<StatementParts, "properties" | "linkedProperties"> {
  const own = propertiesOf<StatementProperty>(selectedFields(info, ...paths), STATEMENT_PROPERTIES, info.schema, [
    "Statement",
  ]);
  const linkedPaths = paths.flatMap((path) => LINKED_FIELDS.map((field) => [...path, field]));
  const linked = propertiesOf<NodeProperty>(
    selectedFields(info, ...linkedPaths),
    NODE_PROPERTIES,
    info.schema,
    LINKED_TYPES,
  );
  return { properties: own, linkedProperties: linked };
}

/**
 * Whether a selection on nodes of these types asks for a list whose items hand the node on again (an office's person
 * under a person's offices, a participation's event under an event's participants): those items carry the node's
 * row as it is, so it must have every property.
 */
function handsOn(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  types: readonly string[],
  fields: Map<string, FieldNode[]>,
): boolean {
  return types.some((typeName) => {
    const type = schema.getType(typeName);
    const wrapped = NEIGHBOUR_NODE_FIELD[typeName as LinkedType] ?? {};
    return [...fields.values()].some((group) => {
      const name = group[0]!.name.value;
      const item =
        isObjectType(type) && Object.hasOwn(wrapped, name) ? getNamedType(type.getFields()[name]!.type) : null;
      if (!isObjectType(item)) return false;
      // The item's other node fields than the neighbour's are the node itself.
      return [...childFields(group, fragments).values()].some(([field]) => {
        const other = field!.name.value !== wrapped[name] ? item.getFields()[field!.name.value] : undefined;
        return other !== undefined && !isLeafType(getNamedType(other.type));
      });
    });
  });
}

/** The properties of nodes of these types that the selection below these field nodes reads; undefined for all. */
function nodePropertiesRead(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  types: readonly string[],
  nodes: readonly FieldNode[],
): readonly NodeProperty[] | undefined {
  const fields = childFields(nodes, fragments);
  if (handsOn(schema, fragments, types, fields)) return undefined;
  const names = new Set([...fields.values()].map((group) => group[0]!.name.value));
  return propertiesOf<NodeProperty>(names, NODE_PROPERTIES, schema, types);
}

/**
 * The properties of the neighbours a neighbour field returns that its selection reads; undefined for all of them.
 * The field nodes are the field's own (the lookahead of a look-up passes the same nodes its resolver will get, so
 * both name the same loader).
 */
export function linkPropertiesSelected(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  type: string,
  field: readonly FieldNode[],
): readonly NodeProperty[] | undefined {
  const parent = schema.getType(type);
  const name = field[0]?.name.value;
  const definition = name && isObjectType(parent) ? parent.getFields()[name] : undefined;
  if (!definition) return undefined;
  let neighbourType = getNamedType(definition.type);
  let nodes = field;
  const wrapped = NEIGHBOUR_NODE_FIELD[type as LinkedType]?.[name!];
  if (wrapped) {
    if (!isObjectType(neighbourType)) return undefined;
    nodes = childFieldsNamed(field, fragments, wrapped);
    neighbourType = getNamedType(neighbourType.getFields()[wrapped]!.type);
  }
  const types = isAbstractType(neighbourType)
    ? schema.getPossibleTypes(neighbourType).map((t) => t.name)
    : [neighbourType.name];
  return nodePropertiesRead(schema, fragments, types, nodes);
}

/**
 * The properties of the node a look-up of this type returns that the field's selection reads; undefined for all.
 * Worked out once per document.
 */
export function lookUpPropertiesSelected(info: GraphQLResolveInfo, type: string): readonly NodeProperty[] | undefined {
  return perSelection(info, `look-up properties ${type}`, () =>
    nodePropertiesRead(info.schema, info.fragments, [type], info.fieldNodes),
  );
}

/** linkPropertiesSelected for the field being resolved, worked out once per document. */
export function linkProperties(info: GraphQLResolveInfo): readonly NodeProperty[] | undefined {
  return perSelection(info, "link properties", () =>
    linkPropertiesSelected(info.schema, info.fragments, info.parentType.name, info.fieldNodes),
  );
}

/**
 * The properties of a list's nodes (under `nodes`, or `edges { node }`) that its selection reads; undefined for all.
 * The page's rows are the nodes the items' resolvers get, and no other field is handed them (but the items of a list
 * that hands them on: then all come), so a row with only these properties (and its id and label) answers the same:
 * fewer properties for Neo4j to read and the driver to decode.
 */
export function listPropertiesSelected(info: GraphQLResolveInfo, type: string): readonly NodeProperty[] | undefined {
  return perSelection(info, "list properties", () => {
    const { fieldNodes, fragments } = info;
    const items = [
      ...childFieldsNamed(fieldNodes, fragments, "nodes"),
      ...childFieldsNamed(childFieldsNamed(fieldNodes, fragments, "edges"), fragments, "node"),
    ];
    return nodePropertiesRead(info.schema, fragments, [type], items);
  });
}
