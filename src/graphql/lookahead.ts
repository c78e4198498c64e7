// Which fields a query selects below the current one, so a list can fetch linked nodes in the same round trip.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

function collect(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Map<string, SelectionSetNode[]>) {
  if (!selectionSet) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const list = into.get(selection.name.value) ?? [];
      if (selection.selectionSet) list.push(selection.selectionSet);
      into.set(selection.name.value, list);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, info, into);
    } else {
      collect(info.fragments[selection.name.value]?.selectionSet, info, into);
    }
  }
}

function childrenOf(sets: SelectionSetNode[], info: GraphQLResolveInfo): Map<string, SelectionSetNode[]> {
  const into = new Map<string, SelectionSetNode[]>();
  for (const set of sets) collect(set, info, into);
  return into;
}

/** Field names selected at the end of any of the given paths below the current field, e.g. ["edges", "node"]. */
export function selectedFields(info: GraphQLResolveInfo, ...paths: string[][]): Set<string> {
  const top = info.fieldNodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => Boolean(s));
  const names = new Set<string>();
  for (const path of paths) {
    let sets = top;
    for (const step of path) sets = childrenOf(sets, info).get(step) ?? [];
    for (const name of childrenOf(sets, info).keys()) names.add(name);
  }
  return names;
}
