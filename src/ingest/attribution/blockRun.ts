// A run of block quotations: paragraphs without marks set one after another under one hand-over ("X writes:", then
// the post in its own language, then its translation, then a second paragraph of the post). The ranker weighs each
// paragraph on its own and is less sure of every paragraph further from the hand-over, though nothing between them
// says the writer changed. Here a paragraph that the block model is sure is quoted, with no attribution of its own,
// right after a block paragraph whose speaker the ranker also ranks first for it, is as sure as that one, a little
// less: a run is one writer's until the article's own voice or another hand-over breaks it.
import type { Quotation } from "../quotations/quotes";
import type { Entity } from "../entities/entities";

/** How much surer a choice must be of the paragraph after it that carries the run on (chosen on the tuning split). */
export const RUN_DECAY = 0.97;
/** How sure the block model must be that the paragraph is quoted at all (the article's own paragraph ends a run). */
export const RUN_BLOCK_SURENESS = 0.9;

export interface RunChoice {
  speaker: Entity;
  /** The last paragraph of the quotation it was made for. */
  paragraph: number;
  confidence: number;
  /** Whether that quotation was a block quotation. */
  block: boolean;
}

/**
 * The confidence a block quotation takes from the block paragraph before it, when it carries that run on and the
 * ranker chose the same speaker; undefined when it does not.
 */
export function runConfidence(
  q: Quotation,
  hasOwnAttribution: boolean,
  before: RunChoice | undefined,
  chosen: Entity | undefined,
): number | undefined {
  if (q.style !== "block" || hasOwnAttribution || !before?.block || before.paragraph !== q.paragraph - 1) return;
  if (chosen !== before.speaker || (q.blockProbability ?? 1) < RUN_BLOCK_SURENESS) return;
  return before.confidence * RUN_DECAY;
}
