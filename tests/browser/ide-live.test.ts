// The GraphQL IDE runs subscriptions (issue 32, item 5): a subscription typed in the editor goes over WebSocket to
// /graphql, and a statement recorded by another client through the API appears in the result pane.
import type { Page } from "playwright-core";
import { connectTestDatabase } from "../support/database";
import { recordZelenskyyStatement, subscriberFollowing } from "../support/live";
import { TEST_TOKEN } from "../support/server";
import { browserSuite, record, screenshot } from "./browser";

const db = connectTestDatabase();
const suite = browserSuite(db, { server: { apiToken: TEST_TOKEN } });

async function openIde(): Promise<{ page: Page; seen: ReturnType<typeof record> }> {
  const page = await suite.context.newPage();
  const seen = record(page);
  await page.goto(suite.server.url);
  await page.locator(".graphiql-container").waitFor();
  return { page, seen };
}

/** Types an operation into a new tab, as a user would paste it, and waits until GraphiQL has taken it. */
async function newTabWith(page: Page, operation: string): Promise<void> {
  await page.locator(".graphiql-tab-add").click();
  await page.locator(".graphiql-tab-active", { hasText: "<untitled>" }).waitFor();
  await page.evaluate(`(() => {
    const editor = document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror;
    editor.setValue(${JSON.stringify(operation)});
  })()`);
  // GraphiQL parses the editor 100 ms after a change and stores the query then: run only what it has parsed.
  await page.waitForFunction((text) => (globalThis as any).localStorage.getItem("graphiql:query") === text, operation);
}

const result = (page: Page, text: string) => page.locator(".result-window", { hasText: text }).waitFor();

describe("subscriptions in the GraphQL IDE", () => {
  it("streams statementAdded into the result pane as another client records a statement", async () => {
    const { page, seen } = await openIde();
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));
    await newTabWith(page, "subscription { statementAdded { text speaker { name } } }");
    await page.locator(".graphiql-execute-button").click();
    await subscriberFollowing(suite.server);

    await recordZelenskyyStatement(suite.server.url, "Zelenskyy said the talks in Istanbul had to continue.");
    await result(page, '"text": "Zelenskyy said the talks in Istanbul had to continue."');
    await result(page, '"name": "Volodymyr Zelenskyy"');
    // The next statement replaces it: the pane shows each update as it comes.
    await recordZelenskyyStatement(suite.server.url, "Zelenskyy said prisoners would be exchanged first.");
    await result(page, '"text": "Zelenskyy said prisoners would be exchanged first."');
    await screenshot(page, "ide-subscription");

    expect(sockets).toEqual([suite.server.url.replace(/^http/, "ws")]);
    expect(seen.requests.filter((url) => !url.startsWith(`${suite.origin}/`))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it("offers the subscription example in the Examples pane", async () => {
    const { page } = await openIde();
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.getByRole("button", { name: "Subscription: statements as they are recorded" }).click();
    await page.locator(".graphiql-tab-active", { hasText: "StatementsAsRecorded" }).waitFor();
    await page.locator(".graphiql-editor-tool .graphiql-editor", { hasText: "person:volodymyr-zelenskyy" }).waitFor();
  });
});
