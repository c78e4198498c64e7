// The whole graph as plain, sorted data, to compare two graphs (load orders, reloads, dry runs). The change log is
// history, not the graph's state: two load orders give one graph and two logs, so it is left out.
import type { Database } from "../../src/graph/runtime/database";

export async function dumpGraph(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodeRows = await db.read<{ labels: string[]; props: Record<string, unknown> }>(
    `MATCH (n) WHERE NOT n:GraphFormat AND NOT n:Change AND NOT n:ChangeLog
     RETURN labels(n) AS labels, properties(n) AS props`,
  );
  const relRows = await db.read<{ type: string; from: unknown; to: unknown; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b)
     RETURN type(r) AS type, coalesce(a.id, a.key) AS from, coalesce(b.id, b.key) AS to, properties(r) AS props`,
  );
  const plain = (props: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(props)
        .sort()
        .map((k) => [k, normalise(props[k])]),
    );
  return {
    nodes: nodeRows.map((n) => `${[...n.labels].sort().join(":")} ${plain(n.props)}`).sort(),
    relationships: relRows.map((r) => `${String(r.from)} -${r.type}-> ${String(r.to)} ${plain(r.props)}`).sort(),
  };
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object" && "toString" in value) return String(value);
  return value;
}
