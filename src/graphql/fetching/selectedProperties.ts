// Which properties of a statement page's rows the query reads, so that the page fetches only those: a field named
// like a property reads that property; a field that returns objects reads nothing of its parent's row but the id
// (its resolver loads by id or reads a linked part); any other leaf field may compute from the row, so all come.
import { getNamedType, isLeafType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from "graphql";
import {
  NODE_PROPERTIES,
  STATEMENT_PROPERTIES,
  type NodeProperty,
  type StatementParts,
  type StatementProperty,
} from "../../graph/projections";
import { selectedFields } from "./lookahead";

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
