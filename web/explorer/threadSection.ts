// The panel's conversation section for a statement: the thread around it in date order, each statement with its
// speaker, its date and how it relates to the others; the selected one marked, the others buttons that select them.
// The thread comes with the panel's own query (queries.ts: ThreadStatement).
import { datetimeOf, formatDate } from "./dates";
import { el, linkButton, type Child } from "./dom";
import type { Select } from "./panel";
import { linkWords, threadItems, type ThreadItem, type ThreadLink, type ThreadStatement } from "./thread";
import { shortWords, statementButtonClass, statementWords } from "./words";

function said(statement: ThreadStatement): HTMLElement {
  const date = formatDate(statement.saidOn, statement.datePrecision);
  return el(
    "span",
    { class: "meta thread-said" },
    `${statement.speaker.name} · `,
    statement.saidOn ? el("time", { datetime: datetimeOf(statement.saidOn, statement.datePrecision) }, date) : date,
    statement.kind === "REPORTED" && " · reported",
  );
}

function link(link: ThreadLink): HTMLElement {
  return el(
    "li",
    { class: `thread-link thread-${link.direction}` },
    el("span", { class: `relation relation-${link.relation.toLowerCase()}` }, linkWords(link)),
    ` ${link.other.speaker.name}: ${shortWords(link.other)}`,
  );
}

function item({ statement, selected, links }: ThreadItem, select: Select): HTMLElement {
  const text = statementWords(statement);
  const words = selected
    ? el("span", { class: "thread-text" }, text)
    : linkButton(text, () => select(statement.id), {
        class: statementButtonClass(statement.kind),
        "data-id": statement.id,
      });
  return el(
    "li",
    {
      class: selected ? "thread-item thread-selected" : "thread-item",
      "data-id": statement.id,
      ...(selected ? { "aria-current": "true" } : {}),
    },
    said(statement),
    words,
    selected && el("span", { class: "thread-mark" }, "this statement"),
    links.length > 0 && el("ul", { class: "thread-links" }, ...links.map(link)),
  );
}

/** The heading and list of a statement's thread; nothing when no statement responds to it or is responded to. */
export function threadSection(thread: ThreadStatement[] | undefined, selected: string, select: Select): Child[] {
  if (!thread || thread.length < 2) return [];
  const id = "thread-heading";
  return [
    el("h3", { id }, `Conversation (${thread.length})`),
    el("p", { class: "meta" }, "Statements that respond to one another, by date, undated last."),
    el(
      "ol",
      { class: "thread", "aria-labelledby": id },
      ...threadItems(thread, selected).map((entry) => item(entry, select)),
    ),
  ];
}
