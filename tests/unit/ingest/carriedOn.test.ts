// A run of block quotations under one hand-over is one writer's (issue 31, seventh session). Sentences written here:
// invented people, places and blogs, no article copied.
import {
  RUN_DECAY,
  runConfidence,
  translationConfidence,
  type RunChoice,
} from "../../../src/ingest/attribution/carriedOn";
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

describe("a quotation in the sentence after its speaker's attribution", () => {
  const text = [
    "Markets in Northport rose on Friday after the harbour authority cut its fees.",
    "",
    '"Traders had expected a smaller cut. The harbour is cheaper now than at any time since 2019." Jane Roe, a ' +
      'trader at Eastbank, said so on Friday. "I think the market is reading the cut as a sign of more to come." ' +
      "Piet Aalders, the authority's chair, said the fees would stay low for a year.",
  ].join("\n");

  it("is the same speaker's, not the next person the text names", () => {
    const quotes = run(text).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes.map((s) => [s.speaker.name, s.text.slice(0, 12)])).toEqual([
      ["Jane Roe", "Traders had "],
      ["Jane Roe", "I think the "],
    ]);
    expect(quotes[1]!.cue).toBe("continuation");
    expect(quotes[1]!.confidence).toBeLessThan(quotes[0]!.confidence);
  });

  it("is not carried on when someone else is named between them", () => {
    const other = text.replace('on Friday. "I think', 'on Friday. Piet Aalders disagreed. "I think');
    const second = run(other).statements.find((s) => s.text.startsWith("I think"));
    expect(second?.speaker.name).not.toBe("Jane Roe");
  });

  it("never takes the next sentence's own report as its attribution", () => {
    // `"Q." X said the fees would …`: X reports a clause of their own; the quotation is the previous speaker's.
    const joined = [
      '"The harbour is cheaper now than at any time since 2019," said Jane Roe, a trader at Eastbank. "I think the ' +
        'market is reading the cut as a sign of more to come." Piet Aalders, the chair, said the fees would stay low.',
    ].join("\n");
    const quotes = run(joined).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes.map((s) => [s.speaker.name, s.parts.length])).toEqual([["Jane Roe", 2]]);
  });
});

describe("a post quoted in pieces", () => {
  it("keeps the piece after '[...]' the writer's", () => {
    const text = [
      "Protests fill the capital",
      "",
      "Thousands gathered in the capital on Sunday.",
      "",
      "Peter Aalders writes:",
      "",
      "The square is full and nobody is going home tonight.",
      "",
      "[...]",
      "",
      "We have waited for this for twenty years, and we will wait one more night.",
      "",
      "The police did not intervene.",
    ].join("\n");
    const x = run(text);
    expect(x.statements.map((s) => [s.speaker.name, s.text.slice(0, 12)])).toEqual([
      ["Peter Aalders", "The square i"],
      ["Peter Aalders", "We have wait"],
    ]);
    expect(x.unattributed).toEqual([]);
  });
});

describe("a post quoted in its own language, then in English", () => {
  const text = [
    "Bloggers in Porto on the bridge tolls",
    "",
    "The new tolls on the Douro bridges took effect on Monday, and Porto's bloggers were quick to answer.",
    "",
    "Joana Malheiro, who writes the blog Ponte Velha, is angry with the council:",
    "",
    "A câmara decidiu sem ouvir ninguém. Quem vive em Gaia e trabalha no Porto vai pagar duas vezes por dia, e a " +
      "câmara diz que é para o nosso bem.",
    "",
    "The council decided without listening to anyone. Whoever lives in Gaia and works in Porto will pay twice a " +
      "day, and the council says it is for our own good.",
    "",
    "The council has said the tolls will be reviewed in 2027.",
  ].join("\n");

  it("gives the translation to the original's writer, as sure as the original a little less", () => {
    const quotes = run(text).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes.map((s) => s.speaker.name)).toEqual(["Joana Malheiro", "Joana Malheiro"]);
    // The ranker alone was less sure of the English paragraph (0.85) than of the original (0.98).
    expect(quotes[1]!.confidence).toBeCloseTo(quotes[0]!.confidence * RUN_DECAY, 2);
  });

  it("takes only a paragraph of a like length, right after a block in another language, for a translation", () => {
    const speaker = { name: "Joana Malheiro" } as Entity;
    const original: RunChoice = { speaker, paragraph: 3, confidence: 0.98, block: true, foreign: true, length: 120 };
    const q = { style: "block", paragraph: 4 } as Quotation;
    const words = "x".repeat(110);
    expect(translationConfidence(q, words, false, original, false)).toBeCloseTo(0.98 * RUN_DECAY, 5);
    expect(translationConfidence(q, "x".repeat(400), false, original, false)).toBeUndefined();
    expect(translationConfidence(q, words, false, { ...original, foreign: false }, false)).toBeUndefined();
    expect(translationConfidence(q, words, false, original, true)).toBeUndefined();
    expect(translationConfidence(q, words, true, original, false)).toBeUndefined();
    expect(translationConfidence(q, words, false, { ...original, paragraph: 2 }, false)).toBeUndefined();
  });
});

describe("a post of several lines with no blank line between them", () => {
  it("is weighed as one quotation, though its first line alone reads as a heading", () => {
    const text = [
      "The ferry company's new timetable drew jokes online.",
      "",
      "Aksel, from Bergen, jokes:",
      "",
      "BREAKING:",
      "Ferry company cancels all sailings on days that end in y",
      "Passengers advised to learn to swim",
      "#ferry #Bergen",
      "",
      "The company has not answered.",
    ].join("\n");
    const quotes = run(text).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes.map((s) => [s.speaker.name, s.parts.length])).toEqual([["Aksel", 4]]);
  });
});
