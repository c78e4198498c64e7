// The Timeline tab: what an entity said, was mentioned in and took part in, by date, a page at a time, between two
// days if asked. Each date reads as precisely as it is known, with its precision beside it when it is not a day; a
// month's items come before its days (the API's order), so nothing known to the month sits among the days.
import type { TimelineQuery } from "../generated/graphql";
import { datetimeOf, formatDate, PRECISION_WORDS } from "./dates";
import { el, linkButton } from "./dom";
import type { View } from "./route";
import { saidLine, statementButtonClass } from "./words";

type Timeline = TimelineQuery["timeline"];
type Item = Timeline["nodes"][number];

/** How many items a page of the timeline shows. */
export const TIMELINE_PAGE = 10;

export interface TimelineActions {
  select: (id: string) => void;
  /** Shows the timeline with other filters or another page. */
  change: (view: Partial<View>) => void;
}

function when(item: Item): HTMLElement {
  const [date, precision] =
    item.__typename === "Statement" ? [item.saidOn, item.datePrecision] : [item.date, item.datePrecision];
  if (!date) return el("span", { class: "when undated" }, "undated");
  const coarse = precision === "MONTH" || precision === "YEAR";
  return el(
    "span",
    { class: "when" },
    el(
      "time",
      { datetime: datetimeOf(date, precision), "data-precision": precision ?? "DAY" },
      formatDate(date, precision),
    ),
    coarse && el("span", { class: "precision" }, PRECISION_WORDS[precision]),
  );
}

function entry(item: Item, select: (id: string) => void): HTMLElement {
  const what =
    item.__typename === "Statement"
      ? linkButton(saidLine(item.speaker.name, item), () => select(item.id), {
          class: statementButtonClass(item.kind),
        })
      : linkButton(item.name, () => select(item.id));
  return el(
    "li",
    { class: `timeline-${item.__typename}`, "data-id": item.id },
    when(item),
    el("span", { class: `badge kind-${item.__typename}` }, item.__typename),
    what,
  );
}

function dayInput(id: string, label: string, value: string | undefined): HTMLElement[] {
  const input = el("input", { id, name: id, type: "date" });
  input.value = value ?? "";
  return [el("label", { for: id }, label), input];
}

/** The filter: from and to a day; applying it shows the first page. */
function filters(view: View, change: TimelineActions["change"]): HTMLFormElement {
  const form = el(
    "form",
    { class: "timeline-filters", "aria-label": "Filter the timeline by date" },
    ...dayInput("timeline-from", "From", view.from),
    ...dayInput("timeline-to", "To", view.to),
    el("button", { type: "submit" }, "Filter"),
    el("button", { type: "button", class: "link timeline-clear" }, "All dates"),
  );
  const day = (id: string) => form.querySelector<HTMLInputElement>(`#${id}`)?.value || undefined;
  const firstPage = { page: 1, after: undefined, before: undefined };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    change({ from: day("timeline-from"), to: day("timeline-to"), ...firstPage });
  });
  form
    .querySelector(".timeline-clear")!
    .addEventListener("click", () => change({ from: undefined, to: undefined, ...firstPage }));
  return form;
}

/** Earlier and later pages: a page's cursors, and its number for people. */
function pager(timeline: Timeline, view: View, change: TimelineActions["change"]): HTMLElement | null {
  const { pageInfo, totalCount } = timeline;
  const pages = Math.max(1, Math.ceil(totalCount / TIMELINE_PAGE));
  if (pages === 1 && view.page === 1) return null;
  const earlier = el("button", { type: "button", class: "timeline-earlier" }, "← Earlier");
  const later = el("button", { type: "button", class: "timeline-later" }, "Later →");
  earlier.disabled = !pageInfo.hasPreviousPage || view.page <= 1;
  later.disabled = !pageInfo.hasNextPage;
  earlier.addEventListener("click", () => {
    const page = view.page - 1;
    change(
      page <= 1
        ? { page: 1, after: undefined, before: undefined }
        : { page, after: undefined, before: pageInfo.startCursor ?? undefined },
    );
  });
  later.addEventListener("click", () =>
    change({ page: view.page + 1, after: pageInfo.endCursor ?? undefined, before: undefined }),
  );
  return el(
    "nav",
    { class: "timeline-pager", "aria-label": "Timeline pages" },
    earlier,
    el("span", { class: "meta timeline-page", "aria-live": "polite" }, `Page ${view.page} of ${pages}`),
    later,
  );
}

export function renderTimeline(
  container: HTMLElement,
  title: string,
  timeline: Timeline,
  view: View,
  actions: TimelineActions,
): void {
  const filtered = view.from || view.to;
  const count = `${timeline.totalCount} item${timeline.totalCount === 1 ? "" : "s"}`;
  const range = [
    view.from && ` from ${formatDate(view.from, "DAY")}`,
    view.to && ` until ${formatDate(view.to, "DAY")}`,
  ]
    .filter(Boolean)
    .join("");
  const list = el("ol", { class: "timeline" }, ...timeline.nodes.map((item) => entry(item, actions.select)));
  container.replaceChildren(
    el("h2", {}, `Timeline of ${title}`),
    filters(view, actions.change),
    el(
      "p",
      { class: "meta timeline-summary" },
      `${count}${range}, by date: a month or year before its days, undated last.`,
    ),
    timeline.nodes.length === 0
      ? el(
          "p",
          { class: "meta" },
          filtered ? "Nothing dated between these days." : "Nothing dated or undated links to it.",
        )
      : list,
    ...[pager(timeline, view, actions.change)].filter((nav): nav is HTMLElement => nav !== null),
  );
}
