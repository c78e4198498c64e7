// The History tab: a node's entries in the change log, newest first — when, what kind of change, by whom, and the
// fields it changed with their values before and after.
import type { HistoryQuery } from "../generated/graphql";
import { el } from "./dom";

/** How many entries the tab shows. */
export const HISTORY_PAGE = 50;

type Entry = HistoryQuery["history"]["nodes"][number];

const shown = (value: unknown): string => (value === null || value === undefined ? "—" : JSON.stringify(value));

function entry(change: Entry): HTMLLIElement {
  const when = new Date(change.at)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
  const others = change.ids.length > 1 ? ` · ${change.ids.join(", ")}` : "";
  const fields = el("ul", { class: "fields" });
  for (const field of change.fields) {
    fields.append(el("li", {}, el("code", {}, field.field), `: ${shown(field.before)} → ${shown(field.after)}`));
  }
  return el(
    "li",
    { class: "change" },
    el("strong", {}, change.kind.toLowerCase()),
    el("span", { class: "meta" }, ` ${when}${change.actor ? ` by ${change.actor}` : ""}${others}`),
    change.fields.length ? fields : null,
  );
}

export function renderHistory(container: HTMLElement, label: string, history: HistoryQuery["history"]): void {
  const more = history.pageInfo.hasNextPage ? `the latest ${history.nodes.length}` : `${history.nodes.length}`;
  container.replaceChildren(
    el(
      "article",
      { class: "history" },
      el("h2", {}, `History of ${label}`),
      el("p", { class: "meta" }, history.nodes.length ? `${more} changes, newest first` : "No recorded changes."),
      el("ol", { class: "changes" }, ...history.nodes.map(entry)),
    ),
  );
}
