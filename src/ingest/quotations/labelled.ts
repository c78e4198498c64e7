// Quotations set as a labelled paragraph: "@handle: the words of the tweet", one paragraph per post, as roundups of
// social media print them. The label names the writer; what follows the colon is their words, with no quotation
// marks and no verb of saying. Only a handle counts as a label here (an "@" and the handle's letters, digits and
// underscores): "Egypt: January 25 protests" is a headline, and "MUBARAK: I'm the father …" a satirical script, not
// someone's published words.
import type { Span } from "../../domain/spans";
import { addMention, type Entity, type Register } from "../entities/entities";
import type { Paragraph } from "../text/layout";
import type { Quotation } from "./quotes";

/** The longest handle a label may hold (Twitter's is 15; other networks allow a little more). */
const HANDLE_MAX = 30;
/** A post is words: a label before two words or fewer is a list entry ("@user: link"), not a quotation. */
const MIN_WORDS = 3;

/** Words with letters in them, links left out. */
const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !/^https?:/i.test(w)).length;

/** The label at a paragraph's start: "@name:" (a space before the colon allowed), and where the words begin. */
function labelOf(text: string, p: Paragraph): { name: string; span: Span; wordsAt: number } | undefined {
  if (text[p.start] !== "@") return undefined;
  let i = p.start + 1;
  while (i < p.end && i - p.start <= HANDLE_MAX && /[\p{L}\p{N}_]/u.test(text[i]!)) i++;
  const name = text.slice(p.start + 1, i);
  if (!name) return undefined;
  let colon = i;
  if (text[colon] === " ") colon++;
  if (text[colon] !== ":") return undefined;
  let wordsAt = colon + 1;
  while (wordsAt < p.end && /\s/.test(text[wordsAt]!)) wordsAt++;
  return { name, span: { start: p.start, end: i }, wordsAt };
}

/**
 * Every labelled paragraph's words as a quotation of the handle's writer. Quotations in marks inside those words
 * become its inner quotations (a post that quotes a phrase is still one post); `inMarks` is returned without them.
 */
export function labelledQuotationsOf(
  text: string,
  paragraphs: readonly Paragraph[],
  inMarks: readonly Quotation[],
): { labelled: Quotation[]; inMarks: Quotation[] } {
  const labelled: Quotation[] = [];
  for (const p of paragraphs) {
    const label = labelOf(text, p);
    if (!label || wordsIn(text.slice(label.wordsAt, p.end)) < MIN_WORDS) continue;
    const words = { start: label.wordsAt, end: p.end };
    labelled.push({
      parts: [words],
      marked: [{ start: p.start, end: p.end }],
      style: "label",
      paragraph: p.index,
      lastParagraph: p.index,
      inner: [],
      label: { name: label.name, span: label.span },
    });
  }
  if (!labelled.length) return { labelled, inMarks: [...inMarks] };
  const byParagraph = new Map(labelled.map((l) => [l.paragraph, l]));
  const rest: Quotation[] = [];
  for (const q of inMarks) {
    const host = q.paragraph === q.lastParagraph ? byParagraph.get(q.paragraph) : undefined;
    if (host) host.inner.push(...q.parts);
    else rest.push(q);
  }
  return { labelled, inMarks: rest };
}

/** Registers each label's writer as a person, with a mention at the label, so that later paragraphs find them. */
export function registerLabelWriters(labelled: readonly Quotation[], register: Register): void {
  for (const { label } of labelled) {
    if (!label) continue;
    const entity: Entity = register.find(label.name) ?? register.register("person", label.name, { handle: true });
    addMention({ entity, ...label.span, subject: true });
  }
}
