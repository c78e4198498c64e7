// The graph explorer at /explore: find an entity, see it with its neighbours, click a node to expand it, read a
// statement with its evidence and the conversation around it, follow an entity's timeline. A client of the public
// GraphQL API and nothing else. What it shows is in its address (route.ts): every view a history entry of its own,
// so back and forward step through them and a copied link opens the same view.
import "./style.css";
import { ApiError, request } from "./api";
import { releaseCharts } from "./charts";
import { GraphView } from "./graph";
import { showHistory, type HistoryView } from "./history";
import { watchStatements, type LiveStatements } from "./live";
import { labelOf, neighbourhoodOf, type NodeDetails } from "./model";
import { renderDetails, renderMessage } from "./panel";
import { NeighbourhoodDocument, TimelineDocument } from "./queries";
import { parseView, START, viewHash, type Tab, type View } from "./route";
import { attachSearch } from "./search";
import { isStatementId } from "./thread";
import { renderTimeline, TIMELINE_PAGE } from "./timeline";

/** How many statements (said, and mentioning) a node brings along when it is expanded. */
const STATEMENTS_PER_NODE = 20;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`explore page: no #${id}`);
  return element as T;
}

const details = byId("details");
const timeline = byId("timeline");
const status = byId("graph-status");
const detailsTab = byId<HTMLButtonElement>("tab-details");
const timelineTab = byId<HTMLButtonElement>("tab-timeline");
const historyPanel = byId("history");
const historyTab = byId<HTMLButtonElement>("tab-history");

// What the panel says before anything is selected, to put back when the graph is cleared.
const intro = [...details.childNodes].map((node) => node.cloneNode(true));

/** The view shown (or being shown), the node in the panel and the id it was asked by, the timeline drawn. */
let view: View = START;
let current: { asked: string; node: NodeDetails } | undefined;
let timelineShown: string | undefined;
let historyShown: string | undefined;
let latest = 0;
/** The subscription to new statements about the node in the panel. */
let live: LiveStatements | undefined;
/** The open Changes tab's subscription to the node's new entries. */
let historyLive: HistoryView | undefined;

function stopHistory(): void {
  historyLive?.stop();
  historyLive = undefined;
  historyShown = undefined;
}

const graph = new GraphView(byId("graph"), (id) => select(id));

function showCounts(): void {
  const { nodes, edges } = graph.counts;
  status.classList.remove("error");
  const nodeWord = nodes === 1 ? "node" : "nodes";
  const edgeWord = edges === 1 ? "relationship" : "relationships";
  status.textContent = `${nodes} ${nodeWord} · ${edges} ${edgeWord}`;
}

function fail(error: unknown): void {
  status.classList.add("error");
  status.textContent = error instanceof Error ? error.message : String(error);
}

function showTab(tab: Tab): void {
  details.hidden = tab !== "details";
  timeline.hidden = tab !== "timeline";
  historyPanel.hidden = tab !== "history";
  detailsTab.setAttribute("aria-selected", String(tab === "details"));
  timelineTab.setAttribute("aria-selected", String(tab === "timeline"));
  historyTab.setAttribute("aria-selected", String(tab === "history"));
}

/** Goes to a view: a new history entry (unless it is the one shown), then shows it. */
function go(next: View): void {
  const hash = viewHash(next);
  if (hash !== viewHash(view)) history.pushState(null, "", hash || window.location.pathname);
  void show(next);
}

/** Selects a node: its details (or its timeline, when that tab is open), the timeline's filter kept. */
function select(id: string): void {
  go({ ...view, node: id, page: 1, after: undefined, before: undefined });
}

function clear(): void {
  graph.clear();
  releaseCharts();
  current = undefined;
  timelineShown = undefined;
  stopHistory();
  live?.stop();
  live = undefined;
  details.replaceChildren(...intro.map((node) => node.cloneNode(true)));
  showTab("details");
}

/** Fetches a node with its neighbours, draws them around it and shows it in the panel. */
async function loadNode(id: string, ticket: number): Promise<boolean> {
  const { node, conversation } = await request(NeighbourhoodDocument, {
    id,
    first: STATEMENTS_PER_NODE,
    thread: isStatementId(id),
  });
  if (ticket !== latest) return false; // a later view wins
  if (!node) throw new ApiError(`There is no node with id ${id}.`);
  current = { asked: id, node };
  timelineShown = undefined;
  stopHistory();
  graph.merge(neighbourhoodOf(node, conversation), node.id);
  graph.select(node.id);
  showCounts();
  renderDetails(details, node, select, conversation);
  showLiveStatements(node);
  timelineTab.disabled = node.__typename === "Statement" || node.__typename === "Source";
  return true;
}

/** Under the node's heading: the statements about it recorded while it is shown. */
function showLiveStatements(node: NodeDetails): void {
  live?.stop();
  live = watchStatements(node, select);
  if (!live.element) return;
  const header = details.querySelector("article.details > header");
  if (header) header.after(live.element);
  else details.prepend(live.element);
}

async function loadTimeline(shown: View, node: NodeDetails, ticket: number): Promise<void> {
  const key = viewHash({ ...shown, tab: "timeline" });
  if (timelineShown === key) return;
  renderMessage(timeline, "Loading the timeline…");
  const page = shown.before
    ? { last: TIMELINE_PAGE, before: shown.before }
    : { first: TIMELINE_PAGE, after: shown.after };
  const data = await request(TimelineDocument, { entity: node.id, from: shown.from, to: shown.to, ...page });
  if (ticket !== latest) return;
  timelineShown = key;
  renderTimeline(timeline, labelOf(node), data.timeline, shown, {
    select,
    change: (change) => go({ ...view, ...change }),
  });
}

/** The node's entries in the change log, newest first, live while the tab is open (read again when reopened). */
async function loadHistory(node: NodeDetails, ticket: number): Promise<void> {
  if (historyShown === node.id) return;
  stopHistory();
  renderMessage(historyPanel, "Loading the history…");
  const shown = await showHistory(historyPanel, node.id, labelOf(node));
  if (ticket !== latest) return shown.stop();
  historyLive = shown;
  historyShown = node.id;
}

/** Shows a view: the node (fetched unless it is the one shown), then the tab it names. */
async function show(next: View): Promise<void> {
  const ticket = ++latest;
  view = next;
  if (!next.node) {
    clear();
    status.textContent = "Search for someone or something to start.";
    return;
  }
  document.body.classList.add("busy");
  try {
    if (current?.asked !== next.node && !(await loadNode(next.node, ticket))) return;
    const node = current!.node;
    const tab: Tab =
      next.tab === "history" || (next.tab === "timeline" && !timelineTab.disabled) ? next.tab : "details";
    if (tab !== next.tab) {
      // A statement has no timeline: the address says what is shown, and the next node opens on its details.
      view = { ...next, tab };
      history.replaceState(null, "", viewHash(view));
    }
    showTab(tab);
    if (tab !== "history") stopHistory();
    if (tab === "timeline") await loadTimeline(next, node, ticket);
    if (tab === "history") await loadHistory(node, ticket);
  } catch (error) {
    if (ticket === latest) fail(error);
  } finally {
    if (ticket === latest) document.body.classList.remove("busy");
  }
}

attachSearch(byId<HTMLInputElement>("search"), byId("suggestions"), select, fail);
detailsTab.addEventListener("click", () => go({ ...view, tab: "details" }));
timelineTab.addEventListener("click", () => go({ ...view, tab: "timeline" }));
historyTab.addEventListener("click", () => {
  stopHistory();
  go({ ...view, tab: "history" });
});
byId("fit").addEventListener("click", () => graph.fit());
byId("clear").addEventListener("click", () => {
  go(START);
  status.textContent = "Cleared. Search for something to start again.";
});
// Back, forward, and a hash typed into the address bar: show the view the address names.
window.addEventListener("popstate", () => void show(parseView(window.location.hash)));

// /explore#person:volodymyr-zelenskyy opens that node; the address is rewritten as the view it names.
const start = parseView(window.location.hash);
history.replaceState(null, "", viewHash(start) || window.location.pathname + window.location.search);
void show(start);
