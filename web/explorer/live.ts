// New statements about the entity in the panel, as they are recorded: a statementAdded subscription over WebSocket
// (graphql-ws, at the page's own /graphql), filtered as statements(filter:) would be: by speaker for a person, state
// or organization, by venue for a venue, by event for an event. Statements and sources have none.
import { createClient, type Client } from "graphql-ws";
import type { StatementAddedSubscription, StatementFilter } from "../generated/graphql";
import { GRAPHQL_URL } from "./api";
import { el, linkButton } from "./dom";
import { StatementAddedDocument } from "./queries";
import type { NodeDetails } from "./model";

type Added = StatementAddedSubscription["statementAdded"];

/** At most this many arrivals stay on screen, newest first. */
const SHOWN = 20;

let client: Client | undefined;

/** One lazy connection for the page: opened by the first subscription, closed when none is left. */
export function liveClient(): Client {
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  client ??= createClient({ url: `${scheme}//${window.location.host}${GRAPHQL_URL}` });
  return client;
}

function filterFor(node: NodeDetails): StatementFilter | undefined {
  switch (node.__typename) {
    case "Person":
    case "State":
    case "Organization":
      return { speaker: node.id };
    case "Venue":
      return { venue: node.id };
    case "Event":
      return { event: node.id };
    default:
      return undefined;
  }
}

function arrival(statement: Added, select: (id: string) => void): HTMLLIElement {
  return el(
    "li",
    {},
    linkButton(statement.text, () => select(statement.id)),
    el("span", { class: "meta" }, ` — ${statement.speaker.name}${statement.saidOn ? `, ${statement.saidOn}` : ""}`),
  );
}

export interface LiveStatements {
  /** The panel's section: a heading, a line saying it listens, the statements that arrived. */
  readonly element: HTMLElement | undefined;
  /** Ends the subscription (when another node is shown). */
  stop(): void;
}

/** Subscribes to the statements about this node; nothing (and no connection) for a statement or a source. */
export function watchStatements(node: NodeDetails, select: (id: string) => void): LiveStatements {
  const filter = filterFor(node);
  if (!filter) return { element: undefined, stop: () => {} };
  const list = el("ol", { class: "live-statements" });
  const state = el("p", { class: "meta" }, "Listening: statements recorded from now on appear here.");
  const element = el("section", { class: "live", "aria-label": "New statements" }, el("h3", {}, "New statements"));
  element.append(state, list);
  const stop = liveClient().subscribe<StatementAddedSubscription>(
    { query: StatementAddedDocument.toString(), variables: { filter } },
    {
      next: ({ data, errors }) => {
        if (errors?.length) state.textContent = errors.map((error) => error.message).join("; ");
        if (!data) return;
        list.prepend(arrival(data.statementAdded, select));
        while (list.children.length > SHOWN) list.lastElementChild?.remove();
      },
      error: () => {
        state.textContent = "Live updates stopped: the connection to the server was lost.";
      },
      complete: () => {},
    },
  );
  return { element, stop };
}
