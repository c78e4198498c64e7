// What a query selects below the current field, so a list can fetch linked nodes in the same round trip and a
// look-up can fetch the lists below it.
import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";

/** The fields selected directly below these field nodes, by response key (fragments included). */
export function childFields(
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return fields;
}

/** The field nodes named name directly below these ones, whatever their aliases. */
export function childFieldsNamed(
  nodes: readonly FieldNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  name: string,
): FieldNode[] {
  return [...childFields(nodes, fragments).values()].flat().filter((n) => n.name.value === name);
}

/** Field names selected at the end of any of the given paths below the current field, e.g. ["edges", "node"]. */
export function selectedFields(info: GraphQLResolveInfo, ...paths: string[][]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    let nodes: readonly FieldNode[] = info.fieldNodes;
    for (const step of path) nodes = childFieldsNamed(nodes, info.fragments, step);
    for (const group of childFields(nodes, info.fragments).values()) names.add(group[0]!.name.value);
  }
  return names;
}
