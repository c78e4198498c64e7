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

/**
 * What was worked out from a field's selection, by the field nodes it started from. A document's nodes are the same
 * objects in every request that sends the same document (Apollo keeps parsed documents), so a repeated query works
 * each out once. The field nodes are compared one by one: a fragment's field can be merged with different siblings in
 * two places. Only what depends on the selection alone (never on variables) may be kept here, and it is shared by
 * every request: callers must not change it.
 */
const remembered = new WeakMap<FieldNode, { nodes: readonly FieldNode[]; key: string; value: unknown }[]>();

function sameNodes(a: readonly FieldNode[], b: readonly FieldNode[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

/** compute() for this field's selection, once per document and key. */
export function perSelection<T>(info: GraphQLResolveInfo, key: string, compute: () => T): T {
  const first = info.fieldNodes[0];
  if (!first) return compute();
  let entries = remembered.get(first);
  if (!entries) remembered.set(first, (entries = []));
  const hit = entries.find((e) => e.key === key && sameNodes(e.nodes, info.fieldNodes));
  if (hit) return hit.value as T;
  const value = compute();
  entries.push({ nodes: [...info.fieldNodes], key, value });
  return value;
}

/** Field names selected at the end of any of the given paths below the current field, e.g. ["edges", "node"]. */
export function selectedFields(info: GraphQLResolveInfo, ...paths: string[][]): ReadonlySet<string> {
  return perSelection(info, `fields ${JSON.stringify(paths)}`, () => walkSelection(info, paths));
}

function walkSelection(info: GraphQLResolveInfo, paths: string[][]): Set<string> {
  const names = new Set<string>();
  for (const path of paths) {
    let nodes: readonly FieldNode[] = info.fieldNodes;
    for (const step of path) nodes = childFieldsNamed(nodes, info.fragments, step);
    for (const group of childFields(nodes, info.fragments).values()) names.add(group[0]!.name.value);
  }
  return names;
}
