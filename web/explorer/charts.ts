// Bar charts drawn with Chart.js on canvas, in the page's colours: counts over time, and a ranking of nodes whose
// bars select their node. Only the parts of Chart.js that bars need are bundled. A canvas says nothing to a screen
// reader: nodeCharts.ts gives every chart its name, a summary and a data table.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The charts now in the panel: destroyed before the panel shows another node, so none keeps observing its size. */
const drawn = new Set<Chart>();

export function releaseCharts(): void {
  for (const chart of drawn) chart.destroy();
  drawn.clear();
}

/** A colour the page's stylesheets define (web/shared/page.css, web/explorer/style.css), e.g. "--person". */
export function cssColour(name: string, fallback = "#6b7280"): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** A #rrggbb colour made see-through, for bars that stand for less precise dates. */
export function faded(colour: string, alpha = 0.4): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) return colour;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function themed(): void {
  const root = getComputedStyle(document.documentElement);
  Chart.defaults.font.family = root.fontFamily;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = cssColour("--muted");
  Chart.defaults.borderColor = cssColour("--line", "#e5e7eb");
  // The explorer redraws charts on every selection; movement would only delay reading them.
  Chart.defaults.animation = false;
}

function draw(canvas: HTMLCanvasElement, config: ChartConfiguration<"bar", number[], string>): Chart<"bar"> {
  themed();
  const chart = new Chart(canvas, config);
  drawn.add(chart);
  return chart;
}

export interface BarSeries {
  label: string;
  /** One count per period. */
  counts: number[];
  colour: string;
}

export interface TimeBarsData {
  /** Short axis labels, one per period. */
  ticks: string[];
  /** What the tooltip says of each period. */
  titles: string[];
  /** Periods coarser than the unit (a date known only to the month, under days): drawn faded. */
  coarse: boolean[];
  series: BarSeries[];
}

function timeDatasets(data: TimeBarsData) {
  return data.series.map((series) => ({
    label: series.label,
    data: series.counts,
    backgroundColor: data.coarse.map((coarse) => (coarse ? faded(series.colour) : series.colour)),
    borderColor: series.colour,
    borderWidth: data.coarse.map((coarse) => (coarse ? 1 : 0)),
    borderRadius: 2,
    maxBarThickness: 28,
  }));
}

/** Counts per period, one colour per series, named in a legend; `update` redraws in another unit. */
export function timeBars(canvas: HTMLCanvasElement, data: TimeBarsData): { update(data: TimeBarsData): void } {
  let titles = data.titles;
  let series = data.series;
  const chart = draw(canvas, {
    type: "bar",
    data: { labels: data.ticks, datasets: timeDatasets(data) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 8 } },
        y: { beginAtZero: true, ticks: { precision: 0, maxTicksLimit: 5 } },
      },
      plugins: {
        legend: {
          position: "top",
          align: "start",
          labels: {
            boxWidth: 12,
            boxHeight: 12,
            color: cssColour("--ink"),
            // A series' own colour, not that of its first bar (which may be faded).
            generateLabels: (chart) =>
              Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item, i) => {
                const colour = series[i]?.colour ?? item.fillStyle;
                return { ...item, fillStyle: colour, strokeStyle: colour, lineWidth: 0 };
              }),
          },
        },
        tooltip: { callbacks: { title: (items) => titles[items[0]?.dataIndex ?? 0] ?? "" } },
      },
    },
  });
  return {
    update(next) {
      titles = next.titles;
      series = next.series;
      chart.data.labels = next.ticks;
      chart.data.datasets = timeDatasets(next);
      chart.update();
    },
  };
}

/** Pixels per bar of a ranking: the chart is as tall as its rows. */
export const RANK_ROW = 26;
/** Space above the first bar and below the last. */
export const RANK_PADDING = 4;

/** The share of a ranking's width its names take, the same in every ranking so that their bars line up. */
const NAME_SHARE = 0.4;

/** A name cut to fit the names' column, as the axis draws it; the tooltip and the data table have it whole. */
function fitName(ctx: CanvasRenderingContext2D, name: string, width: number): string {
  ctx.save();
  ctx.font = `12px ${Chart.defaults.font.family}`;
  let fitted = name;
  while (fitted.length > 1 && ctx.measureText(fitted === name ? name : `${fitted}…`).width > width) {
    fitted = fitted.slice(0, -1).trimEnd();
  }
  ctx.restore();
  return fitted === name ? name : `${fitted}…`;
}

/** Draws each bar's count just past its end, so the ranking needs no axis of numbers. */
const countAtBarEnd: Plugin<"bar"> = {
  id: "countAtBarEnd",
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const values = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.fillStyle = cssColour("--ink");
    ctx.font = `12px ${Chart.defaults.font.family}`;
    ctx.textBaseline = "middle";
    chart.getDatasetMeta(0).data.forEach((bar, i) => ctx.fillText(String(values[i] ?? ""), bar.x + 4, bar.y));
    ctx.restore();
  },
};

export interface RankedRow {
  label: string;
  count: number;
}

/**
 * Horizontal bars, most first, as tall as their rows; clicking a row (its bar or its name) calls pick with its index.
 * The numbers axis is left out: each bar carries its count.
 */
export function rankingBars(
  canvas: HTMLCanvasElement,
  rows: RankedRow[],
  /** One colour per row. */
  colours: string[],
  pick: (index: number) => void,
): void {
  const rowAt = (chart: Chart, y: number): number | undefined => {
    if (y < chart.chartArea.top || y > chart.chartArea.bottom) return undefined;
    const index = chart.scales.y?.getValueForPixel(y);
    return index !== undefined && index >= 0 && index < rows.length ? Math.round(index) : undefined;
  };
  const most = Math.max(1, ...rows.map((row) => row.count));
  draw(canvas, {
    type: "bar",
    data: {
      labels: rows.map((row) => row.label),
      datasets: [
        { data: rows.map((row) => row.count), backgroundColor: colours, borderRadius: 2, barPercentage: 0.75 },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: RANK_PADDING, bottom: RANK_PADDING, right: 8 } },
      scales: {
        // Room past the longest bar for its count.
        x: { display: false, beginAtZero: true, max: most * 1.15 },
        y: {
          grid: { display: false },
          border: { display: false },
          afterFit: (scale) => {
            scale.width = Math.round(scale.chart.width * NAME_SHARE);
          },
          ticks: {
            color: cssColour("--ink"),
            callback(_value, index) {
              return fitName(this.ctx, rows[index]?.label ?? "", this.chart.width * NAME_SHARE - 12);
            },
          },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${item.formattedValue} statements` } },
      },
      onClick: (event, _elements, chart) => {
        const index = event.y === null ? undefined : rowAt(chart, event.y);
        if (index !== undefined) pick(index);
      },
      onHover: (event, _elements, chart) => {
        const over = event.y !== null && rowAt(chart, event.y) !== undefined;
        chart.canvas.style.cursor = over ? "pointer" : "default";
      },
    },
    plugins: [countAtBarEnd],
  });
}
