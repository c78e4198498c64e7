// The explorer's charts in headless Chromium: for Zelenskyy and Ukraine the panel draws their statements over time,
// what they mention or who speaks for them, and who mentions them, with text alternatives that give the API's own
// counts; clicking a bar selects its node in the graph; on a phone the charts fit the screen.
import type { Page } from "playwright-core";
import { connectTestDatabase } from "../support/database";
import { browserSuite, record, screenshot } from "./browser";

const ZELENSKYY = "person:volodymyr-zelenskyy";
const UKRAINE = "state:ua";

const db = connectTestDatabase();
const suite = browserSuite(db);

/** Asks the server under test, as any client would. */
async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${suite.origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

interface Counted {
  node: { id: string; name: string };
  count: number;
}
interface Periods {
  totalCount: number;
  facets: { undated: number; day: { period: string; count: number }[]; month: { period: string; count: number }[] };
}

const PERIODS = `totalCount facets {
  undated day: byPeriod(unit: DAY) { period count } month: byPeriod(unit: MONTH) { period count } }`;
/** A MentionCount (any node) or a SpeakerCount. */
const COUNTED = `count node { id ... on Speaker { name } ... on Venue { name } ... on Event { name } }`;
const SPEAKERS = `count node { id name }`;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"];

/** A period as the charts' text alternative says it: 2025-06-01 "1 June 2025", 2025-06 "June 2025". */
function spoken(period: string): string {
  const [year, month, day] = period.split("-");
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  return [day && String(Number(day)), monthName, year].filter(Boolean).join(" ");
}

/** A chart of the panel: figure[data-chart=key]. */
const chart = (page: Page, key: string) => page.locator(`#details figure[data-chart="${key}"]`);

/** The chart's canvas summary. */
async function summary(page: Page, key: string): Promise<string> {
  return (await chart(page, key).locator("canvas").getAttribute("aria-label")) ?? "";
}

/** The rows of a chart's data table: [row heading, …cells]. */
async function tableRows(page: Page, key: string): Promise<string[][]> {
  return chart(page, key)
    .locator(".chart-data tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")));
}

/** How many pixels Chart.js painted on a chart's canvas, and the canvas's size. */
async function painted(page: Page, key: string): Promise<{ width: number; height: number; pixels: number }> {
  return chart(page, key)
    .locator("canvas")
    .evaluate((element) => {
      // Runs in the page: a canvas there (the test project's types have no DOM).
      const canvas = element as unknown as {
        width: number;
        height: number;
        getContext(kind: "2d"): { getImageData(x: number, y: number, w: number, h: number): { data: number[] } } | null;
      };
      const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      let pixels = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) pixels++;
      return { width: canvas.width, height: canvas.height, pixels };
    });
}

async function expectDrawn(page: Page, key: string): Promise<void> {
  const { width, height, pixels } = await painted(page, key);
  expect(width).toBeGreaterThan(100);
  expect(height).toBeGreaterThan(20);
  expect(pixels).toBeGreaterThan(500);
}

/**
 * Clicks the row of a ranking chart: its rows share the chart's height evenly, but for 4 pixels above the first and
 * below the last (charts.ts RANK_PADDING).
 */
async function clickRow(page: Page, key: string, index: number, rows: number): Promise<void> {
  const box = (await chart(page, key).locator("canvas").boundingBox())!;
  const row = (box.height - 8) / rows;
  await page.mouse.click(box.x + box.width * 0.6, box.y + 4 + (index + 0.5) * row);
}

/** The nodes the graph shows as selected. */
function selectedInGraph(page: Page): Promise<string[]> {
  return page.evaluate(
    `document.getElementById("graph")._cyreg.cy.nodes(":selected").map((node) => node.id())`,
  ) as Promise<string[]>;
}

async function open(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`${suite.origin}/explore#${id}`);
  await page.locator("#details h2", { hasText: name }).waitFor();
  await chart(page, "over-time").waitFor();
}

describe("the explorer's charts", () => {
  it("draws what Zelenskyy said over time, what he mentions and who mentions him, with the API's counts", async () => {
    const { node } = await api<{
      node: { statements: Periods; mentionedIn: Periods; mentionsMost: Counted[]; mentionedMostBy: Counted[] };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Person {
        statements { ${PERIODS} } mentionedIn { ${PERIODS} }
        mentionsMost(first: 10) { ${COUNTED} } mentionedMostBy(first: 10) { ${SPEAKERS} } } } }`,
      { id: ZELENSKYY },
    );
    // The seed dates two of his statements to 1 June 2025 and two only to June 2025; those mentioning him are undated.
    expect(node.statements.facets.day).toEqual([
      { period: "2025-06", count: 2 },
      { period: "2025-06-01", count: 2 },
    ]);
    expect(node.mentionedIn.facets.undated).toBe(3);

    const page = await suite.context.newPage();
    const seen = record(page);
    await open(page, ZELENSKYY, "Volodymyr Zelenskyy");
    // The panel's charts came with the panel's one request.
    expect(seen.requests.filter((url) => url.endsWith("/graphql"))).toHaveLength(1);

    // Over time: a span of one month, so by day; a date known only to the month is its own (faded) bar.
    await expectDrawn(page, "over-time");
    await expect(chart(page, "over-time").locator("figcaption").textContent()).resolves.toBe("Statements over time");
    await expect(chart(page, "over-time").locator('button[aria-pressed="true"]').textContent()).resolves.toBe("day");
    const byDay = await summary(page, "over-time");
    expect(byDay).toContain("Statements by day.");
    for (const { period, count } of node.statements.facets.day) {
      const label = period.length === 7 ? `${spoken(period)} (only the month known)` : spoken(period);
      expect(byDay).toContain(`${label}: ${count}`);
    }
    expect(byDay).toContain(`Mentioned in — none dated; undated: ${node.mentionedIn.facets.undated}`);
    await chart(page, "over-time").locator(".chart-note", { hasText: "Faded bars" }).waitFor();
    await chart(page, "over-time")
      .locator(".chart-undated", { hasText: `Undated, not drawn: Mentioned in ${node.mentionedIn.facets.undated}.` })
      .waitFor();
    // The table adds up to what the API counts.
    const rows = await tableRows(page, "over-time");
    expect(rows.reduce((sum, [, said]) => sum + Number(said), 0)).toBe(node.statements.totalCount);
    expect(rows.reduce((sum, [, , mentioned]) => sum + Number(mentioned), 0)).toBe(node.mentionedIn.totalCount);

    // By month, rolled up in the browser, as the API counts by month.
    await chart(page, "over-time").locator('button[data-unit="MONTH"]').click();
    const byMonth = await summary(page, "over-time");
    expect(byMonth).toContain("Statements by month.");
    for (const { period, count } of node.statements.facets.month)
      expect(byMonth).toContain(`${spoken(period)}: ${count}`);
    expect(await chart(page, "over-time").locator(".chart-note", { hasText: "Faded bars" }).isHidden()).toBe(true);
    await expectDrawn(page, "over-time");

    // What he mentions most, and who mentions him most: the API's nodes and counts, in its order.
    for (const [key, counts] of [
      ["mentions-most", node.mentionsMost],
      ["mentioned-most-by", node.mentionedMostBy],
    ] as const) {
      await expectDrawn(page, key);
      expect(counts.length).toBeGreaterThan(1);
      expect(await summary(page, key)).toContain(counts.map((c) => `${c.node.name}: ${c.count}`).join("; "));
      expect(await tableRows(page, key)).toEqual(counts.map((c) => [c.node.name, String(c.count)]));
    }
    await chart(page, "mentions-most").locator("figcaption", { hasText: "Mentions most" }).waitFor();
    await chart(page, "mentioned-most-by").locator("figcaption", { hasText: "Mentioned most by" }).waitFor();

    // The charts in the browser guide (docs/browser.md), by day again.
    await chart(page, "over-time").locator('button[data-unit="DAY"]').click();
    await screenshot(page, "explorer-charts", { docs: true });

    // Clicking Vladimir Putin's bar selects him: the panel shows him and the graph marks him.
    const putin = node.mentionsMost.findIndex((c) => c.node.id === "person:vladimir-putin");
    expect(putin).toBeGreaterThanOrEqual(0);
    await clickRow(page, "mentions-most", putin, node.mentionsMost.length);
    await page.locator("#details h2", { hasText: "Vladimir Putin" }).waitFor();
    expect(await selectedInGraph(page)).toEqual(["person:vladimir-putin"]);
    expect(page.url()).toMatch(/#person:vladimir-putin$/);

    expect(seen.requests.filter((url) => !url.startsWith(`${suite.origin}/`))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it("draws Ukraine's side over time and who speaks for it, and a keyboard reaches the bars' nodes", async () => {
    const { node } = await api<{
      node: {
        allStatements: Periods & { facets: { bySpeaker: Counted[] } };
        mentionedIn: Periods;
        mentionedMostBy: Counted[];
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on State {
        allStatements { ${PERIODS} facets { bySpeaker(first: 10) { ${SPEAKERS} } } } mentionedIn { ${PERIODS} }
        mentionedMostBy(first: 10) { ${SPEAKERS} } } } }`,
      { id: UKRAINE },
    );
    expect(node.allStatements.totalCount).toBe(6);

    const page = await suite.context.newPage();
    const seen = record(page);
    await open(page, UKRAINE, "Ukraine");

    await expectDrawn(page, "over-time");
    const overTime = await summary(page, "over-time");
    const dated = node.allStatements.facets.day.map(({ period, count }) => {
      const label = period.length === 7 ? `${spoken(period)} (only the month known)` : spoken(period);
      return `${label}: ${count}`;
    });
    expect(overTime).toContain(`Said — ${dated.join(", ")}; undated: ${node.allStatements.facets.undated}.`);
    await chart(page, "over-time")
      .locator(".chart-note", { hasText: "Said: by Ukraine, its organizations and its office holders." })
      .waitFor();
    await chart(page, "over-time")
      .locator(".chart-undated", {
        hasText:
          `Undated, not drawn: Said ${node.allStatements.facets.undated} · ` +
          `Mentioned in ${node.mentionedIn.facets.undated}.`,
      })
      .waitFor();
    const rows = await tableRows(page, "over-time");
    expect(rows.reduce((sum, [, said]) => sum + Number(said), 0)).toBe(node.allStatements.totalCount);

    const speakers = node.allStatements.facets.bySpeaker;
    await expectDrawn(page, "speakers");
    await chart(page, "speakers").locator("figcaption", { hasText: "Who speaks for it" }).waitFor();
    expect(await summary(page, "speakers")).toContain(speakers.map((c) => `${c.node.name}: ${c.count}`).join("; "));
    expect(await tableRows(page, "speakers")).toEqual(speakers.map((c) => [c.node.name, String(c.count)]));
    expect(await summary(page, "mentioned-most-by")).toContain(
      node.mentionedMostBy.map((c) => `${c.node.name}: ${c.count}`).join("; "),
    );
    await screenshot(page, "explorer-charts-state");

    // The data table is hidden until a keyboard gets into it; its buttons select the node as the bars do.
    const table = chart(page, "speakers").locator(".chart-data");
    expect((await table.boundingBox())!.width).toBeLessThanOrEqual(1);
    const first = table.locator("button").first();
    await first.focus();
    expect((await table.boundingBox())!.width).toBeGreaterThan(50);
    await page.keyboard.press("Enter");
    await page.locator("#details h2", { hasText: speakers[0]!.node.name }).waitFor();
    expect(await selectedInGraph(page)).toEqual([speakers[0]!.node.id]);

    expect(seen.errors).toEqual([]);
  });

  it("fits the charts on a phone", async () => {
    const page = await suite.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, ZELENSKYY, "Volodymyr Zelenskyy");
    for (const key of ["over-time", "mentions-most", "mentioned-most-by"]) {
      await expectDrawn(page, key);
      const box = (await chart(page, key).locator("canvas").boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // Nothing makes the page scroll sideways.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.evaluate(`document.querySelector("#details h2").scrollIntoView()`);
    await screenshot(page, "explorer-charts-phone", { docs: true });
  });
});
