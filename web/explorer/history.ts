// The Changes tab: a node's entries in the change log, newest first — when, what kind of change, by whom, and the
// fields it changed with their values before and after. While the tab is open, a nodeChanged subscription puts each
// new entry on top as it is written; "Older changes" reads the next page back through the history's cursor.
import type { HistoryEntryFragment, NodeChangedSubscription } from "../generated/graphql";
import { request } from "./api";
import { el } from "./dom";
import { liveClient } from "./live";
import { HistoryDocument, NodeChangedDocument } from "./queries";

/** How many entries a page of the tab holds. */
export const HISTORY_PAGE = 20;

const shown = (value: unknown): string => (value === null || value === undefined ? "—" : JSON.stringify(value));

function entry(change: HistoryEntryFragment, live = false): HTMLLIElement {
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
    { class: live ? "change live" : "change", "data-cursor": change.cursor },
    el("strong", {}, change.kind.toLowerCase()),
    el("span", { class: "meta" }, ` ${when}${change.actor ? ` by ${change.actor}` : ""}${others}`),
    change.fields.length ? fields : null,
  );
}

export interface HistoryView {
  /** Ends the subscription (the tab was left, or another node is shown). */
  stop(): void;
}

/**
 * Shows the node's history in the container: the subscription first, then the newest page, so that an entry written
 * in between is in one or the other (an entry in both is shown once, by its cursor).
 */
export async function showHistory(container: HTMLElement, id: string, label: string): Promise<HistoryView> {
  const seen = new Set<string>();
  const list = el("ol", { class: "changes" });
  const summary = el("p", { class: "meta" });
  const older = el("button", { type: "button", class: "older", hidden: "" }, "Older changes");
  const state = el("p", { class: "meta live-state" }, "Listening: changes made from now on appear on top.");
  let endCursor: string | null | undefined;
  let more = false;

  const describe = () => {
    summary.textContent = seen.size
      ? `${seen.size} changes${more ? " so far (older ones below)" : ""}, newest first`
      : "No recorded changes.";
    older.hidden = !more;
  };
  const add = (changes: readonly HistoryEntryFragment[], where: "top" | "bottom", live = false) => {
    const fresh = changes.filter((change) => !seen.has(change.cursor));
    for (const change of fresh) seen.add(change.cursor);
    const items = fresh.map((change) => entry(change, live));
    if (where === "top") list.prepend(...items.reverse());
    else list.append(...items);
    describe();
  };

  const stop = liveClient().subscribe<NodeChangedSubscription>(
    { query: NodeChangedDocument.toString(), variables: { id } },
    {
      next: ({ data, errors }) => {
        if (errors?.length) state.textContent = errors.map((error) => error.message).join("; ");
        if (data) add([data.nodeChanged], "top", true);
      },
      error: () => {
        state.textContent = "Live updates stopped: the connection to the server was lost.";
      },
      complete: () => {},
    },
  );
  const readPage = async () => {
    const { history } = await request(HistoryDocument, { id, first: HISTORY_PAGE, after: endCursor });
    endCursor = history.pageInfo.endCursor;
    more = history.pageInfo.hasNextPage;
    add(history.nodes, "bottom");
  };
  try {
    await readPage();
  } catch (error) {
    stop();
    throw error;
  }
  older.addEventListener("click", () => {
    older.disabled = true;
    readPage()
      .catch((error: unknown) => {
        state.textContent = error instanceof Error ? error.message : String(error);
      })
      .finally(() => (older.disabled = false));
  });
  container.replaceChildren(
    el("article", { class: "history" }, el("h2", {}, `History of ${label}`), summary, state, list, older),
  );
  return { stop };
}
