// Builds a search hit's snippet: the best matching text with matched words in <mark>, everything else HTML-escaped.
import { nameKey } from "../graph/names";
import type { NodeRow } from "../graph/rows";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const MAX_LENGTH = 200;

function texts(node: NodeRow): string[] {
  switch (node.label) {
    case "Statement":
      return [node.text];
    case "Source":
      return [node.title];
    default:
      return [node.name, ...(node.aliases ?? []), node.description ?? ""].filter(Boolean);
  }
}

export function snippet(node: NodeRow, query: string): string {
  const words = query.split(/\s+/).map(nameKey).filter(Boolean);
  const matches = (token: string) => words.some((w) => nameKey(token) === w || nameKey(token).startsWith(w));
  const candidates = texts(node);
  const text = candidates.find((t) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).some(matches)) ?? candidates[0] ?? "";
  // Keep a window around the first match in long texts.
  let from = 0;
  let to = text.length;
  if (text.length > MAX_LENGTH) {
    const first = [...text.matchAll(/[\p{L}\p{N}]+/gu)].find((m) => matches(m[0]));
    from = Math.max(0, (first?.index ?? 0) - 60);
    to = Math.min(text.length, from + MAX_LENGTH);
  }
  const window = text.slice(from, to);
  let out = "";
  let last = 0;
  for (const m of window.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!matches(m[0])) continue;
    out += `${escapeHtml(window.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  out += escapeHtml(window.slice(last));
  return `${from > 0 ? "…" : ""}${out}${to < text.length ? "…" : ""}`;
}
