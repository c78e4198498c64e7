// How alike two words, and two lists of words, are: the same, a spelling variant (same skeleton), a near spelling
// (Jaro-Winkler), or another form of a person's name (Petrov, Petrova) which is a different person.
import { jaroWinkler } from "@skyra/jaro-winkler";
import { GENERIC_WORDS } from "./nameParts";
import { variantKey } from "./skeleton";
import { GENERIC_WEIGHT, NEAR_WORD, VARIANT_WORD } from "./weights";

export type WordMatch =
  { kind: "exact" | "variant" | "near"; similarity: number } | { kind: "gendered" | "none"; similarity: 0 };

/**
 * Two folded, romanised words compared: the same, a variant (the same variantKey), or near (Jaro-Winkler at least
 * NEAR_WORD and lengths within one letter). Words with digits match only exactly (2024 is not a spelling of 2025).
 * For people, alike words of which just one ends in "a" are the feminine and masculine forms of a name (Zelenska,
 * Zelenskyy; Petrova, Petrov; Aleksandra, Aleksandr) — the skeleton drops that vowel, so it is checked first.
 */
export function compareWords(a: string, b: string, person = false): WordMatch {
  if (a === b) return { kind: "exact", similarity: 1 };
  if (/\d/.test(a) || /\d/.test(b)) return { kind: "none", similarity: 0 };
  const sameSkeleton = variantKey(a) === variantKey(b);
  const similarity = jaroWinkler(a, b);
  // Jaro-Winkler forgives a lost ending (Shevchuk, Shevchenko: 0.93): a near spelling differs by a letter or so.
  const near = similarity >= NEAR_WORD && Math.abs(a.length - b.length) <= 1;
  if (!sameSkeleton && !near) return { kind: "none", similarity: 0 };
  if (person && a.endsWith("a") !== b.endsWith("a")) return { kind: "gendered", similarity: 0 };
  return sameSkeleton ? { kind: "variant", similarity: VARIANT_WORD } : { kind: "near", similarity };
}

const weight = (word: string): number => (GENERIC_WORDS.has(word) ? GENERIC_WEIGHT : 1);

export interface WordOverlap {
  /** 0..1: the mean of the Dice coefficient and the overlap coefficient of the weighted, matched words. */
  similarity: number;
  /** The words of `a` that found a match. */
  shared: string[];
}

/**
 * Words of two names paired one to one, most alike first. The Dice coefficient rewards names that are mostly the
 * same words; the overlap coefficient forgives a name that is a shorter form of the other ("Istanbul talks" for
 * "Russia–Ukraine talks in Istanbul"). Generic words weigh less, so "Ukrainian delegation" and "Russian
 * delegation" share little.
 */
export function wordOverlap(a: readonly string[], b: readonly string[]): WordOverlap {
  const pairs: { i: number; j: number; similarity: number }[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      const { similarity } = compareWords(x, y);
      if (similarity > 0) pairs.push({ i, j, similarity });
    }),
  );
  pairs.sort((p, q) => q.similarity - p.similarity || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  for (const { i, j, similarity } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    matched += similarity * Math.min(weight(a[i] ?? ""), weight(b[j] ?? ""));
  }
  const total = (words: readonly string[]) => words.reduce((sum, word) => sum + weight(word), 0);
  const [weightA, weightB] = [total(a), total(b)];
  if (matched === 0 || weightA === 0 || weightB === 0) return { similarity: 0, shared: [] };
  const dice = (2 * matched) / (weightA + weightB);
  const overlap = matched / Math.min(weightA, weightB);
  const shared = a.filter((_, i) => usedA.has(i));
  return { similarity: Math.min(1, (dice + overlap) / 2), shared };
}
