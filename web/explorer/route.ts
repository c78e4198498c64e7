// The explorer's view in its address, so that back and forward step through views and a copied link opens the same
// one: `#person:volodymyr-zelenskyy` (a node's details, as links to the explorer have always been) and more after
// `&`: `&tab=timeline&from=2025-06-01&to=2025-06-30&page=2&after=<cursor>`.

export type Tab = "details" | "timeline" | "history";

export interface View {
  /** The node shown (an id); none: the start page. */
  node?: string;
  tab: Tab;
  /** The timeline's filter: items dated from and to these days (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
  /** The timeline's page: its number (for people) and the cursor it starts after or ends before (for the API). */
  page: number;
  after?: string;
  before?: string;
}

export const START: View = { tab: "details", page: 1 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Encodes a value for the hash, keeping the ":" of ids readable. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":");
}

/** The view a hash names; what it does not name, or names wrongly, is left at the start page's. */
export function parseView(hash: string): View {
  const [head = "", ...rest] = hash.replace(/^#/, "").split("&");
  const params = new URLSearchParams(rest.join("&"));
  const view: View = { ...START };
  const node = safeDecode(head);
  if (node) view.node = node;
  const tab = params.get("tab");
  if (tab === "timeline" || tab === "history") view.tab = tab;
  for (const key of ["from", "to"] as const) {
    const value = params.get(key);
    if (value && DAY.test(value)) view[key] = value;
  }
  const page = Number(params.get("page"));
  const after = params.get("after");
  const before = params.get("before");
  // A page past the first starts at a cursor; without one it is the first page.
  if (Number.isInteger(page) && page > 1 && (after || before)) {
    view.page = page;
    if (after) view.after = after;
    else if (before) view.before = before;
  }
  return view;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}

/** The hash of a view: "" for the start page. */
export function viewHash(view: View): string {
  if (!view.node) return "";
  const params: [string, string | undefined][] = [
    ["tab", view.tab === "details" ? undefined : view.tab],
    ["from", view.from],
    ["to", view.to],
    ["page", view.page > 1 ? String(view.page) : undefined],
    ["after", view.page > 1 ? view.after : undefined],
    ["before", view.page > 1 ? view.before : undefined],
  ];
  const tail = params.flatMap(([key, value]) => (value ? [`&${key}=${encode(value)}`] : []));
  return `#${encode(view.node)}${tail.join("")}`;
}
