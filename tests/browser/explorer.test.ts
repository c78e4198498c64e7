// The graph explorer in headless Chromium: find Zelenskyy, see what he said, expand nodes up to the Ciragan Palace,
// read a statement with its evidence, follow a timeline — all through the public GraphQL API.
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase } from "../support/database";
import { launchChromium, record, screenshot, startSeededServer } from "./browser";

const db = connectTestDatabase();
let server: HttpServer;
let origin: string;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startSeededServer(db);
  origin = new URL(server.url).origin;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});
afterEach(async () => {
  await context.close();
});

/** Nodes drawn, as the status line says ("16 nodes · 20 relationships"). */
async function nodeCount(page: Page): Promise<number> {
  const status = (await page.locator("#graph-status").textContent()) ?? "";
  const match = /^(\d+) nodes? · /.exec(status);
  if (!match) throw new Error(`no node count in the status line: ${status}`);
  return Number(match[1]);
}

/** Clicks a node on the canvas where cytoscape drew it. */
async function clickNode(page: Page, id: string): Promise<void> {
  // cytoscape keeps its instance on its container; the drawing itself is a canvas without elements to click.
  const position = (await page.evaluate(
    `document.getElementById("graph")._cyreg.cy.getElementById(${JSON.stringify(id)}).renderedPosition()`,
  )) as { x: number; y: number };
  const box = await page.locator("#graph").boundingBox();
  await page.mouse.click(box!.x + position.x, box!.y + position.y);
}

const details = (page: Page, text: string) => page.locator("#details", { hasText: text }).waitFor();

describe("the graph explorer at /explore", () => {
  it("finds Zelenskyy, shows what he said, and expands the graph to the Ciragan Palace", async () => {
    const page = await context.newPage();
    const seen = record(page);
    await page.goto(`${origin}/explore`);

    await page.locator("#search").fill("Zelenskyy");
    await page
      .locator('#suggestions li[data-id="person:volodymyr-zelenskyy"]', { hasText: "Volodymyr Zelenskyy" })
      .click();
    await page.locator("#details h2", { hasText: "Volodymyr Zelenskyy" }).waitFor();
    await details(page, "President of Ukraine");
    await details(page, "Said (4)");
    await details(page, "“The key issues can only be resolved by the leaders”");
    const withHim = await nodeCount(page);
    expect(withHim).toBeGreaterThan(10);

    // His statements mention the second round of talks: clicking that node expands it, up to where it was held.
    await clickNode(page, "event:istanbul-talks-round-2");
    await page.locator("#details h2", { hasText: "Second round of Russia-Ukraine talks in Istanbul" }).waitFor();
    await details(page, "Ciragan Palace");
    expect(await nodeCount(page)).toBeGreaterThan(withHim);
    await screenshot(page, "explorer", { docs: true });

    await page.locator("#details button", { hasText: "Ciragan Palace" }).click();
    await page.locator("#details h2", { hasText: "Ciragan Palace" }).waitFor();
    await details(page, "Istanbul");

    expect(seen.requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it("reads a statement with its evidence and source, and an entity's timeline", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/explore#person:volodymyr-zelenskyy`);
    await page.locator("#details h2", { hasText: "Volodymyr Zelenskyy" }).waitFor();

    await page
      .locator("#details button.statement", { hasText: "The key issues can only be resolved by the leaders" })
      .click();
    await page
      .locator("#details .statement-text", { hasText: "The key issues can only be resolved by the leaders" })
      .waitFor();
    await page
      .locator("#details .evidence", {
        hasText: '"The key issues can only be resolved by the leaders," Zelenskyy said.',
      })
      .waitFor();
    await details(page, "Russian and Ukrainian officials meet in Istanbul for a second round of talks");
    await details(page, "June 2025");
    await screenshot(page, "explorer-statement");

    await page.locator("#details button", { hasText: "Volodymyr Zelenskyy" }).first().click();
    await page.locator("#details h2", { hasText: "Volodymyr Zelenskyy" }).waitFor();
    await page.locator("#tab-timeline").click();
    await page.locator("#timeline h2", { hasText: "Timeline of Volodymyr Zelenskyy" }).waitFor();
    await page
      .locator("#timeline li", { hasText: "Zelenskyy refreshed his call for an immediate halt to the fighting." })
      .first()
      .waitFor();
    await page.locator("#timeline li", { hasText: "1 June 2025" }).first().waitFor();
  });

  it("suggests venues and statements as you type", async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/explore`);
    await page.locator("#search").fill("ciragan");
    await page.locator('#suggestions li[data-id="venue:ciragan-palace"]').waitFor();
    await page.locator("#search").fill("ceasefire");
    await page
      .locator('#suggestions li[data-id="statement:zelenskyy-ceasefire-prisoners-children"] mark', {
        hasText: "ceasefire",
      })
      .waitFor();
    await page.keyboard.press("Enter");
    await page.locator("#details .statement-text", { hasText: "First - a full and unconditional ceasefire" }).waitFor();
    expect(await nodeCount(page)).toBeGreaterThan(1);
  });
});
