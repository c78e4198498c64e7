// The pages from a phone to a wide screen (390, 1,400 and 2,560 px wide), one load of each page per width: the IDE's
// tabs all within reach (wrapped, or scrolling on a phone) and its result pane in view, the explorer's timeline and
// the article form with nothing pushed off the side, the article's date field saying the day it holds in words.
// Pictures of each page at each width: test-artifacts/, and docs/ with DOCS_SCREENSHOTS=1.
import type { Page } from "playwright-core";
import { connectTestDatabase } from "../support/database";
import { browserSuite, record, screenshot } from "./browser";

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1400, height: 900 },
  { width: 2560, height: 1440 },
];
const PHONE = 720;

const db = connectTestDatabase();
const suite = browserSuite(db);

type Box = { left: number; right: number; top: number; bottom: number; width: number };

function box(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const { left, right, top, bottom, width } = element.getBoundingClientRect();
      return { left, right, top, bottom, width };
    }),
  );
}

/** Nothing wider than the screen: the page never scrolls sideways. */
async function fitsTheWidth(page: Page): Promise<void> {
  const [scrollWidth, innerWidth] = (await page.evaluate(
    "[document.documentElement.scrollWidth, window.innerWidth]",
  )) as number[];
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth!);
}

describe.each(VIEWPORTS)("the pages at $width px", (viewport) => {
  const name = (page: string) => `${page}-${viewport.width}`;
  const phone = viewport.width <= PHONE;

  it("the IDE: every tab within reach, the result pane in view", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    await page.setViewportSize(viewport);
    await page.goto(suite.server.url);
    await page.locator(".graphiql-tab-active", { hasText: "WhatZelenskyySaid" }).waitFor();
    const [strip] = await box(page, ".graphiql-tabs");
    const tabs = await box(page, ".graphiql-tab, .graphiql-tab-add");
    expect(tabs.length).toBeGreaterThan(8);
    if (phone) {
      // One row that scrolls sideways; the last tab is reached by scrolling the strip.
      const overflow = await page.evaluate('getComputedStyle(document.querySelector(".graphiql-tabs")).overflowX');
      expect(overflow).toBe("auto");
    } else {
      // Every tab (and the button that adds one) inside the strip and the screen: none cut off.
      for (const tab of tabs) {
        expect(tab.left).toBeGreaterThanOrEqual(strip!.left - 1);
        expect(tab.right).toBeLessThanOrEqual(Math.min(strip!.right, viewport.width) + 1);
      }
    }

    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window", { hasText: '"name": "Volodymyr Zelenskyy"' });
    await result.waitFor();
    // The result pane as wide as the editors (a phone: the screen's width, below them), and scrolled to, in view.
    const [editors] = await box(page, ".graphiql-editors");
    const [response] = await box(page, ".graphiql-response");
    expect(response!.width).toBeGreaterThanOrEqual(editors!.width - 1);
    expect(response!.width).toBeGreaterThan(phone ? viewport.width - 100 : viewport.width / 3);
    await result.scrollIntoViewIfNeeded();
    const [shown] = await box(page, ".result-window");
    expect(shown!.top).toBeLessThan(viewport.height);
    expect(shown!.right).toBeLessThanOrEqual(viewport.width + 1);
    await fitsTheWidth(page);
    // A phone's picture shows the whole page: the editors, and the result below them.
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot(page, name("ide"), { docs: true, fullPage: phone });

    await page.locator(".graphiql-tab-button", { hasText: "Extract" }).click();
    await page.locator(".graphiql-tab-active", { hasText: "Extract" }).waitFor();
    expect(seen.errors).toEqual([]);
  });

  it("the explorer: a timeline with nothing off the side", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    await page.setViewportSize(viewport);
    await page.goto(`${suite.origin}/explore#state:ua&tab=timeline`);
    await page.locator("#timeline .timeline-page", { hasText: "Page 1 of 2" }).waitFor();
    await page.locator("#timeline li", { hasText: "June 2025to the month" }).first().waitFor();
    await fitsTheWidth(page);
    const [later] = await box(page, ".timeline-later");
    expect(later!.right).toBeLessThanOrEqual(viewport.width);
    if (phone) await page.evaluate(`document.querySelector("#timeline h2").scrollIntoView()`);
    await screenshot(page, name("explorer-timeline"), { docs: true });
    expect(seen.errors).toEqual([]);
  });

  it("the article page: the date field's hint says the day it holds", async () => {
    const page = await suite.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${suite.origin}/explore/add-article`);
    const field = page.getByLabel("Publication date");
    const hint = page.locator("#published-on-format");
    // A native date field shows the browser's own format (here mm/dd/yyyy), so the hint names no other.
    await expect(field.getAttribute("type")).resolves.toBe("date");
    expect(await hint.textContent()).not.toMatch(/YYYY|MM|DD/);
    await hint.filter({ hasText: "no day picked yet" }).waitFor();
    await field.fill("2025-06-10");
    await hint.filter({ hasText: "Required, in your browser's date format: Tuesday 10 June 2025" }).waitFor();
    await fitsTheWidth(page);
    await screenshot(page, name("add-article"), { docs: true });
  });
});
