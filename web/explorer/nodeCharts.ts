// The panel's charts for the selected node: its statements over time (what it said, or what was said there, and what
// mentions it), who speaks there or what it mentions most, and who mentions it most; each bar of a node selects that
// node. Every chart has a name (its caption), a text summary of its counts on the canvas and a data table for screen
// readers and keyboards. The counts come with the panel's own query (queries.ts: OverTime, TopSpeakers).
import { cssColour, rankingBars, RANK_PADDING, RANK_ROW, timeBars, type TimeBarsData } from "./charts";
import { el, linkButton } from "./dom";
import { labelOf, type Kind, type NodeDetails, type Ref } from "./model";
import type { Select } from "./panel";
import { chooseUnit, isCoarse, periodBars, periodLabel, UNITS, type PeriodCount, type PeriodUnit } from "./periods";

interface OverTimeSeries {
  label: string;
  colour: string;
  byDay: PeriodCount[];
  undated: number;
}

interface Ranking {
  /** The chart's name, e.g. "Mentions most". */
  title: string;
  /** What kind of chart it is, for tests and styles: "mentions-most", "mentioned-most-by", "speakers". */
  key: string;
  rows: { ref: Ref; count: number }[];
}

interface NodeCharts {
  overTime: OverTimeSeries[];
  /** What the first series counts, when its label alone does not say. */
  overTimeNote?: string;
  rankings: Ranking[];
}

type Counts = { totalCount: number; facets: { undated: number; byPeriod: PeriodCount[] } };

const KIND_COLOUR: Record<Kind, string> = {
  Person: "--person",
  State: "--state",
  Organization: "--organization",
  Venue: "--venue",
  Event: "--event",
  Statement: "--statement",
  Source: "--source",
};

function series(label: string, colour: string, counts: Counts): OverTimeSeries[] {
  if (counts.totalCount === 0) return [];
  return [{ label, colour: cssColour(colour), byDay: counts.facets.byPeriod, undated: counts.facets.undated }];
}

/** Which counts a node's charts draw: a speaker's own statements, a state's with its side's, a place's or event's. */
function chartsOf(node: NodeDetails): NodeCharts | null {
  if (node.__typename === "Statement" || node.__typename === "Source") return null;
  const own = KIND_COLOUR[node.__typename];
  const mentioned = (counts: Counts) => series("Mentioned in", "--statement", counts);
  const mentionedMostBy: Ranking = {
    title: "Mentioned most by",
    key: "mentioned-most-by",
    rows: node.mentionedMostBy.map(({ node: ref, count }) => ({ ref, count })),
  };
  switch (node.__typename) {
    case "Person":
    case "Organization":
      return {
        overTime: [...series("Said", own, node.statements), ...mentioned(node.mentionedIn)],
        rankings: [
          {
            title: "Mentions most",
            key: "mentions-most",
            rows: node.mentionsMost.map(({ node: ref, count }) => ({ ref, count })),
          },
          mentionedMostBy,
        ],
      };
    case "State":
      return {
        overTime: [...series("Said", own, node.allStatements), ...mentioned(node.mentionedIn)],
        overTimeNote: `Said: by ${node.name}, its organizations and its office holders.`,
        rankings: [
          {
            title: "Who speaks for it",
            key: "speakers",
            rows: node.allStatements.facets.bySpeaker.map(({ node: ref, count }) => ({ ref, count })),
          },
          mentionedMostBy,
        ],
      };
    case "Venue":
    case "Event": {
      const here = node.__typename === "Venue" ? "here" : "during it";
      return {
        overTime: [...series(`Said ${here}`, own, node.statements), ...mentioned(node.mentionedIn)],
        rankings: [
          {
            title: `Who speaks ${here}`,
            key: "speakers",
            rows: node.statements.facets.bySpeaker.map(({ node: ref, count }) => ({ ref, count })),
          },
          mentionedMostBy,
        ],
      };
    }
  }
}

let figureCount = 0;

/** A figure named by its caption. */
function figure(key: string, title: string): HTMLElement {
  const id = `chart-${++figureCount}`;
  return el("figure", { class: "chart", "data-chart": key, "aria-labelledby": id }, el("figcaption", { id }, title));
}

/** The visually hidden table of a chart's counts; a keyboard reaching its buttons brings it into view. */
function dataTable(caption: string, head: string[], rows: (string | HTMLElement)[][]): HTMLElement {
  // The class hides the box around the table: a table itself is never narrower than its content.
  return el(
    "div",
    { class: "chart-data visually-hidden" },
    el(
      "table",
      {},
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, ...head.map((cell) => el("th", { scope: "col" }, cell)))),
      el(
        "tbody",
        {},
        ...rows.map(([first, ...cells]) =>
          el("tr", {}, el("th", { scope: "row" }, first), ...cells.map((cell) => el("td", {}, cell))),
        ),
      ),
    ),
  );
}

const UNIT_WORD: Record<PeriodUnit, string> = { DAY: "day", MONTH: "month", YEAR: "year" };

/** The canvas's summary of the bars of a unit: each series with its non-empty periods, then what is undated. */
function overTimeSummary(data: TimeBarsData, all: OverTimeSeries[], unit: PeriodUnit): string {
  const parts = data.series.map((series, i) => {
    const dated = data.titles.flatMap((title, p) => {
      const count = series.counts[p]!;
      return count > 0 ? [`${title}: ${count}`] : [];
    });
    const undated = all[i]!.undated > 0 ? `; undated: ${all[i]!.undated}` : "";
    return `${series.label} — ${dated.length > 0 ? dated.join(", ") : "none dated"}${undated}`;
  });
  return `Statements by ${UNIT_WORD[unit]}. ${parts.join(". ")}.`;
}

function overTimeFigure(charts: NodeCharts): HTMLElement | null {
  const all = charts.overTime;
  if (all.length === 0) return null;
  const element = figure("over-time", "Statements over time");
  const dated = all.some((s) => s.byDay.length > 0);
  let unit = chooseUnit(all.flatMap((s) => s.byDay.map((c) => c.period)));
  const canvas = el("canvas", { role: "img" });
  const table = el("div");
  const faded = el("p", { class: "meta chart-note", hidden: "" }, "Faded bars: dated only to the month or year.");

  const bars = (): TimeBarsData => {
    const drawn = periodBars(
      all.map((s) => s.byDay),
      unit,
    );
    const labels = drawn.periods.map((period) => periodLabel(period, unit));
    return {
      ticks: labels.map((label) => label.tick),
      titles: labels.map((label) => label.text),
      coarse: drawn.periods.map((period) => isCoarse(period, unit)),
      series: all.map((s, i) => ({ label: s.label, colour: s.colour, counts: drawn.counts[i]! })),
    };
  };
  const describe = (data: TimeBarsData) => {
    canvas.setAttribute("aria-label", overTimeSummary(data, all, unit));
    faded.hidden = !data.coarse.some(Boolean);
    const rows = data.titles.flatMap((title, p) =>
      data.series.some((s) => s.counts[p]! > 0) ? [[title, ...data.series.map((s) => String(s.counts[p]))]] : [],
    );
    if (all.some((s) => s.undated > 0)) rows.push(["Undated", ...all.map((s) => String(s.undated))]);
    table.replaceChildren(dataTable(`Statements by ${UNIT_WORD[unit]}`, ["Period", ...all.map((s) => s.label)], rows));
  };

  if (dated) {
    const units = el("div", { class: "chart-units", role: "group", "aria-label": "Count statements by" });
    const buttons = UNITS.map((option) => {
      const button = el("button", { type: "button", "data-unit": option }, UNIT_WORD[option]);
      button.addEventListener("click", () => {
        if (option === unit) return;
        unit = option;
        for (const b of buttons) b.setAttribute("aria-pressed", String(b === button));
        const data = bars();
        chart.update(data);
        describe(data);
      });
      button.setAttribute("aria-pressed", String(option === unit));
      return button;
    });
    units.append(...buttons);
    const box = el("div", { class: "chart-box chart-time" }, canvas);
    element.append(units, box);
    const data = bars();
    const chart = timeBars(canvas, data);
    describe(data);
  } else {
    describe(bars());
  }
  element.append(table, faded);
  if (charts.overTimeNote) element.append(el("p", { class: "meta chart-note" }, charts.overTimeNote));
  const undated = all.filter((s) => s.undated > 0).map((s) => `${s.label} ${s.undated}`);
  if (undated.length > 0) {
    element.append(el("p", { class: "meta chart-note chart-undated" }, `Undated, not drawn: ${undated.join(" · ")}.`));
  }
  return element;
}

/** The canvas's summary of a ranking: each node with its count. */
function rankingSummary(ranking: Ranking): string {
  const rows = ranking.rows.map((row) => `${labelOf(row.ref)}: ${row.count}`);
  return `${ranking.title}, in statements: ${rows.join("; ")}.`;
}

function rankingFigure(ranking: Ranking, select: Select): HTMLElement | null {
  if (ranking.rows.length === 0) return null;
  const element = figure(ranking.key, ranking.title);
  const canvas = el("canvas", { role: "img", "aria-label": rankingSummary(ranking) });
  const box = el("div", { class: "chart-box chart-ranking" }, canvas);
  box.style.height = `${ranking.rows.length * RANK_ROW + 2 * RANK_PADDING}px`;
  const pick = (index: number) => {
    const row = ranking.rows[index];
    if (row) select(row.ref.id);
  };
  rankingBars(
    canvas,
    ranking.rows.map((row) => ({ label: labelOf(row.ref), count: row.count })),
    ranking.rows.map((row) => cssColour(KIND_COLOUR[row.ref.__typename])),
    pick,
  );
  const rows = ranking.rows.map((row) => [
    linkButton(labelOf(row.ref), () => select(row.ref.id), { "data-id": row.ref.id }),
    String(row.count),
  ]);
  element.append(box, dataTable(`${ranking.title}, in statements`, ["Node", "Statements"], rows));
  return element;
}

/**
 * The charts of an entity's panel, drawn as soon as they are in the page (Chart.js waits for its canvas to be
 * attached); none for a statement or a source.
 */
export function chartsSection(node: NodeDetails, select: Select): HTMLElement | null {
  const charts = chartsOf(node);
  if (!charts) return null;
  const figures = [overTimeFigure(charts), ...charts.rankings.map((ranking) => rankingFigure(ranking, select))].filter(
    (figure): figure is HTMLElement => figure !== null,
  );
  if (figures.length === 0) return null;
  return el("section", { class: "charts", "aria-label": `${labelOf(node)} in numbers` }, ...figures);
}
