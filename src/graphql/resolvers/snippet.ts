// Builds a search hit's snippet: the best matching text with matched words in <mark>, everything else HTML-escaped.
// The work is linear in the text: the query's word keys are folded once (at most the words the search used), each
// token of the text is folded once and compared with those few keys.
import { queryWords } from "../../graph/fulltext";
import { nameKey } from "../../domain/names";
import type { NodeRow } from "../../graph/rows";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const MAX_LENGTH = 200;
const TOKEN = /[\p{L}\p{N}]+/gu;

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

/** Whether a token of the text matches: its key equals or starts with one of the query's word keys. */
function matcher(query: string): (token: string) => boolean {
  const keys = [...new Set(queryWords(query).map(nameKey).filter(Boolean))];
  return (token) => {
    // Most tokens are plain ASCII, whose key is just lower case: folding them in full would be most of the work.
    const key = /^[A-Za-z0-9]+$/.test(token) ? token.toLowerCase() : nameKey(token);
    return keys.some((k) => key.startsWith(k));
  };
}

/** Where the first matching token of the text starts, or -1. */
function firstMatch(text: string, matches: (token: string) => boolean): number {
  for (const m of text.matchAll(TOKEN)) if (matches(m[0])) return m.index;
  return -1;
}

export function snippet(node: NodeRow, query: string): string {
  const matches = matcher(query);
  const candidates = texts(node);
  let text = candidates[0] ?? "";
  let first = -1;
  for (const candidate of candidates) {
    first = firstMatch(candidate, matches);
    if (first >= 0) {
      text = candidate;
      break;
    }
  }
  // Keep a window around the first match in long texts.
  let from = 0;
  let to = text.length;
  if (text.length > MAX_LENGTH) {
    from = Math.max(0, (first >= 0 ? first : 0) - 60);
    to = Math.min(text.length, from + MAX_LENGTH);
  }
  const window = text.slice(from, to);
  let out = "";
  let last = 0;
  for (const m of window.matchAll(TOKEN)) {
    if (!matches(m[0])) continue;
    out += `${escapeHtml(window.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  out += escapeHtml(window.slice(last));
  return `${from > 0 ? "…" : ""}${out}${to < text.length ? "…" : ""}`;
}
