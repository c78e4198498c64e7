// What the article page draws: the article's text with every statement's words marked in its speaker's colour, the
// statements with the controls that edit them, the quotations nobody was found for, and an import's result.
import type { DatePrecision, ImportReviewedMutation, StatementKind } from "../generated/graphql";
import { ApiError } from "../explorer/api";
import { el } from "../explorer/dom";
import { formatDate } from "../explorer/panel";
import { SPEAKER_TYPES, type Draft, type DraftEntity, type DraftStatement, type StatementEdit } from "./review";

/** How many speaker colours style.css has (.speaker-0 … .speaker-7); more speakers share them. */
const COLOURS = 8;

const KINDS: [StatementKind, string][] = [
  ["DIRECT_QUOTE", "Direct quote"],
  ["REPORTED", "Reported"],
];

const PRECISIONS: [DatePrecision, string][] = [
  ["DAY", "Day"],
  ["MONTH", "Month"],
  ["YEAR", "Year"],
];

const TO_THE: Record<DatePrecision, string> = { DAY: "to the day", MONTH: "to the month", YEAR: "to the year" };

/** A colour class per speaker, in the order the draft lists its entities, so a colour stays with its speaker. */
export function speakerColours(draft: Draft): (speakerId: string) => string {
  const order = draft.entities.filter((e) => SPEAKER_TYPES.includes(e.type)).map((e) => e.id);
  return (speakerId) => {
    const index = order.indexOf(speakerId);
    return `speaker-${(index < 0 ? order.length : index) % COLOURS}`;
  };
}

interface Highlight {
  start: number;
  end: number;
  attributes: Record<string, string>;
}

/**
 * The article's text with a <mark> per part of each kept statement, and per part of each unattributed quotation.
 * Parts do not overlap in a draft; if two ever did, the later one would be marked from where the earlier one ends.
 */
export function renderArticle(
  container: HTMLElement,
  text: string,
  draft: Draft,
  edits: Map<string, StatementEdit>,
  entities: Map<string, DraftEntity>,
  colourOf: (speakerId: string) => string,
): void {
  const highlights: Highlight[] = [];
  for (const statement of draft.statements) {
    const edit = edits.get(statement.id);
    if (!edit || edit.dropped) continue;
    const speaker = entities.get(edit.speaker)?.name ?? edit.speaker;
    for (const part of statement.parts) {
      highlights.push({
        ...part,
        attributes: {
          class: `said ${colourOf(edit.speaker)}`,
          "data-statement-id": statement.id,
          "data-speaker": edit.speaker,
          title: `${speaker} (${edit.kind === "DIRECT_QUOTE" ? "direct quote" : "reported"})`,
        },
      });
    }
  }
  for (const quotation of draft.unattributed) {
    for (const part of quotation.parts) {
      highlights.push({
        ...part,
        attributes: { class: "unattributed", title: `Unattributed: ${quotation.reason}` },
      });
    }
  }
  highlights.sort((a, b) => a.start - b.start);
  const nodes: Node[] = [];
  let at = 0;
  for (const highlight of highlights) {
    const start = Math.max(highlight.start, at);
    if (start >= highlight.end) continue;
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(el("mark", highlight.attributes, text.slice(start, highlight.end)));
    at = highlight.end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  container.replaceChildren(...nodes);
}

function select<T extends string>(
  className: string,
  options: [T, string][],
  value: string,
  onChange: (value: T) => void,
): HTMLSelectElement {
  const element = el(
    "select",
    { class: className },
    ...options.map(([optionValue, label]) => el("option", { value: optionValue }, label)),
  );
  element.value = value;
  element.addEventListener("change", () => onChange(element.value as T));
  return element;
}

function control(label: string, input: HTMLElement): HTMLLabelElement {
  return el("label", { class: "control" }, el("span", {}, label), input);
}

export interface StatementItem {
  element: HTMLLIElement;
  /** Shows the statement as its edit now stands. */
  refresh(): void;
}

/**
 * A statement of the list: who said it (as edited), its words, kind, date, the extractor's confidence and cue, and
 * the controls that change speaker, kind and date, or drop it. `changed` is called after every edit.
 */
export function statementItem(
  statement: DraftStatement,
  edit: StatementEdit,
  speakers: DraftEntity[],
  colourOf: (speakerId: string) => string,
  publishedOn: string,
  changed: () => void,
): StatementItem {
  const speakerName = el("strong", { class: "speaker-name" });
  const swatch = el("span", { class: "swatch", "aria-hidden": "true" });
  const kindLabel = el("span", { class: "kind" });
  const date = el("span", { class: "said-on" });
  const words = el("blockquote", { class: "words" }, statement.text);
  const dropNote = el("p", { class: "dropped-note" }, "Dropped: it will not be imported.");

  const options: [string, string][] = speakers.map((s) => [s.id, s.name]);
  if (!speakers.some((s) => s.id === edit.speaker)) options.push([edit.speaker, statement.speaker.name]);
  const speakerSelect = select("speaker-select", options, edit.speaker, (value) => {
    edit.speaker = value;
    changed();
  });
  const kindSelect = select("kind-select", KINDS, edit.kind, (value) => {
    edit.kind = value;
    changed();
  });
  // A statement is said no later than its source was published (src/domain/dates.ts).
  const dateInput = el("input", { type: "date", class: "date-input", max: publishedOn });
  dateInput.value = edit.saidOn ?? "";
  dateInput.addEventListener("change", () => {
    edit.saidOn = dateInput.value || null;
    edit.datePrecision = edit.saidOn ? (edit.datePrecision ?? "DAY") : null;
    changed();
  });
  const precisionSelect = select("precision-select", PRECISIONS, edit.datePrecision ?? "DAY", (value) => {
    edit.datePrecision = value;
    changed();
  });
  const clearDate = el("button", { type: "button", class: "clear-date" }, "Clear date");
  clearDate.addEventListener("click", () => {
    edit.saidOn = null;
    edit.datePrecision = null;
    changed();
  });
  const drop = el("button", { type: "button", class: "drop" }, "Drop");
  drop.addEventListener("click", () => {
    edit.dropped = !edit.dropped;
    changed();
  });

  const element = el(
    "li",
    { class: "statement", "data-statement-id": statement.id },
    el("p", { class: "said-by" }, swatch, speakerName, " ", kindLabel),
    words,
    el(
      "p",
      { class: "meta" },
      date,
      ` · confidence ${Math.round(statement.confidence * 100)}%`,
      statement.cue ? ` · cue “${statement.cue}”` : "",
    ),
    dropNote,
    el(
      "div",
      { class: "controls" },
      control("Speaker", speakerSelect),
      control("Kind", kindSelect),
      control("Date", dateInput),
      control("Precision", precisionSelect),
      clearDate,
      drop,
    ),
  );

  function refresh(): void {
    const speaker = speakers.find((s) => s.id === edit.speaker);
    speakerName.textContent = speaker?.name ?? statement.speaker.name;
    swatch.className = `swatch ${colourOf(edit.speaker)}`;
    kindLabel.textContent = edit.kind === "DIRECT_QUOTE" ? "direct quote" : "reported";
    words.classList.toggle("quote", edit.kind === "DIRECT_QUOTE");
    date.replaceChildren(
      edit.saidOn && edit.datePrecision
        ? el(
            "time",
            { datetime: edit.saidOn },
            `${formatDate(edit.saidOn, edit.datePrecision)} (${TO_THE[edit.datePrecision]})`,
          )
        : "undated",
    );
    dateInput.value = edit.saidOn ?? "";
    precisionSelect.value = edit.datePrecision ?? "DAY";
    precisionSelect.disabled = !edit.saidOn;
    clearDate.disabled = !edit.saidOn;
    element.classList.toggle("dropped", edit.dropped);
    dropNote.hidden = !edit.dropped;
    drop.textContent = edit.dropped ? "Restore" : "Drop";
    for (const input of [speakerSelect, kindSelect, dateInput]) input.disabled = edit.dropped;
    if (edit.dropped) {
      precisionSelect.disabled = true;
      clearDate.disabled = true;
    }
  }
  refresh();
  return { element, refresh };
}

export function renderUnattributed(container: HTMLElement, draft: Draft): void {
  container.replaceChildren(
    ...draft.unattributed.map((quotation) =>
      el("li", {}, el("q", {}, quotation.text), el("span", { class: "meta" }, quotation.reason)),
    ),
  );
}

/** What importDataset wrote: the counts, and what resolution decided for each entity. */
export function renderImported(container: HTMLElement, result: ImportReviewedMutation["importDataset"]): void {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const counts = [
    plural(result.people, "person", "people"),
    plural(result.states, "state", "states"),
    plural(result.organizations, "organization", "organizations"),
    plural(result.venues, "venue", "venues"),
  ].join(", ");
  container.className = "import-result done";
  container.replaceChildren(
    el(
      "p",
      { class: "written" },
      `Imported: ${plural(result.statements, "statement", "statements")} written, with ${counts}, from `,
      el("a", { href: `/explore#${encodeURIComponent(result.sourceId)}` }, result.sourceId),
      ".",
    ),
    el("h3", {}, "Resolution"),
    el(
      "ul",
      { class: "resolution" },
      ...result.resolution.map((r) =>
        el(
          "li",
          { "data-incoming": r.incoming, "data-decision": r.decision },
          el("code", {}, r.incoming),
          " ",
          el("span", { class: `decision decision-${r.decision}` }, r.decision),
          ...(r.into && r.into !== r.incoming ? [" into ", el("code", {}, r.into)] : []),
          r.score !== null ? ` (score ${r.score.toFixed(2)})` : "",
          r.reasons.length ? el("span", { class: "meta" }, r.reasons.join("; ")) : "",
        ),
      ),
    ),
  );
}

export function renderError(container: HTMLElement, error: unknown): void {
  container.className = "import-result error";
  container.replaceChildren(el("p", { role: "alert" }, errorText(error)));
}

/** An API error as the page shows it: its code first (UNAUTHENTICATED, BAD_USER_INPUT), then the message. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.codes[0] : undefined;
  return code ? `${code}: ${message}` : message;
}
