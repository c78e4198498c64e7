// The graph explorer shows new statements about the entity on screen as they are recorded (issue 32, item 5): a
// statementAdded subscription over WebSocket, filtered by the entity, fed by a statement another client records; and
// a node's history (the change log's entries for it) in a tab of its own, Changes.
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
});
