// A run of block quotations under one hand-over is one writer's (issue 31, seventh session). Sentences written here:
// invented people, places and blogs, no article copied.
import { RUN_DECAY, runConfidence, type RunChoice } from "../../../src/ingest/attribution/blockRun";
import type { Entity } from "../../../src/ingest/entities/entities";
import type { Quotation } from "../../../src/ingest/quotations/quotes";
import { run } from "./drafts";

const POST = [
  "Bloggers in Lisbon react to the harbour closure",
  "",
  "The closure of the old harbour in Lisbon on Monday drew anger online, where fishermen's families have written " +
    "for weeks about the plan.",
  "",
  "Blogger Marta Quintela, who writes the blog Cais Velho, sees only one winner:",
  "",
  "The harbour closed without warning and nobody asked us anything. The fishermen's families are left with " +
    "nothing, and the council says it is for our own good.",
  "",
  "Who will pay the boats' debts? The banks do not wait, and my neighbours' children are already looking for work " +
    "in other towns.",
  "",
  "The council has said that a new marina will open in 2027.",
].join("\n");

describe("a run of block quotations", () => {
  it("keeps the second paragraph of a post as sure as the first, a little less", () => {
    const quotes = run(POST).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes.map((s) => s.speaker.name)).toEqual(["Marta Quintela", "Marta Quintela"]);
    // Without the run, the ranker was less sure of the second paragraph (0.87) than of the first (0.97).
    expect(quotes[1]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(quotes[1]!.confidence).toBeLessThan(quotes[0]!.confidence);
  });

  const writer = { n: 1, name: "Marta Quintela" } as Entity;
  const other = { n: 2, name: "Rui Sampaio" } as Entity;
  const block = (paragraph: number, blockProbability = 0.95): Quotation =>
    ({
      style: "block",
      paragraph,
      lastParagraph: paragraph,
      blockProbability,
      parts: [],
      marked: [],
      inner: [],
    }) as unknown as Quotation;
  const before: RunChoice = { speaker: writer, paragraph: 3, confidence: 0.96, block: true };

  it("carries the confidence to the next paragraph of the run", () => {
    expect(runConfidence(block(4), false, before, writer)).toBeCloseTo(0.96 * RUN_DECAY);
  });

  it("does not carry it over a gap, to another speaker, past an attribution, or from a quotation in marks", () => {
    expect(runConfidence(block(5), false, before, writer)).toBeUndefined();
    expect(runConfidence(block(4), false, before, other)).toBeUndefined();
    expect(runConfidence(block(4), true, before, writer)).toBeUndefined();
    expect(runConfidence(block(4), false, { ...before, block: false }, writer)).toBeUndefined();
  });

  it("does not carry it to a paragraph that may be the article's own words", () => {
    expect(runConfidence(block(4, 0.6), false, before, writer)).toBeUndefined();
  });
});
