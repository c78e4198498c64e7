// The graph explorer in headless Chromium: find Zelenskyy, see what he said, expand nodes up to the Ciragan Palace,
// read a statement with its evidence and its conversation, follow a timeline, and, once a second source is in, see
// what each source claims — all through the public GraphQL API.
import path from "node:path";
import type { Page } from "playwright-core";
import { projectRoot } from "../../src/config";
import { loadDatasetFile } from "../../src/load/loader";
import { connectTestDatabase } from "../support/database";
import { browserSuite, record, screenshot } from "./browser";

/** A second, invented report of the seed's day, in other spellings: loaded, it merges into the seed's nodes. */
const SECOND_SOURCE = path.join(projectRoot, "examples", "second-source", "2025-06-03-istanbul-follow-up.json");
const SEED_TITLE = "Russian and Ukrainian officials meet in Istanbul for a second round of talks";
const SECOND_TITLE =
  "Russia and Ukraine agree on prisoner exchange at second round of Istanbul talks (invented illustrative report)";

/** The seed's exchange: the Kremlin's condition rejects Zelenskyy's call for a meeting and answers his words. */
const KREMLIN = "statement:kremlin-meeting-only-after-agreements";
const MEETING = "statement:zelenskyy-calls-for-meeting-with-putin";
const LEADERS = "statement:zelenskyy-leaders-resolve-key-issues";
const KREMLIN_WORDS =
  'A Putin-Zelenskyy meeting could only happen after the negotiating delegations reach wider "agreements".';

const db = connectTestDatabase();
const suite = browserSuite(db);

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

/** The claims the panel lists for one field, in order: [value, mark ("shown", "differs", …, or ""), source]. */
async function claimsOf(page: Page, field: string): Promise<string[][]> {
  const items = page.locator(`#details .claim-field[data-field="${field}"] li`);
  await items.first().waitFor();
  const rows: string[][] = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    rows.push([
      (await item.locator(".claim-value").textContent()) ?? "",
      (await item.locator(".claim-mark").allTextContents()).join(""),
      (await item.locator(".meta").textContent()) ?? "",
    ]);
  }
  return rows;
}

/** The panel's conversation thread, statement by statement, as it reads. */
async function threadOf(
  page: Page,
): Promise<{ id: string; said: string; text: string; selected: boolean; links: string[] }[]> {
  const items = page.locator("#details .thread > li");
  await items.first().waitFor();
  const thread = [];
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    thread.push({
      id: (await item.getAttribute("data-id")) ?? "",
      said: (await item.locator(".thread-said").textContent()) ?? "",
      text: (await item.locator(".thread-text, button.statement").textContent()) ?? "",
      selected: (await item.getAttribute("aria-current")) === "true",
      links: await item.locator(".thread-links li").allTextContents(),
    });
  }
  return thread;
}

/**
 * The timeline as it reads, item by item: [date as shown, its precision when not a day, the item]. The date is the
 * item's first <time> (or its "undated"), so the helper reads any timeline that dates its items with <time>.
 */
async function timelineOf(page: Page): Promise<string[][]> {
  return page
    .locator("#timeline .timeline > li")
    .evaluateAll((items) =>
      items.map((item) => [
        (item.querySelector("time") ?? item.querySelector(".when"))?.textContent ?? "",
        item.querySelector(".precision")?.textContent ?? "",
        item.querySelector("button")?.textContent ?? "",
      ]),
    );
}

/** Ukraine's timeline on its first page: a month's items before its days, quotations in quotation marks. */
const UKRAINE_PAGE_1 = [
  ["2022", "to the year", "Russia-Ukraine war"],
  ["May 2025", "to the month", "First round of Russia-Ukraine talks in Istanbul"],
  [
    "June 2025",
    "to the month",
    "Ukraine (reported): Ukraine carried out one of its most successful attacks, hitting bombers parked at airbases " +
      "deep inside Russia.",
  ],
  [
    "June 2025",
    "to the month",
    "Volodymyr Zelenskyy (reported): The sides should discuss a direct meeting between Zelenskyy and Russian " +
      "President Vladimir Putin.",
  ],
  ["June 2025", "to the month", "Volodymyr Zelenskyy: “The key issues can only be resolved by the leaders”"],
  ["1 June 2025", "", "Ukrainian attack on Russian strategic bombers"],
  [
    "1 June 2025",
    "",
    "Volodymyr Zelenskyy (reported): Zelenskyy refreshed his call for an immediate halt to the fighting.",
  ],
  [
    "1 June 2025",
    "",
    "Volodymyr Zelenskyy: “First - a full and unconditional ceasefire. Second - the release of prisoners. " +
      "Third - the return of abducted children”",
  ],
  ["2 June 2025", "", "Second round of Russia-Ukraine talks in Istanbul"],
  ["undated", "", "Donald Trump (reported): Moscow and Kyiv should open direct negotiations."],
];

const timelinePage = (page: Page, text: string) =>
  page.locator("#timeline .timeline-page", { hasText: text }).waitFor();

/** Opens Ukraine's details by its link and its timeline by the tab, the way a reader gets there. */
async function openUkraineTimeline(page: Page): Promise<void> {
  await page.goto(`${suite.origin}/explore#state:ua`);
  await page.locator("#details code.id", { hasText: "state:ua" }).waitFor();
  await page.locator("#tab-timeline").click();
  await page.locator("#timeline h2", { hasText: "Timeline of Ukraine" }).waitFor();
  await page.locator("#timeline .timeline > li").first().waitFor();
}

describe("the graph explorer at /explore", () => {
  it("finds Zelenskyy, shows what he said, and expands the graph to the Ciragan Palace", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    await page.goto(`${suite.origin}/explore`);

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

    expect(seen.requests.filter((url) => !url.startsWith(`${suite.origin}/`))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it("reads a statement with its evidence and source, and an entity's timeline", async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.origin}/explore#person:volodymyr-zelenskyy`);
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

  it("shows the conversation around the Kremlin's condition in date order, and selects a statement of it", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    await page.goto(`${suite.origin}/explore#${KREMLIN}`);
    await page
      .locator("#details .statement-text", { hasText: "A Putin-Zelenskyy meeting could only happen" })
      .waitFor();

    // Zelenskyy's two statements of June 2025, then the Kremlin's undated answer to both, the one selected. Only his
    // direct quotation is in quotation marks; the reported statements are paraphrases, and marked so.
    expect(await threadOf(page)).toEqual([
      {
        id: MEETING,
        said: "Volodymyr Zelenskyy · June 2025 · reported",
        text: "The sides should discuss a direct meeting between Zelenskyy and Russian President Vladimir Putin.",
        selected: false,
        links: ["rejected by The Kremlin: A Putin-Zelenskyy meeting could only happen aft…"],
      },
      {
        id: LEADERS,
        said: "Volodymyr Zelenskyy · June 2025",
        text: "“The key issues can only be resolved by the leaders”",
        selected: false,
        links: ["answered by The Kremlin: A Putin-Zelenskyy meeting could only happen aft…"],
      },
      {
        id: KREMLIN,
        said: "The Kremlin · undated · reported",
        text: KREMLIN_WORDS,
        selected: true,
        links: [
          "rejects Volodymyr Zelenskyy: The sides should discuss a direct meeting betwe…",
          "answers Volodymyr Zelenskyy: “The key issues can only be resolved by the lead…”",
        ],
      },
    ]);
    await page.locator("#details h3", { hasText: "Conversation (3)" }).waitFor();
    // The graph draws the thread too, each response named by its relation.
    expect(await page.evaluate(`document.getElementById("graph")._cyreg.cy.edges().map((e) => e.id()).sort()`)).toEqual(
      expect.arrayContaining([`${KREMLIN}|ANSWERS|${LEADERS}`, `${KREMLIN}|REJECTS|${MEETING}`]),
    );
    // The thread came with the statement, in the selection's one request.
    expect(seen.requests.filter((url) => url === `${suite.origin}/graphql`)).toHaveLength(1);
    await page.evaluate(`{
      document.querySelector("#details .thread").previousElementSibling.previousElementSibling.scrollIntoView();
      document.getElementById("details").scrollTop -= 16;
    }`);
    await screenshot(page, "explorer-conversation", { docs: true });

    await page.locator(`#details .thread li[data-id="${LEADERS}"] button.statement`).click();
    await page
      .locator("#details .statement-text", { hasText: "The key issues can only be resolved by the leaders" })
      .waitFor();
    await page.locator(`#details .thread li[data-id="${LEADERS}"][aria-current="true"]`).waitFor();
    expect((await threadOf(page)).map((item) => [item.id, item.selected])).toEqual([
      [MEETING, false],
      [LEADERS, true],
      [KREMLIN, false],
    ]);
    expect(seen.requests.filter((url) => url === `${suite.origin}/graphql`)).toHaveLength(2);

    // A speaker has no thread.
    await page.locator("#details .facts button", { hasText: "Volodymyr Zelenskyy" }).click();
    await page.locator("#details h2", { hasText: "Volodymyr Zelenskyy" }).waitFor();
    expect(await page.locator("#details .thread").count()).toBe(0);
    expect(seen.errors).toEqual([]);
  });

  it("shows a reported statement in the timeline as the source's paraphrase, not in quotation marks", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    await openUkraineTimeline(page);
    const item = (words: string) => page.locator("#timeline .timeline > li button", { hasText: words }).textContent();
    // Ukraine's attack is reported by the source in its own words; Zelenskyy's words on the leaders are his own.
    expect(await item("Ukraine carried out one of its most successful attacks")).toBe(
      "Ukraine (reported): Ukraine carried out one of its most successful attacks, hitting bombers parked at " +
        "airbases deep inside Russia.",
    );
    expect(await item("The key issues can only be resolved")).toBe(
      "Volodymyr Zelenskyy: “The key issues can only be resolved by the leaders”",
    );
    expect(seen.errors).toEqual([]);
  });

  it("dates timeline items to their precision and puts a month's items before its days", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    await openUkraineTimeline(page);
    // The first page's dates in order: the year, the month of May, June's month items, then June's days.
    expect((await timelineOf(page)).map((row) => row[0])).toEqual(UKRAINE_PAGE_1.map((row) => row[0]));
    expect(await timelineOf(page)).toEqual(UKRAINE_PAGE_1);
    // Machine-readable dates say no more than is known.
    expect(
      await page
        .locator("#timeline .timeline time")
        .evaluateAll((times) => times.map((t) => t.getAttribute("datetime"))),
    ).toEqual([
      "2022",
      "2025-05",
      "2025-06",
      "2025-06",
      "2025-06",
      "2025-06-01",
      "2025-06-01",
      "2025-06-01",
      "2025-06-02",
    ]);
    await page.locator("#timeline .timeline-summary", { hasText: "11 items, by date" }).waitFor();
    expect(seen.errors).toEqual([]);
  });

  it("keeps each view in the address: back and forward step through views, a copied link opens the same", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    // Choosing the timeline tab is a view of its own, with its own address.
    await openUkraineTimeline(page);
    expect(page.url()).toBe(`${suite.origin}/explore#state:ua&tab=timeline`);
    await expect(page.locator("#tab-timeline").getAttribute("aria-selected")).resolves.toBe("true");
    await timelinePage(page, "Page 1 of 2");

    // The next page is an address of its own: back and forward step between the pages.
    await page.getByRole("button", { name: "Later →" }).click();
    await timelinePage(page, "Page 2 of 2");
    expect(await timelineOf(page)).toEqual([
      ["undated", "", "Ukraine (reported): Russia should send its demands in advance of the talks."],
    ]);
    expect(page.url()).toMatch(/\/explore#state:ua&tab=timeline&page=2&after=[^&]+$/);
    const secondPage = page.url();
    await page.goBack();
    await timelinePage(page, "Page 1 of 2");
    expect(page.url()).toBe(`${suite.origin}/explore#state:ua&tab=timeline`);
    await page.goForward();
    await timelinePage(page, "Page 2 of 2");

    // The filter by date is in the address too; a statement picked from the timeline opens its details.
    await page.getByLabel("From").fill("2025-06-01");
    await page.getByLabel("To").fill("2025-06-30");
    await page.getByRole("button", { name: "Filter" }).click();
    await page
      .locator("#timeline .timeline-summary", { hasText: "7 items from 1 June 2025 until 30 June 2025" })
      .waitFor();
    expect(page.url()).toBe(`${suite.origin}/explore#state:ua&tab=timeline&from=2025-06-01&to=2025-06-30`);
    expect((await timelineOf(page)).map((row) => row[0])).toEqual([
      "June 2025",
      "June 2025",
      "June 2025",
      "1 June 2025",
      "1 June 2025",
      "1 June 2025",
      "2 June 2025",
    ]);
    await page.locator("#timeline button", { hasText: "Ukraine carried out one of its most successful" }).click();
    await page
      .locator("#details .statement-text", { hasText: "Ukraine carried out one of its most successful" })
      .waitFor();
    expect(page.url()).toBe(
      `${suite.origin}/explore#statement:kyiv-successful-attack-on-bombers&from=2025-06-01&to=2025-06-30`,
    );
    await page.goBack();
    await page.locator("#timeline .timeline-summary", { hasText: "7 items from 1 June 2025" }).waitFor();
    await page.goBack();
    await timelinePage(page, "Page 2 of 2");
    expect(page.url()).toBe(secondPage);

    // A copied link opens the same view in another tab, and a link to the timeline's first page opens it.
    const shared = await suite.context.newPage();
    await shared.goto(secondPage);
    await shared.locator("#timeline h2", { hasText: "Timeline of Ukraine" }).waitFor();
    await timelinePage(shared, "Page 2 of 2");
    expect(await timelineOf(shared)).toEqual(await timelineOf(page));
    const linked = await suite.context.newPage();
    await linked.goto(`${suite.origin}/explore#state:ua&tab=timeline`);
    await timelinePage(linked, "Page 1 of 2");
    await expect(linked.locator("#tab-timeline").getAttribute("aria-selected")).resolves.toBe("true");
    expect(await timelineOf(linked)).toEqual(UKRAINE_PAGE_1);
    expect(seen.errors).toEqual([]);
  });

  it("suggests venues and statements as you type", async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.origin}/explore`);
    await page.locator("#search").fill("ciragan");
    await page.locator('#suggestions li[data-id="venue:ciragan-palace"]').waitFor();
    // An event known to the month is suggested with its month, not the first day of it.
    await page.locator("#search").fill("first round");
    await page
      .locator('#suggestions li[data-id="event:istanbul-talks-round-1"] .detail', { hasText: /^May 2025$/ })
      .waitFor();
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

describe("the explorer once a second source reports the same day", () => {
  // After the tests above, which read the seed alone: the second report merges into the seed's nodes.
  beforeAll(async () => {
    await loadDatasetFile(db, SECOND_SOURCE);
  });

  it("lists each source's date for the first round of talks and marks the one the event shows", async () => {
    const page = await suite.context.newPage();
    const seen = record(page);
    await page.goto(`${suite.origin}/explore#event:istanbul-talks-round-1`);
    await page.locator("#details h2", { hasText: "First round of direct talks in Istanbul" }).waitFor();
    await details(page, "16 May 2025");

    // The seed dates it to the month, the second report to the day: the most precise consistent date is shown.
    expect(await claimsOf(page, "date")).toEqual([
      ["16 May 2025 (to the day)", "shown", SECOND_TITLE],
      ["May 2025 (to the month)", "less precise", SEED_TITLE],
    ]);
    await expect(
      page.locator('#details .claim-field[data-field="date"] .claim-shown time').getAttribute("datetime"),
    ).resolves.toBe("2025-05-16");
    // Their names differ, each used by one source: the newer source's is shown.
    expect(await claimsOf(page, "name")).toEqual([
      ["First round of direct talks in Istanbul", "shown", SECOND_TITLE],
      ["First round of Russia-Ukraine talks in Istanbul", "differs", SEED_TITLE],
    ]);
    await page.locator("#details .claims-summary", { hasText: "From 2 sources; they differ on: name" }).waitFor();
    // The panel scrolled to its Claims heading, for the picture.
    await page.evaluate(`{
      document.querySelector("#details .claims-summary").previousElementSibling.scrollIntoView();
      document.getElementById("details").scrollTop -= 16;
    }`);
    await screenshot(page, "explorer-claims", { docs: true });

    expect(seen.requests.filter((url) => !url.startsWith(`${suite.origin}/`))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it("says how many sources report a statement, and what each says", async () => {
    const page = await suite.context.newPage();
    await page.goto(`${suite.origin}/explore#statement:zelenskyy-leaders-resolve-key-issues`);
    await page
      .locator("#details .statement-text", { hasText: "The key issues can only be resolved by the leaders" })
      .waitFor();
    await page.locator("#details .facts dd", { hasText: /^2 sources$/ }).waitFor();
    await page.locator("#details .evidence", { hasText: SECOND_TITLE }).waitFor();
    // The two reports quote the same words, one capitalized: the newer source's are shown.
    expect(await claimsOf(page, "text")).toEqual([
      ["“the key issues can only be resolved by the leaders”", "shown", SECOND_TITLE],
      ["“The key issues can only be resolved by the leaders”", "differs", SEED_TITLE],
    ]);
  });
});
