// The graph explorer shows new statements about the entity on screen as they are recorded (issue 32, item 5): a
// statementAdded subscription over WebSocket, filtered by the entity, fed by a statement another client records; and
// a node's history (the change log's entries for it) in a tab of its own, Changes: live while it is open (a
// nodeChanged subscription) and paged back through the history's cursor.
import type { Page } from "playwright-core";
import { connectTestDatabase } from "../support/database";
import { recordStatement, subscriberFollowing } from "../support/live";
import { post, TEST_TOKEN } from "../support/server";
import { browserSuite, record, screenshot } from "./browser";

const db = connectTestDatabase();
const suite = browserSuite(db, { server: { apiToken: TEST_TOKEN } });

const recordStatementBy = (speaker: string, text: string) => recordStatement(suite.server.url, speaker, text);

async function openEntity(id: string): Promise<{ page: Page; seen: ReturnType<typeof record> }> {
  const page = await suite.context.newPage();
  const seen = record(page);
  await page.goto(`${suite.origin}/explore#${id}`);
  return { page, seen };
}

/** A mutation over HTTP with the token, as a curator's client sends it. */
async function curate(query: string, variables: Record<string, unknown>) {
  const { json } = await post(suite.server.url, { query, variables }, { authorization: `Bearer ${TEST_TOKEN}` });
  expect(json.errors).toBeUndefined();
  return json.data;
}

const UPDATE_PERSON = "mutation ($id: ID!, $input: PersonUpdateInput!) { updatePerson(id: $id, input: $input) { id } }";

/** Records a REPORTED statement by Zelenskyy at this venue or during this event. */
function recordAt(where: { venue?: string; event?: string }, text: string) {
  return curate("mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { id } }", {
    input: {
      speaker: "person:volodymyr-zelenskyy",
      kind: "REPORTED",
      text,
      saidOn: "2025-06-02",
      ...where,
      evidence: [{ source: "source:2025-06-02-istanbul-talks", start: 200, end: 321 }],
    },
  });
}

describe("live statements in the graph explorer", () => {
  it("adds a statement Zelenskyy makes while his details are on screen, and opens it on a click", async () => {
    const { page, seen } = await openEntity("person:volodymyr-zelenskyy");
    await page.locator("#details h2", { hasText: "Volodymyr Zelenskyy" }).waitFor();
    await page.locator("#details .live", { hasText: "Listening" }).waitFor();
    await subscriberFollowing(suite.server);

    const text = "Zelenskyy said a ceasefire had to come before any meeting.";
    const id = await recordStatementBy("person:volodymyr-zelenskyy", text);
    const arrived = page.locator("#details .live-statements li", { hasText: text });
    await arrived.waitFor();
    await expect(arrived.textContent()).resolves.toContain("Volodymyr Zelenskyy, 2025-06-01");
    await screenshot(page, "explorer-live-statement");

    await arrived.getByRole("button").click();
    // The statement itself in the panel: its text as the panel's quote, its id under the heading.
    await page.locator("#details blockquote.statement-text", { hasText: text }).waitFor();
    await page.locator("#details header code.id", { hasText: id }).waitFor();
    expect(decodeURIComponent(page.url())).toContain(`#${id}`);
    expect(seen.errors).toEqual([]);
  });

  it("shows only statements about the entity: Putin's panel does not get Zelenskyy's", async () => {
    const { page } = await openEntity("person:vladimir-putin");
    await page.locator("#details .live", { hasText: "Listening" }).waitFor();
    await subscriberFollowing(suite.server);
    await recordStatementBy("person:volodymyr-zelenskyy", "Zelenskyy said the exchange of prisoners would go on.");
    await recordStatementBy("person:vladimir-putin", "Putin said the memorandum would be handed over in Istanbul.");
    // Statements arrive in the order they were recorded: once Putin's is there, Zelenskyy's would have come first.
    const items = page.locator("#details .live-statements li");
    await items.filter({ hasText: "Putin said the memorandum" }).waitFor();
    expect(await items.allTextContents()).toEqual([expect.stringContaining("Putin said the memorandum")]);
  });

  it("a venue's panel and an event's panel get the statements said there and then", async () => {
    const venue = await openEntity("venue:ciragan-palace");
    const event = await openEntity("event:istanbul-talks-round-2");
    for (const { page } of [venue, event]) await page.locator("#details .live", { hasText: "Listening" }).waitFor();
    await subscriberFollowing(suite.server);
    await recordAt({ event: "event:istanbul-talks-round-2" }, "Zelenskyy said the second round achieved little.");
    await recordAt({ venue: "venue:ciragan-palace" }, "Zelenskyy said the palace talks were short.");
    const atVenue = venue.page.locator("#details .live-statements li");
    const atEvent = event.page.locator("#details .live-statements li");
    await atVenue.filter({ hasText: "the palace talks were short" }).waitFor();
    await atEvent.filter({ hasText: "the second round achieved little" }).waitFor();
    // Each in order of recording: the event's statement came first, and is not the venue's (nor the other way).
    expect(await atVenue.allTextContents()).toEqual([expect.stringContaining("the palace talks were short")]);
    await venue.page.waitForTimeout(300);
    expect(await atEvent.allTextContents()).toEqual([expect.stringContaining("the second round achieved little")]);
    expect([...venue.seen.errors, ...event.seen.errors]).toEqual([]);
  });
});

describe("a node's history in the graph explorer", () => {
  it("lists a curator's change to Zelenskyy's description, before and after, and his creation", async () => {
    const description = "President of Ukraine since 2019 (changed by a curator in this test).";
    const { json } = await post(
      suite.server.url,
      {
        query: "mutation ($id: ID!, $input: PersonUpdateInput!) { updatePerson(id: $id, input: $input) { id } }",
        variables: { id: "person:volodymyr-zelenskyy", input: { description } },
      },
      { authorization: `Bearer ${TEST_TOKEN}` },
    );
    expect(json.errors).toBeUndefined();

    const { page, seen } = await openEntity("person:volodymyr-zelenskyy");
    await page.locator("#details h2", { hasText: "Volodymyr Zelenskyy" }).waitFor();
    await page.locator("#tab-history").click();
    await page.locator("#history h2", { hasText: "History of Volodymyr Zelenskyy" }).waitFor();
    const entries = page.locator("#history .change");
    // Newest first: the curator's update, then the seed's creation.
    await expect(entries.first().textContent()).resolves.toMatch(/^updated /);
    await expect(entries.first().textContent()).resolves.toContain(
      `description: "Ukrainian President." → ${JSON.stringify(description)}`,
    );
    await expect(entries.last().textContent()).resolves.toMatch(/^created /);
    expect(decodeURIComponent(page.url())).toContain("#person:volodymyr-zelenskyy&tab=history");
    await screenshot(page, "explorer-history");
    expect(seen.errors).toEqual([]);
  });

  it("is live while open: a curator's edit appears on top; older changes come a page at a time", async () => {
    const id = "person:history-in-pages";
    await curate("mutation ($input: PersonInput!) { createPerson(input: $input) { id } }", {
      input: { id, name: "Paged History" },
    });
    // 22 edits and the creation: 23 entries, more than a page (20) of the tab.
    for (let i = 1; i <= 22; i++) await curate(UPDATE_PERSON, { id, input: { description: `Edit ${i}.` } });

    const { page, seen } = await openEntity(id);
    await page.locator("#details h2", { hasText: "Paged History" }).waitFor();
    await page.locator("#tab-history").click();
    await page.locator("#history .live-state", { hasText: "Listening" }).waitFor();
    const entries = page.locator("#history .change");
    await expect(entries.count()).resolves.toBe(20);
    await expect(entries.first().textContent()).resolves.toContain('description: "Edit 21." → "Edit 22."');
    await subscriberFollowing(suite.server);

    await curate(UPDATE_PERSON, { id, input: { description: "Edited while the tab was open." } });
    const arrived = page.locator("#history .change.live");
    await arrived.waitFor();
    await expect(arrived.textContent()).resolves.toContain('"Edit 22." → "Edited while the tab was open."');
    await expect(entries.first().getAttribute("class")).resolves.toBe("change live");
    await screenshot(page, "explorer-history-live");

    await page.locator("#history button.older").click();
    await entries.nth(23).waitFor();
    await expect(entries.count()).resolves.toBe(24);
    await page.locator("#history button.older").waitFor({ state: "hidden" });
    await expect(entries.last().textContent()).resolves.toMatch(/^created /);
    const texts = await entries.allTextContents();
    expect(texts.filter((t) => t.startsWith("updated")).length).toBe(23);
    expect(new Set(texts).size).toBe(24);
    expect(seen.errors).toEqual([]);
  });
});
