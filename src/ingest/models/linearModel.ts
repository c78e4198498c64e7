// A small logistic model: named features in, a probability out. Its weights are trained by scripts/train-models.ts
// on the tuning split of the real-news gold only (never the held-out third), deterministically, and committed under
// src/ingest/models/; at run time it is a dot product, with no network and no dependency.

export type Features = Record<string, number>;

export interface LinearModel {
  /** What the model decides, for readers of the weights file. */
  about: string;
  /** How it was trained: split, examples, iterations. */
  trainedOn: string;
  bias: number;
  weights: Record<string, number>;
}

/** The model's probability that the features describe a positive case. */
export function probability(model: LinearModel, features: Features): number {
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits a logistic model by full-batch gradient descent with L2 regularisation: deterministic for the same examples
 * in the same order (no random start, no shuffling).
 */
export function fit(
  examples: readonly { features: Features; label: boolean }[],
  options: { iterations?: number; rate?: number; l2?: number } = {},
): { bias: number; weights: Record<string, number> } {
  const iterations = options.iterations ?? 3000;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 0.001;
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.features)))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => ({
    x: Object.entries(e.features).map(([n, v]) => [index.get(n)!, v] as const),
    y: e.label ? 1 : 0,
  }));
  const w = new Float64Array(names.length);
  let b = 0;
  const n = Math.max(1, rows.length);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(names.length);
    let gb = 0;
    for (const row of rows) {
      let z = b;
      for (const [i, v] of row.x) z += w[i]! * v;
      const err = 1 / (1 + Math.exp(-z)) - row.y;
      gb += err;
      for (const [i, v] of row.x) grad[i] = grad[i]! + err * v;
    }
    b -= (rate * gb) / n;
    for (let i = 0; i < w.length; i++) w[i] = w[i]! - rate * (grad[i]! / n + l2 * w[i]!);
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { bias: round(b), weights: Object.fromEntries(names.map((name, i) => [name, round(w[i]!)])) };
}
