// The side panel: what the selected node is (a statement with its evidence, source and conversation; an entity with
// its facts, charts and statements), what each source claims about it, and its timeline. Every name in it is a button
// that selects that node in the graph.
import type { StatementLinksFragment } from "../generated/graphql";
import { releaseCharts } from "./charts";
import { datetimeOf, formatDate, PRECISION_WORDS } from "./dates";
import { el, linkButton, type Child } from "./dom";
import {
  claimGroups,
  claimSourceCount,
  neighbourhoodOf,
  type ClaimedValue,
  type Kind,
  type NodeDetails,
} from "./model";
import { chartsSection } from "./nodeCharts";
import type { ThreadStatement } from "./thread";
import { threadSection } from "./threadSection";
import { kindWords, statementButtonClass, statementWords } from "./words";

export type Select = (id: string) => void;

// The article page says dates as the panel does.
export { formatDate };

function badge(kind: Kind): HTMLElement {
  return el("span", { class: `badge kind-${kind}` }, kind);
}

function heading(kind: Kind, title: string, id: string): HTMLElement {
  return el("header", {}, badge(kind), el("h2", {}, title), el("code", { class: "id" }, id));
}

function facts(rows: [string, ...Child[]][]): HTMLElement | null {
  const shown = rows.filter(([, ...values]) =>
    values.some((value) => value !== null && value !== undefined && value !== false),
  );
  if (shown.length === 0) return null;
  const list = el("dl", { class: "facts" });
  for (const [label, ...values] of shown) list.append(el("dt", {}, label), el("dd", {}, ...values));
  return list;
}

/** A comma-separated list of names that select their node. */
function links(items: { id: string; name: string }[], select: Select): HTMLElement | null {
  if (items.length === 0) return null;
  const span = el("span");
  items.forEach((item, i) => {
    if (i > 0) span.append(", ");
    span.append(linkButton(item.name, () => select(item.id)));
  });
  return span;
}

function statementList(
  title: string,
  page: { totalCount: number; nodes: StatementLinksFragment[] },
  select: Select,
): HTMLElement[] {
  if (page.totalCount === 0) return [];
  const list = el("ol", { class: "statements" });
  for (const statement of page.nodes) {
    const item = el(
      "li",
      {},
      linkButton(statementWords(statement), () => select(statement.id), {
        class: statementButtonClass(statement.kind),
        "data-id": statement.id,
      }),
      el(
        "span",
        { class: "meta" },
        `${statement.speaker.name} · ${formatDate(statement.saidOn, statement.datePrecision)} · ` +
          kindWords(statement.kind),
      ),
    );
    list.append(item);
  }
  const more =
    page.totalCount > page.nodes.length
      ? el("p", { class: "meta" }, `and ${page.totalCount - page.nodes.length} more`)
      : null;
  return [el("h3", {}, `${title} (${page.totalCount})`), list, ...(more ? [more] : [])];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The dataset's field names as the panel says them. */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  aliases: "Aliases",
  description: "Description",
  text: "Words",
  kind: "Kind",
  isoCode: "ISO code",
  date: "Date",
  startsAt: "Starts at",
  saidOn: "Said on",
  time: "Time",
  channel: "Channel",
  speaker: "Said by",
  venue: "Venue",
  event: "During",
  partOf: "Part of",
  locatedIn: "Located in",
  state: "State",
  follows: "Follows",
  offices: "Offices",
  memberships: "Member of",
  participants: "Participants",
  mentions: "Mentions",
};

const NODE_ID = /^(?:person|state|organization|venue|event|statement):\S+$/;

/**
 * A claimed value as the panel shows it: a date with its precision, a linked node by its name (by its id when the
 * node is not among the neighbours; the facts above hold the buttons), words in quotes.
 */
function claimValue(claim: ClaimedValue, names: Map<string, string>, node: NodeDetails): Child[] {
  const name = (id: string) => names.get(id) ?? id;
  if (claim.field === "date" || claim.field === "saidOn") {
    const precision = claim.precision ?? "DAY";
    return [
      el("time", { datetime: datetimeOf(claim.value, precision) }, formatDate(claim.value, precision)),
      ` (${PRECISION_WORDS[precision]})`,
    ];
  }
  const office = claim.field === "offices" ? /^(.+) of (\S+)$/.exec(claim.value) : null;
  if (office) return [`${office[1]} of ${name(office[2]!)}`];
  if (NODE_ID.test(claim.value)) return [name(claim.value)];
  if (claim.field === "text" && node.__typename === "Statement") {
    return [statementWords({ text: claim.value, kind: node.kind })];
  }
  if (claim.field === "kind" && claim.value === "DIRECT_QUOTE") return ["direct quote"];
  if (claim.field === "kind" && claim.value === "REPORTED") return ["reported"];
  return [claim.value];
}

/** The sources that give a value, by title, and "curator" when a curator set it. */
function whoClaims(claimed: ClaimedValue): Child[] {
  const who: Child[] = [
    ...claimed.sources.map((source) => el("cite", {}, source.title)),
    claimed.curator && el("span", { class: "curator" }, "curator"),
  ].filter(Boolean);
  return who.flatMap((item, i) => (i === 0 ? [item] : ["; ", item]));
}

/**
 * What each source (or a curator) asserts about the node, field by field: the value the node shows is marked
 * "shown", a date it refines "less precise", another value of a one-value field "differs", so a disagreement between
 * sources is visible at a glance.
 */
function claimsSection(node: NodeDetails): Child[] {
  const groups = claimGroups(node);
  if (groups.length === 0) return [];
  const names = new Map(neighbourhoodOf(node).nodes.map((n) => [n.id, n.label]));
  const curator = groups.some((g) => g.values.some((v) => v.curator));
  const disputed = groups.filter((g) => g.disputed).map((g) => (FIELD_LABELS[g.field] ?? g.field).toLowerCase());
  const summary =
    `From ${plural(claimSourceCount(groups), "source")}${curator ? " and a curator" : ""}` +
    (disputed.length > 0 ? `; they differ on: ${disputed.join(", ")}.` : "; no disagreement.");
  const fields = groups.map((group) =>
    el(
      "section",
      { class: "claim-field", "data-field": group.field },
      el(
        "h4",
        {},
        FIELD_LABELS[group.field] ?? group.field,
        group.disputed && el("span", { class: "claim-dispute" }, "values differ"),
      ),
      el(
        "ul",
        { class: "claims" },
        ...group.values.map((claimed) =>
          el(
            "li",
            { class: `claim claim-${claimed.status.replace(" ", "-")}` },
            el("span", { class: "claim-value" }, ...claimValue(claimed, names, node)),
            claimed.status !== "listed" && el("span", { class: "claim-mark" }, claimed.status),
            el("span", { class: "meta" }, ...whoClaims(claimed)),
          ),
        ),
      ),
    ),
  );
  return [el("h3", {}, "Claims"), el("p", { class: "meta claims-summary" }, summary), ...fields];
}

function statementDetails(
  node: Extract<NodeDetails, { __typename: "Statement" }>,
  thread: ThreadStatement[] | undefined,
  select: Select,
): Child[] {
  const said = [
    formatDate(node.saidOn, node.datePrecision),
    node.time ? ` at ${node.time}` : "",
    node.channel ? ` · ${node.channel}` : "",
    node.recurring ? " · said repeatedly" : "",
  ].join("");
  const evidence = node.evidence.map((item) => {
    const published = `published ${formatDate(item.source.publishedOn, "DAY")}`;
    return el(
      "figure",
      { class: "evidence" },
      el("blockquote", {}, item.excerpt),
      el(
        "figcaption",
        {},
        el("cite", {}, item.source.title),
        ` — ${[item.source.publisher, item.source.dateline, published].filter(Boolean).join(", ")}`,
      ),
    );
  });
  return [
    el(
      "header",
      {},
      badge("Statement"),
      el("span", { class: "meta" }, node.kind === "DIRECT_QUOTE" ? "direct quote" : "reported claim"),
      el("code", { class: "id" }, node.id),
    ),
    el("blockquote", { class: node.kind === "DIRECT_QUOTE" ? "statement-text quote" : "statement-text" }, node.text),
    facts([
      ["Said by", linkButton(node.speaker.name, () => select(node.speaker.id))],
      ["When", said],
      ["Where", node.venue && linkButton(node.venue.name, () => select(node.venue!.id))],
      ["During", node.event && linkButton(node.event.name, () => select(node.event!.id))],
      [
        "Mentions",
        links(
          node.mentions.map((m) => ({
            id: m.id,
            name: "name" in m ? m.name : "text" in m ? statementWords(m) : m.title,
          })),
          select,
        ),
      ],
      ["Reported by", plural(node.sourceCount, "source")],
    ]),
    el("h3", {}, "Evidence"),
    ...evidence,
    ...threadSection(thread, node.id, select),
    ...claimsSection(node),
  ];
}

function entityDetails(node: Exclude<NodeDetails, { __typename: "Statement" | "Source" }>, select: Select): Child[] {
  const rows: [string, ...Child[]][] = [];
  switch (node.__typename) {
    case "Person":
      rows.push([
        "Offices",
        links(
          node.offices.map((o) => ({ id: o.state.id, name: `${o.title} of ${o.state.name}` })),
          select,
        ),
      ]);
      rows.push(["Member of", links(node.organizations, select)]);
      rows.push([
        "Took part in",
        links(
          node.events.map((p) => p.event),
          select,
        ),
      ]);
      break;
    case "State":
      rows.push(["ISO code", node.isoCode]);
      rows.push([
        "Office holders",
        links(
          node.officeHolders.map((o) => ({ id: o.person.id, name: `${o.person.name} (${o.title})` })),
          select,
        ),
      ]);
      rows.push(["Organizations", links(node.organizations, select)]);
      rows.push([
        "Took part in",
        links(
          node.events.map((p) => p.event),
          select,
        ),
      ]);
      break;
    case "Organization":
      rows.push(["Part of", node.state && linkButton(node.state.name, () => select(node.state!.id))]);
      rows.push(["Members", links(node.members, select)]);
      rows.push(["Member of", links(node.memberOf, select)]);
      rows.push([
        "Took part in",
        links(
          node.events.map((p) => p.event),
          select,
        ),
      ]);
      break;
    case "Venue":
      rows.push(["Kind", node.venueKind]);
      rows.push(["Located in", node.locatedIn && linkButton(node.locatedIn.name, () => select(node.locatedIn!.id))]);
      rows.push(["State", node.state && linkButton(node.state.name, () => select(node.state!.id))]);
      rows.push(["Contains", links(node.contains, select)]);
      rows.push(["Events here", links(node.heldHere, select)]);
      break;
    case "Event":
      rows.push(["Date", node.date && formatDate(node.date, node.datePrecision)]);
      rows.push(["Starts at", node.startsAt]);
      rows.push(["Venue", node.venue && linkButton(node.venue.name, () => select(node.venue!.id))]);
      rows.push([
        "Participants",
        links(
          node.participants.map((p) => ({
            id: p.participant.id,
            name: p.role ? `${p.participant.name} (${p.role})` : p.participant.name,
          })),
          select,
        ),
      ]);
      rows.push(["Follows", node.follows && linkButton(node.follows.name, () => select(node.follows!.id))]);
      rows.push(["Followed by", links(node.followedBy, select)]);
      break;
  }
  return [
    heading(node.__typename, node.name, node.id),
    node.description && el("p", { class: "description" }, node.description),
    facts(rows),
    chartsSection(node, select),
    ...claimsSection(node),
    ...statementList(
      node.__typename === "Venue" ? "Said here" : node.__typename === "Event" ? "Said during it" : "Said",
      node.statements,
      select,
    ),
    ...statementList("Mentioned in", node.mentionedIn, select),
  ];
}

/** Shows a node in the panel; a statement with the conversation around it, when the request asked for it. */
export function renderDetails(
  container: HTMLElement,
  node: NodeDetails,
  select: Select,
  thread?: ThreadStatement[],
): void {
  releaseCharts();
  let content: Child[];
  if (node.__typename === "Statement") content = statementDetails(node, thread, select);
  else if (node.__typename === "Source") content = [heading("Source", node.title, node.id)];
  else content = entityDetails(node, select);
  container.replaceChildren(el("article", { class: "details" }, ...content));
}

export function renderMessage(container: HTMLElement, ...content: Child[]): void {
  container.replaceChildren(el("div", { class: "message" }, ...content));
}
