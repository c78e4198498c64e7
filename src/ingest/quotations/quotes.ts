// Quotation marks: where each quotation opens and closes, in straight, curly and single quotes and guillemets, with
// apostrophes told apart from single quotes, quotations inside quotations kept inside their outer one, and a
// quotation that runs over several paragraphs (a paragraph opening with a mark it does not close, the next one
// reopening it) kept as one quotation of several parts.
import type { Span } from "../../domain/spans";
import { ATTRIBUTING_VERBS, type Paragraph } from "../text/layout";

export type MarkStyle = "double" | "curly" | "single" | "curly-single" | "guillemets" | "block" | "label" | "answer";

export interface Quotation {
  /** The words inside the marks, one part per paragraph. */
  parts: Span[];
  /** From the opening mark through the closing one (or the paragraph's end for an open part), per part. */
  marked: Span[];
  style: MarkStyle;
  paragraph: number;
  lastParagraph: number;
  /** Quotations inside this one (a quote inside a quote); never statements of their own. */
  inner: Span[];
  /** A paragraph without marks: how likely it is someone's words (the block model's probability, an answer's). */
  blockProbability?: number;
  /** For a labelled paragraph ("@handle: …", labelled.ts): the writer's handle, without its "@". */
  label?: { name: string; span: Span };
}

interface Open {
  style: MarkStyle;
  at: number;
}

const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const opensAfter = (c: string | undefined) => c === undefined || /[\s([{—–\-:/"“‘'«]/.test(c);

function closes(style: MarkStyle, text: string, i: number): boolean {
  const c = text[i];
  const next = text[i + 1];
  switch (style) {
    case "double":
      return c === '"';
    case "curly":
      return c === "”";
    case "guillemets":
      return c === "»";
    case "curly-single":
      // "the customers’ money" inside ‘…’: a plural possessive, when another ’ closes the quotation later on.
      if (c === "’" && text[i - 1] === "s" && next === " " && /\p{Ll}/u.test(text[i + 2] ?? "")) {
        const rest = text.slice(i + 1, text.indexOf("\n", i) < 0 ? undefined : text.indexOf("\n", i));
        if (/’(?![\p{L}])/u.test(rest)) return false;
      }
      return c === "’" && !isLetter(next);
    case "single":
      return c === "'" && !isLetter(next) && !/\s/.test(text[i - 1] ?? " ");
    case "block":
    case "label":
    case "answer":
      return false;
  }
}

function opens(text: string, i: number): MarkStyle | undefined {
  const c = text[i];
  const prev = text[i - 1];
  const next = text[i + 1];
  if (c === "“") return "curly";
  if (c === "«") return "guillemets";
  if (c === '"') return opensAfter(prev) && next !== undefined && !/\s/.test(next) ? "double" : undefined;
  if (c === "‘") return opensAfter(prev) && isLetter(next) ? "curly-single" : undefined;
  if (c === "'") return opensAfter(prev) && isLetter(next) ? "single" : undefined;
  return undefined;
}

interface Part {
  style: MarkStyle;
  open: number;
  /** Index of the closing mark, or undefined when the paragraph ends first. */
  close?: number;
  inner: Span[];
}

/** Top-level quotations of one paragraph, each closed or left open at the paragraph's end. */
function partsOf(text: string, paragraph: Span): Part[] {
  const out: Part[] = [];
  const stack: (Open & { inner: Span[] })[] = [];
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const top = stack[stack.length - 1];
    if (top && closes(top.style, text, i)) {
      stack.pop();
      const outer = stack[stack.length - 1];
      if (outer) outer.inner.push({ start: top.at + 1, end: i });
      else out.push({ style: top.style, open: top.at, close: i, inner: top.inner });
      continue;
    }
    const style = opens(text, i);
    // A straight mark inside a straight quotation of the same kind closes it (handled above) rather than nesting.
    if (style && !(top && top.style === style)) stack.push({ style, at: i, inner: [] });
  }
  // An unclosed mark: the outermost one runs on into the next paragraph, if that paragraph reopens it.
  const first = stack[0];
  if (first) out.push({ style: first.style, open: first.at, inner: first.inner });
  return out;
}

const trimmed = (text: string, span: Span): Span => {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
};

/** `…," Kyl said. "…` to the paragraph's end: a quotation reopened after its attribution, its closing mark lost. */
const REOPENED_AFTER_CUE = new RegExp(String.raw`\b(?:${ATTRIBUTING_VERBS})\.\s?$`);

/** Every top-level quotation of the article, in text order. */
export function quotationsOf(text: string, paragraphs: readonly Paragraph[]): Quotation[] {
  const out: Quotation[] = [];
  let running: Quotation | undefined;
  // A quotation left open in the middle of a paragraph and not reopened by the next one was an apostrophe or a stray
  // mark; one that opened its paragraph is a quotation whose closing mark is missing.
  // One opened right after an attribution's comma or colon (`Ana said, "…` to the paragraph's end), or after the
  // sentence of its attribution (`"…," Ana said. "…`), is a quotation whose closing mark the page lost.
  const dropStray = (q: Quotation) => {
    const open = q.marked[0]!.start;
    const introduced =
      /[,:]\s?$/.test(text.slice(Math.max(0, open - 2), open)) ||
      REOPENED_AFTER_CUE.test(text.slice(Math.max(0, open - 16), open));
    if (q.parts.length === 1 && open !== paragraphs[q.paragraph]!.start && !introduced) out.splice(out.indexOf(q), 1);
  };
  for (const paragraph of paragraphs) {
    // `"…` then a paragraph that closes it without reopening (`…"`): the page lost the reopening mark.
    const closing =
      running && running.lastParagraph === paragraph.index - 1 ? closedUnopened(text, running, paragraph) : undefined;
    if (running && closing !== undefined) {
      running.parts.push(trimmed(text, { start: paragraph.start, end: closing }));
      running.marked.push({ start: paragraph.start, end: closing + 1 });
      running.lastParagraph = paragraph.index;
      running = undefined;
    }
    const parts = partsOf(text, closing === undefined ? paragraph : { ...paragraph, start: closing + 1 });
    for (const part of parts) {
      const words = trimmed(text, { start: part.open + 1, end: part.close ?? paragraph.end });
      const marked = { start: part.open, end: part.close === undefined ? paragraph.end : part.close + 1 };
      const continues = running && part.open === paragraph.start && running.style === part.style;
      if (continues && running) {
        running.parts.push(words);
        running.marked.push(marked);
        running.inner.push(...part.inner);
        running.lastParagraph = paragraph.index;
      } else {
        running = {
          parts: [words],
          marked: [marked],
          style: part.style,
          paragraph: paragraph.index,
          lastParagraph: paragraph.index,
          inner: [...part.inner],
        };
        out.push(running);
      }
      if (part.close !== undefined) running = undefined;
    }
    // A running quotation must be reopened at the start of the very next paragraph.
    if (running && running.lastParagraph !== paragraph.index) {
      dropStray(running);
      running = undefined;
    }
  }
  if (running) dropStray(running);
  return out.filter((q) => q.parts.some((p) => p.end > p.start));
}

/** Double marks only: a single one may be an apostrophe. */
const REOPENED_STYLES = new Set<MarkStyle>(["double", "curly", "guillemets"]);

/**
 * Where a paragraph closes a quotation the one before it left open, when no mark opens before that: the index of the
 * closing mark. Only a paragraph that does not open with a mark of its own (which `quotationsOf` reads as reopening).
 */
function closedUnopened(text: string, running: Quotation, paragraph: Paragraph): number | undefined {
  if (!REOPENED_STYLES.has(running.style) || opens(text, paragraph.start)) return undefined;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    if (closes(running.style, text, i)) return /[.!?,…]/u.test(text[i - 1] ?? "") ? i : undefined;
    if (opens(text, i)) return undefined;
  }
  return undefined;
}

/** The paragraphs that quotations cover at least half of (their words, marks left out): already someone's words. */
export function paragraphsInMarks(paragraphs: readonly Paragraph[], quotations: readonly Quotation[]): Set<number> {
  const covered = new Set<number>();
  for (const q of quotations)
    for (let p = q.paragraph; p <= q.lastParagraph; p++) {
      const para = paragraphs[p]!;
      const inside = q.parts.reduce(
        (n, s) => n + Math.max(0, Math.min(s.end, para.end) - Math.max(s.start, para.start)),
        0,
      );
      if (inside * 2 >= para.end - para.start) covered.add(p);
    }
  return covered;
}
