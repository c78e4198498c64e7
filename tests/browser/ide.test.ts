// The GraphQL IDE in headless Chromium: served at /graphql, offline, with the examples, docs and autocompletion.
import type { Page } from "playwright-core";
import { connectTestDatabase } from "../support/database";
import { TEST_TOKEN } from "../support/server";
import { EXAMPLES } from "../../web/ide/examples";
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

const result = (page: Page, text: string) => page.locator(".result-window", { hasText: text }).waitFor();

describe("the GraphQL IDE at /graphql", () => {
  it("loads everything from this server and runs the Zelenskyy example with the run button", async () => {
    const { page, seen } = await openIde();
    // A first visit opens one tab per example query, the first one active with its variables filled in.
    await page.locator(".graphiql-tab-active", { hasText: "WhatZelenskyySaid" }).waitFor();
    for (const title of [
      "EverythingAtAVenue",
      "StatementsAboutAnEvent",
      "Search",
      "Path",
      "Timeline",
      "ClaimsBehindAValue",
    ]) {
      await page.locator(".graphiql-tab", { hasText: title }).waitFor();
    }
    await page.locator(".graphiql-editor-tool .graphiql-editor", { hasText: "person:volodymyr-zelenskyy" }).waitFor();

    await page.locator(".graphiql-execute-button").click();
    await result(page, '"name": "Volodymyr Zelenskyy"');
    await result(page, '"totalCount": 4');
    await screenshot(page, "ide", { docs: true });

    expect(seen.requests.length).toBeGreaterThan(3);
    expect(seen.requests.filter((url) => !url.startsWith(`${suite.origin}/`))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it("opens an example from the Examples pane and runs it with Ctrl-Enter", async () => {
    const { page } = await openIde();
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.getByRole("button", { name: "Full-text search: ceasefire" }).click();
    await page.locator(".graphiql-tab-active", { hasText: "Search" }).waitFor();
    // GraphiQL parses the editor 100 ms after it changes; a Ctrl-Enter before that, quicker than a person's, would
    // run the previous tab's operation. It records the parsed operation's name in localStorage.
    await page.waitForFunction(() => (globalThis as any).localStorage.getItem("graphiql:operationName") === "Search");

    await page.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("Control+Enter");
    await result(page, "unconditional <mark>ceasefire</mark>");
  });

  it("offers the headers pane with the bearer token for mutations", async () => {
    const { page } = await openIde();
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.getByRole("button", { name: /Mutation: add a person/ }).click();
    await page.locator(".graphiql-tab-active", { hasText: "AddPerson" }).waitFor();
    await page.locator(".graphiql-editor-tools button", { hasText: "Headers" }).click();
    await page
      .locator(".graphiql-editor-tool .graphiql-editor:visible", { hasText: '"Authorization": "Bearer <API_TOKEN>"' })
      .waitFor();
  });

  it("lists the claims and import-preview examples, and runs the claims behind the first round's date", async () => {
    const { page } = await openIde();
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.getByRole("button", { name: "Preview an import (dry run)" }).waitFor();
    await page.getByRole("button", { name: "Claims behind a value" }).click();
    await page.locator(".graphiql-tab-active", { hasText: "ClaimsBehindAValue" }).waitFor();
    await page.waitForFunction(
      () => (globalThis as any).localStorage.getItem("graphiql:operationName") === "ClaimsBehindAValue",
    );
    await page.locator(".graphiql-execute-button").click();
    // The seed alone: one source, which dates the first round to the month.
    await result(page, '"precision": "MONTH"');
    await result(page, '"sourceCount": 1');
  });

  it("runs the article example without a token: Ukraine's president is the graph's Zelenskyy", async () => {
    const { page } = await openIde();
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.getByRole("button", { name: "Extract statements from an article (dry run)" }).click();
    await page.locator(".graphiql-tab-active", { hasText: "Extract" }).waitFor();
    await page.waitForFunction(() => (globalThis as any).localStorage.getItem("graphiql:operationName") === "Extract");
    await page.locator(".graphiql-execute-button").click();
    await result(page, '"cue": "office: told"');
    await result(page, '"id": "person:volodymyr-zelenskyy"');
  });

  it("previews an import with the token in the Headers pane: Zelensky is Zelenskyy, nothing written", async () => {
    const { page, seen } = await openIde();
    await page.getByRole("button", { name: "Show Examples" }).click();
    await page.getByRole("button", { name: "Preview an import (dry run)" }).click();
    await page.locator(".graphiql-tab-active", { hasText: "PreviewImport" }).waitFor();
    await page.locator(".graphiql-editor-tools button", { hasText: "Headers" }).click();
    await page
      .locator(".graphiql-editor-tool .graphiql-editor:visible", { hasText: '"Authorization": "Bearer <API_TOKEN>"' })
      .waitFor();
    // What a user does by hand: put the server's token in place of the placeholder.
    await page.evaluate(`(() => {
      const editor = [...document.querySelectorAll(".graphiql-editor-tool .CodeMirror")]
        .map((element) => element.CodeMirror)
        .find((cm) => cm.getValue().includes("<API_TOKEN>"));
      editor.setValue(editor.getValue().replace("<API_TOKEN>", ${JSON.stringify(TEST_TOKEN)}));
    })()`);
    await page.waitForFunction(
      () => (globalThis as any).localStorage.getItem("graphiql:operationName") === "PreviewImport",
    );

    await page.locator(".graphiql-execute-button").click();
    await result(page, '"dryRun": true');
    await result(page, '"incoming": "person:volodymyr-zelensky"');
    await result(page, '"decision": "MERGED"');
    await result(page, '"into": "person:volodymyr-zelenskyy"');
    await screenshot(page, "ide-import-preview");
    expect(seen.errors).toEqual([]);
  });

  it("keeps the user's tabs on a later visit instead of opening the examples again", async () => {
    const { page } = await openIde();
    await page.locator(".graphiql-tab", { hasText: "Timeline" }).waitFor();
    // The query examples (not the mutations, which need a token header) opened as tabs; the user adds one.
    const opened = EXAMPLES.filter((example) => !example.headers).length;
    const tabs = opened + 1;
    await expect(page.locator(".graphiql-tab").count()).resolves.toBe(opened);
    await page.locator(".graphiql-tab-add").click();
    // GraphiQL stores its tabs in localStorage half a second after a change.
    await page.waitForFunction(
      (n) => JSON.parse((globalThis as any).localStorage.getItem("graphiql:tabState") ?? "{}").tabs?.length === n,
      tabs,
    );
    await page.reload();
    await page.locator(".graphiql-tab-active", { hasText: "<untitled>" }).waitFor();
    expect(await page.locator(".graphiql-tab").count()).toBe(tabs);
    // Under load the first click can land before the reloaded page handles it: click until the tab is active.
    const active = page.locator(".graphiql-tab-active", { hasText: "WhatZelenskyySaid" });
    for (let attempt = 0; attempt < 5 && !(await active.isVisible()); attempt++) {
      await page.locator(".graphiql-tab-button", { hasText: "WhatZelenskyySaid" }).click();
      await active.waitFor({ timeout: 3_000 }).catch(() => {});
    }
    await page.locator(".graphiql-editor-tool .graphiql-editor", { hasText: "person:volodymyr-zelenskyy" }).waitFor();
  });

  it("documents the schema and autocompletes from it", async () => {
    const { page } = await openIde();
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer", { hasText: "Query" }).waitFor();
    await page.locator(".graphiql-doc-explorer a", { hasText: "Query" }).first().click();
    await page.locator(".graphiql-doc-explorer", { hasText: "The shortest connection between two entities" }).waitFor();

    await page.locator(".graphiql-tab-add").click();
    await page.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("{ timel");
    await page.locator(".CodeMirror-hints li", { hasText: "timeline" }).waitFor();
  });
});
