// Trains the extractor's small learned models on the tuning split of the real-news gold (tests/gold/news/split.json:
// never a held-out text) and writes their weights to src/ingest/models/. Deterministic: the same gold gives the same
// weights. `npm run train:models` (then `npm run eval:news` to see what they do on the held-out third).
import fs from "node:fs";
import path from "node:path";
import { blockFeatures, walkBlockCandidates } from "../src/ingest/quotations/blockQuotes";
import { paragraphsOf } from "../src/ingest/text/layout";
import { fit, type Features, type LinearModel } from "../src/ingest/models/linearModel";
import { quotationsOf, type Quotation } from "../src/ingest/quotations/quotes";
import { extract } from "../src/ingest/extract";
import type { Candidate } from "../src/ingest/attribution/speakerCandidates";
import { covers, goldItems, sameSpeaker } from "./eval-news";
import { loadGold } from "./ingest-gold";
import speakerModel from "../src/ingest/models/speaker.json";
import { decisionFeatures, quotationShape, rankSpeakers } from "../src/ingest/attribution/speakerRanker";
import { projectRoot } from "../src/config";
import { loadNews, type NewsArticle } from "./news-corpus";

const MODELS = path.join(projectRoot, "src/ingest/models");

type Example = { features: Features; label: boolean };

/** Whether gold quotations cover at least half of a stretch of text. */
function goldCovers(article: NewsArticle, start: number, end: number): boolean {
  const inside = article.annotation.quotes.reduce(
    (n, q) => n + Math.max(0, Math.min(q.end, end) - Math.max(q.start, start)),
    0,
  );
  return inside * 2 >= end - start;
}

/** Every paragraph the block-quotation model is asked about, with the gold answer (the run as the gold has it). */
function blockExamples(article: NewsArticle): Example[] {
  const { text } = article;
  const paragraphs = paragraphsOf(text);
  const out: Example[] = [];
  walkBlockCandidates(text, paragraphs, quotationsOf(text, paragraphs), (p, words, state) => {
    const label = goldCovers(article, p.start, p.end);
    out.push({ features: blockFeatures(words, state), label });
    return label;
  });
  return out;
}

interface Speaking {
  text: string;
  publishedOn: string;
  known?: Parameters<typeof extract>[1]["known"];
  /** Gold quotations: span and the names its speaker goes by (empty when nobody is named). */
  quotes: { start: number; end: number; names: { speaker: string; speakerType: string }[] }[];
  /** Quoted strings that are nobody's words. */
  nonQuotes: { start: number; end: number }[];
}

/** The ranker's first choice on every quotation, labelled right (the gold's speaker) or wrong. */
function confidenceExamples(article: Speaking): Example[] {
  const out: Example[] = [];
  extract(article.text, {
    publishedOn: article.publishedOn,
    known: article.known,
    onCandidates: (q, candidates) => {
      const gold = article.quotes.find((g) => covers(q.parts, g) || q.parts.some((p) => covers([g], p)));
      // Every quotation counts: one that is no gold quotation (a scare quote, a paragraph taken for a block
      // quotation) drafted with any speaker is a wrong draft.
      const ranked = rankSpeakers(candidates);
      const top = ranked[0];
      if (!top) return;
      const names = [top.candidate.entity.name, ...top.candidate.entity.aliases];
      const label = !!gold && gold.names.some((g) => sameSpeaker(names, g));
      out.push({ features: decisionFeatures(ranked, q.style === "block", quotationShape(article.text, q)), label });
    },
  });
  return out;
}

/** Candidates of every quotation the gold decides, labelled: the gold speaker's candidate is the positive one. */
function speakerExamples(article: Speaking): Example[] {
  const out: Example[] = [];
  const seen: [Quotation, readonly Candidate[]][] = [];
  extract(article.text, {
    publishedOn: article.publishedOn,
    known: article.known,
    onCandidates: (q, candidates) => seen.push([q, candidates]),
  });
  for (const [q, candidates] of seen) {
    const gold = article.quotes.find((g) => covers(q.parts, g) || q.parts.some((p) => covers([g], p)));
    const nonQuote = !gold && article.nonQuotes.some((n) => q.parts.some((p) => covers([n], p)));
    if (!gold && !nonQuote) continue;
    const labelled = candidates.map((c) => ({
      features: c.features,
      label: !!gold && gold.names.some((g) => sameSpeaker([c.entity.name, ...c.entity.aliases], g)),
    }));
    // The model ranks the candidates of a quotation: it learns from quotations whose speaker is among them.
    if (labelled.some((e) => e.label)) out.push(...labelled);
  }
  return out;
}

function fromNews(a: NewsArticle): Speaking {
  return {
    text: a.text,
    publishedOn: a.publishedOn,
    quotes: goldItems(a.annotation.quotes).map((g) => ({ start: g.start, end: g.end, names: g.speakers })),
    nonQuotes: a.annotation.nonQuotes,
  };
}

/** The invented gold's tuning articles (tests/fixtures/ingest), so that the house style keeps its weight too. */
function fromInvented(): Speaking[] {
  return loadGold()
    .filter((a) => a.split === "tune")
    .map((a) => ({
      text: a.text,
      publishedOn: a.publishedOn,
      known: a.known.map((k) => ({ ...k, id: undefined })),
      quotes: a.statements
        .filter((s) => s.kind === "DIRECT_QUOTE")
        .flatMap((s) =>
          s.spans.map((span) => ({
            ...span,
            names: [s.speaker.name, ...s.speaker.aliases].map((n) => ({ speaker: n, speakerType: s.speaker.type })),
          })),
        ),
      nonQuotes: a.notStatements,
    }));
}

function accuracy(model: { bias: number; weights: Record<string, number> }, examples: Example[]): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (const e of examples) {
    let z = model.bias;
    for (const [k, v] of Object.entries(e.features)) z += (model.weights[k] ?? 0) * v;
    const yes = z >= 0;
    if (yes === e.label) right++;
    if (yes && e.label) tp++;
    if (yes && !e.label) fp++;
    if (!yes && e.label) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return `accuracy ${(right / examples.length).toFixed(3)}, precision ${p.toFixed(3)}, recall ${r.toFixed(3)}`;
}

function write(name: string, about: string, examples: Example[], texts: number, iterations = 4000): void {
  const fitted = fit(examples, { iterations, rate: 0.5, l2: 0.001 });
  const model: LinearModel = {
    about,
    trainedOn:
      `tuning splits only (real-news gold, and the invented gold for the speaker models): ${texts} texts, ` +
      `${examples.length} examples (${examples.filter((e) => e.label).length} positive); ` +
      `full-batch gradient descent, ${iterations} iterations, L2 0.001`,
    ...fitted,
  };
  fs.writeFileSync(path.join(MODELS, `${name}.json`), `${JSON.stringify(model, null, 2)}\n`);
  console.log(`${name}: ${examples.length} examples; on its training data ${accuracy(fitted, examples)}`);
}

function main(): void {
  const tuning = loadNews().filter((a) => a.set === "tune");
  write(
    "blockQuote",
    "Whether a paragraph without quotation marks, after a colon or another such paragraph, is someone's words",
    tuning.flatMap(blockExamples),
    tuning.length,
  );
  // The speaker model learns from candidates the current extractor proposes, so it is trained twice: the second
  // time on the candidates that the first model's choices lead to.
  // The invented articles are wire copy like the seed's, the product's first kind of text: they count three times.
  const invented = fromInvented();
  const speaking = [...tuning.map(fromNews), ...invented, ...invented, ...invented];
  for (let round = 0; round < 2; round++) {
    // The extractor reads the model object it imported: the second round runs with the first round's weights.
    if (round > 0) Object.assign(speakerModel, JSON.parse(fs.readFileSync(path.join(MODELS, "speaker.json"), "utf8")));
    write(
      "speaker",
      "Whether a candidate is the speaker of a quotation " +
        "(src/ingest/attribution/speakerCandidates.ts gives the features)",
      speaking.flatMap(speakerExamples),
      tuning.length + invented.length,
    );
  }
  Object.assign(speakerModel, JSON.parse(fs.readFileSync(path.join(MODELS, "speaker.json"), "utf8")));
  write(
    "confidence",
    "Whether the ranker's first choice is the speaker: the confidence a drafted quotation carries",
    speaking.flatMap(confidenceExamples),
    tuning.length + invented.length,
  );
}

if (require.main === module) main();
