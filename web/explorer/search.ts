// The search box: as you type, suggests people, states, organizations, venues and events by name (word prefixes,
// case and accents ignored) and statements by their words; picking a suggestion puts it in the graph.
import { request } from "./api";
import { formatDate } from "./dates";
import { el } from "./dom";
import type { Kind } from "./model";
import { FindDocument } from "./queries";

interface Suggestion {
  id: string;
  kind: Kind;
  label: Node[];
  detail: string;
}

const text = (value: string) => [document.createTextNode(value)];

/** The API's limits on a name filter (src/graphql/limits/textInputs.ts), which the search box's text is used as. */
const MAX_INPUT = 200;
const MAX_WORDS = 32;

/** The API's snippet is HTML-escaped text with <mark> around matches: rebuilt here as nodes, never as markup. */
function highlighted(snippet: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${snippet}</p>`, "text/html");
  return [...(parsed.body.firstElementChild?.childNodes ?? [])].map((node) =>
    node.nodeName === "MARK" ? el("mark", {}, node.textContent ?? "") : document.createTextNode(node.textContent ?? ""),
  );
}

async function find(query: string): Promise<Suggestion[]> {
  const data = await request(FindDocument, { text: query });
  const entities: Suggestion[] = [
    ...data.people.nodes.map((p) => ({
      id: p.id,
      kind: "Person" as const,
      label: text(p.name),
      detail: p.description ?? "person",
    })),
    ...data.states.nodes.map((s) => ({
      id: s.id,
      kind: "State" as const,
      label: text(s.name),
      detail: s.description ?? "state",
    })),
    ...data.organizations.nodes.map((o) => ({
      id: o.id,
      kind: "Organization" as const,
      label: text(o.name),
      detail: o.description ?? "organization",
    })),
    ...data.venues.nodes.map((v) => ({ id: v.id, kind: "Venue" as const, label: text(v.name), detail: v.kind })),
    ...data.events.nodes.map((e) => ({
      id: e.id,
      kind: "Event" as const,
      label: text(e.name),
      detail: formatDate(e.date, e.datePrecision),
    })),
  ];
  const statements: Suggestion[] = data.search.nodes.flatMap((hit) =>
    hit.node.__typename === "Statement"
      ? [
          {
            id: hit.node.id,
            kind: "Statement" as const,
            label: highlighted(hit.snippet),
            detail: `said by ${hit.node.speaker.name}`,
          },
        ]
      : [],
  );
  return [...entities, ...statements];
}

export function attachSearch(
  input: HTMLInputElement,
  list: HTMLElement,
  pick: (id: string) => void,
  fail: (error: unknown) => void,
): void {
  let suggestions: Suggestion[] = [];
  let active = -1;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const choose = (suggestion: Suggestion | undefined) => {
    if (!suggestion) return;
    close();
    input.value = "";
    pick(suggestion.id);
  };

  const render = () => {
    list.replaceChildren();
    if (suggestions.length === 0) {
      list.append(el("li", { class: "empty" }, `Nothing matches “${input.value.trim()}”.`));
    }
    suggestions.forEach((suggestion, i) => {
      const option = el(
        "li",
        {
          role: "option",
          id: `suggestion-${i}`,
          class: `kind-${suggestion.kind}`,
          "aria-selected": String(i === active),
          "data-id": suggestion.id,
        },
        el("span", { class: `badge kind-${suggestion.kind}` }, suggestion.kind),
        el("span", { class: "label" }, ...suggestion.label),
        el("span", { class: "detail" }, suggestion.detail),
      );
      // mousedown, not click: it comes before the input's blur closes the list.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(suggestion);
      });
      list.append(option);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
  };

  const search = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    // The API refuses input with nothing to match, and names over 200 characters or 32 words: no request for those.
    if (query.length < 2 || !/[\p{L}\p{N}]/u.test(query)) return close();
    if (query.length > MAX_INPUT || query.split(/\s+/).length > MAX_WORDS) {
      suggestions = [];
      list.replaceChildren(
        el("li", { class: "empty" }, `Too long to search: at most ${MAX_INPUT} characters and ${MAX_WORDS} words.`),
      );
      list.hidden = false;
      return;
    }
    try {
      const found = await find(query);
      if (ticket !== latest) return; // a later keystroke has its own answer coming
      suggestions = found;
      active = found.length > 0 ? 0 : -1;
      render();
    } catch (error) {
      if (ticket === latest) fail(error);
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 150);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden || suggestions.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!list.hidden) choose(suggestions[active]);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", close);
}
