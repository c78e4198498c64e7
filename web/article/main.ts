// The article page at /explore/add-article: paste an article, extract who said what (ingestArticle, a dry run that
// needs no token), review the draft — speakers, kinds, dates, statements to drop — and import what is left with
// importDataset and the bearer token. A client of the public GraphQL API and nothing else.
import "./style.css";
import { request } from "../explorer/api";
import { formatDay } from "../explorer/dates";
import { DraftArticleDocument, ImportReviewedDocument } from "./queries";
import { initialEdits, reviewedDataset, SPEAKER_TYPES, type Draft, type Edits } from "./review";
import {
  errorText,
  renderArticle,
  renderError,
  renderImported,
  renderUnattributed,
  speakerColours,
  statementItem,
  type StatementItem,
} from "./view";

/** The token stays for the tab's session only, never in localStorage. */
const TOKEN_KEY = "who-said-what.apiToken";

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`article page: no #${id}`);
  return element as T;
}

const articleForm = byId<HTMLFormElement>("article-form");
const textInput = byId<HTMLTextAreaElement>("text");
const titleInput = byId<HTMLInputElement>("title");
const publishedInput = byId<HTMLInputElement>("published-on");
const publishedWords = byId<HTMLOutputElement>("published-on-words");
const urlInput = byId<HTMLInputElement>("url");
const publisherInput = byId<HTMLInputElement>("publisher");
const extractButton = byId<HTMLButtonElement>("extract");
const extractError = byId("extract-error");
const review = byId("review");
const articleView = byId("article-view");
const statementList = byId<HTMLOListElement>("statements");
const summary = byId("review-summary");
const unattributedSection = byId("unattributed-section");
const unattributedList = byId<HTMLUListElement>("unattributed");
const importForm = byId<HTMLFormElement>("import-form");
const tokenInput = byId<HTMLInputElement>("token");
const importButton = byId<HTMLButtonElement>("import");
const importResult = byId("import-result");

interface Review {
  draft: Draft;
  edits: Edits;
  items: StatementItem[];
}

let current: Review | undefined;

function optional(input: HTMLInputElement): string | undefined {
  return input.value.trim() || undefined;
}

function showSummary(state: Review): void {
  const kept = [...state.edits.values()].filter((edit) => !edit.dropped).length;
  const all = state.draft.statements.length;
  summary.textContent =
    all === 0
      ? "No statements found: nothing to import."
      : `${kept} of ${all} statement${all === 1 ? "" : "s"} will be imported.`;
  importButton.disabled = kept === 0;
}

/** Shows a draft for review. `text` is the text the draft's spans index: as sent, whatever the textarea holds since. */
function show(draft: Draft, text: string, publishedOn: string): void {
  const edits = initialEdits(draft);
  const entities = new Map(draft.entities.map((entity) => [entity.id, entity]));
  const speakers = draft.entities.filter((entity) => SPEAKER_TYPES.includes(entity.type));
  const colourOf = speakerColours(draft);
  const state: Review = { draft, edits, items: [] };
  const changed = () => {
    for (const item of state.items) item.refresh();
    renderArticle(articleView, text, draft, edits, entities, colourOf);
    showSummary(state);
  };
  state.items = draft.statements.map((statement) =>
    statementItem(statement, edits.get(statement.id)!, speakers, colourOf, publishedOn, changed),
  );
  statementList.replaceChildren(...state.items.map((item) => item.element));
  renderUnattributed(unattributedList, draft);
  unattributedSection.hidden = draft.unattributed.length === 0;
  renderArticle(articleView, text, draft, edits, entities, colourOf);
  importResult.replaceChildren();
  importResult.className = "import-result";
  current = state;
  showSummary(state);
  review.hidden = false;
}

async function extract(): Promise<void> {
  const text = textInput.value;
  const publishedOn = publishedInput.value.trim();
  extractError.hidden = true;
  extractButton.disabled = true;
  articleForm.setAttribute("aria-busy", "true");
  try {
    const data = await request(DraftArticleDocument, {
      input: {
        text,
        publishedOn,
        title: optional(titleInput),
        url: optional(urlInput),
        publisher: optional(publisherInput),
      },
    });
    show(data.ingestArticle, text, publishedOn);
    review.scrollIntoView({ block: "start" });
  } catch (error) {
    extractError.textContent = errorText(error);
    extractError.hidden = false;
  } finally {
    extractButton.disabled = false;
    articleForm.removeAttribute("aria-busy");
  }
}

async function importReviewed(): Promise<void> {
  const state = current;
  if (!state) return;
  const token = tokenInput.value.trim();
  importButton.disabled = true;
  importForm.setAttribute("aria-busy", "true");
  try {
    const dataset = reviewedDataset(state.draft.dataset, state.edits);
    const data = await request(
      ImportReviewedDocument,
      { dataset },
      { headers: token ? { authorization: `Bearer ${token}` } : {} },
    );
    if (state === current) renderImported(importResult, data.importDataset);
  } catch (error) {
    if (state === current) renderError(importResult, error);
  } finally {
    if (state === current) showSummary(state);
    importForm.removeAttribute("aria-busy");
  }
}

// The date field shows the day in the browser's format (mm/dd/yyyy in the US, dd/mm/yyyy elsewhere): its hint says
// the day in words, so that 06/10 cannot be misread.
function showPublishedDay(): void {
  publishedWords.textContent = formatDay(publishedInput.value) || "no day picked yet";
}

tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? "";
publishedInput.addEventListener("input", showPublishedDay);
publishedInput.addEventListener("change", showPublishedDay);
showPublishedDay();
tokenInput.addEventListener("input", () => {
  if (tokenInput.value) sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
  else sessionStorage.removeItem(TOKEN_KEY);
});
articleForm.addEventListener("submit", (event) => {
  event.preventDefault();
  void extract();
});
importForm.addEventListener("submit", (event) => {
  event.preventDefault();
  void importReviewed();
});
