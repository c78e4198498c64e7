// The graph explorer at /explore: find an entity, see it with its neighbours, click a node to expand it, read a
// statement with its evidence and the conversation around it, follow an entity's timeline. A client of the public
// GraphQL API and nothing else.
import "./style.css";
import { ApiError, request } from "./api";
import { releaseCharts } from "./charts";
import { GraphView } from "./graph";
import { labelOf, neighbourhoodOf, type NodeDetails } from "./model";
import { renderDetails, renderMessage, renderTimeline } from "./panel";
import { NeighbourhoodDocument, TimelineDocument } from "./queries";
import { attachSearch } from "./search";
import { isStatementId } from "./thread";

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

// What the panel says before anything is selected, to put back when the graph is cleared.
const intro = [...details.childNodes].map((node) => node.cloneNode(true));

let current: NodeDetails | undefined;
let timelineOf: string | undefined;
let latest = 0;

const graph = new GraphView(byId("graph"), (id) => void select(id));

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

function showTab(tab: "details" | "timeline"): void {
  details.hidden = tab !== "details";
  timeline.hidden = tab !== "timeline";
  detailsTab.setAttribute("aria-selected", String(tab === "details"));
  timelineTab.setAttribute("aria-selected", String(tab === "timeline"));
}

async function showTimeline(): Promise<void> {
  if (!current || timelineTab.disabled) return;
  showTab("timeline");
  if (timelineOf === current.id) return;
  const node = current;
  renderMessage(timeline, "Loading the timeline…");
  const data = await request(TimelineDocument, { entity: node.id });
  if (current !== node) return;
  timelineOf = node.id;
  renderTimeline(timeline, labelOf(node), data.timeline.nodes, (id) => void select(id));
}

/** Shows a node in the panel and expands it in the graph: its neighbours are fetched and drawn around it. */
async function select(id: string): Promise<void> {
  const ticket = ++latest;
  document.body.classList.add("busy");
  try {
    const { node, conversation } = await request(NeighbourhoodDocument, {
      id,
      first: STATEMENTS_PER_NODE,
      thread: isStatementId(id),
    });
    if (ticket !== latest) return; // a later click wins
    if (!node) throw new ApiError(`There is no node with id ${id}.`);
    current = node;
    graph.merge(neighbourhoodOf(node, conversation), id);
    graph.select(id);
    showCounts();
    renderDetails(details, node, (next) => void select(next), conversation);
    timelineTab.disabled = node.__typename === "Statement" || node.__typename === "Source";
    if (!timeline.hidden && !timelineTab.disabled) await showTimeline();
    else showTab("details");
    history.replaceState(null, "", `#${encodeURIComponent(id)}`);
  } catch (error) {
    fail(error);
  } finally {
    if (ticket === latest) document.body.classList.remove("busy");
  }
}

attachSearch(byId<HTMLInputElement>("search"), byId("suggestions"), (id) => void select(id), fail);
detailsTab.addEventListener("click", () => showTab("details"));
timelineTab.addEventListener("click", () => void showTimeline().catch(fail));
byId("fit").addEventListener("click", () => graph.fit());
byId("clear").addEventListener("click", () => {
  graph.clear();
  releaseCharts();
  current = undefined;
  timelineOf = undefined;
  details.replaceChildren(...intro.map((node) => node.cloneNode(true)));
  showTab("details");
  status.textContent = "Cleared. Search for something to start again.";
  history.replaceState(null, "", window.location.pathname);
});

// /explore#person:volodymyr-zelenskyy opens that node: links to the explorer can point at anything.
const start = decodeURIComponent(window.location.hash.slice(1));
if (start) void select(start);
