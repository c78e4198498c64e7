// Skeletons: a spelling of a name word in which transliteration and spelling variants coincide, so that "Zelensky",
// "Zelenskyy", "Zelenskiy" and "Зеленський" are one index key. A skeleton only finds candidates and tells a variant
// from a different word; it is deliberately lossy (Petrov and Petrova share one), and the scoring tells them apart.
import { nameKey } from "../names";

// Russian, Ukrainian and Belarusian letters in the common English-language romanisation. й, ё and ї read as nameKey
// folds them (и, е, і: their marks dropped), so a word romanises alike folded or not.
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", ё: "e", є: "ye", ж: "zh", з: "z", и: "i", й: "i",
  і: "i", ї: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ў: "u",
  ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
}; // prettier-ignore

/** A lower-case word in Latin letters where its script has a usual romanisation (Cyrillic); else as it is. */
export function romanize(word: string): string {
  return word.replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? c);
}

/**
 * The rules, in order, on a folded romanised word:
 * 1. Digraphs of one sound become one letter, so each romanisation's spelling of it meets the others':
 *    shch/sch → s, tch → c, dzh → j, zh → z, ch → c, sh → s, kh → h, ts/tz → c, ph → f, th → t, ck → k
 *    (Chiragan, Çırağan → ciragan; Tschaikowsky, Chaikovsky → caikovsky).
 * 2. Letters spelt differently by language: w → v, j → i, y → i, q → k, x → ks (Zelenskyy → zelenskii).
 * 3. Vowels after the first letter are dropped: transliterations disagree mostly on vowels (Umerov, Umierov → umrv;
 *    -sky, -skiy, -skyi → sk). The first letter stays, so Olena and Elena stay apart.
 * 4. Doubled letters collapse (Zelenskyy, Zelensky; Anna, Ana), once more after the vowels went (Babak → bk).
 * Words with digits are kept as they are: "11" and "1" are different numbers, not spellings.
 */
const DIGRAPHS: [RegExp, string][] = [
  [/shch|sch/g, "s"],
  [/tch/g, "c"],
  [/dzh/g, "j"],
  [/zh/g, "z"],
  [/ch/g, "c"],
  [/sh/g, "s"],
  [/kh/g, "h"],
  [/t[sz]/g, "c"],
  [/ph/g, "f"],
  [/th/g, "t"],
  [/ck/g, "k"],
];
const LETTERS: Record<string, string> = { w: "v", j: "i", y: "i", q: "k", x: "ks" };

// Words recur across candidates and names (a load compares the same names many times): their spellings are kept,
// up to a bound, as the folding and rules are most of the cost of a comparison.
const SPELLINGS = new Map<string, string>();
const MAX_SPELLINGS = 50_000;

/** A word's spelling after rules 1, 2 and 4: variants of its consonants and letters met, its vowels kept. */
export function spelling(word: string): string {
  let known = SPELLINGS.get(word);
  if (known === undefined) {
    if (SPELLINGS.size >= MAX_SPELLINGS) SPELLINGS.clear();
    known = spellingOf(word);
    SPELLINGS.set(word, known);
  }
  return known;
}

function spellingOf(word: string): string {
  let s = romanize(nameKey(word).replace(/ /g, ""));
  if (/\d/.test(s)) return s;
  for (const [pattern, replacement] of DIGRAPHS) s = s.replace(pattern, replacement);
  s = s.replace(/[wjyqx]/g, (c) => LETTERS[c] ?? c);
  return s.replace(/(.)\1+/g, "$1");
}

/** The skeleton of one word (folded or not). */
export function skeleton(word: string): string {
  const s = spelling(word);
  if (/\d/.test(s)) return s;
  return (s.slice(0, 1) + s.slice(1).replace(/[aeiou]/g, "")).replace(/(.)\1+/g, "$1");
}

/** Below this many letters a skeleton is shared by too many words to mean a variant (Tom, Tim; Lena, Lina). */
const MIN_VARIANT_SKELETON = 3;

/**
 * What two words share when one is a spelling variant of the other: the skeleton, or for a word of a shorter
 * skeleton its spelling with the vowels kept (Yulia, Julia → iulia; but Kyiv, Kiev stay apart).
 */
export function variantKey(word: string): string {
  const s = skeleton(word);
  return s.length >= MIN_VARIANT_SKELETON ? s : spelling(word);
}

/**
 * Given names romanised from one name with another first vowel (Oleksandr, Olexander, Aleksandr, Alexander): the
 * same consonants after it, at least four of them, so that short names stay apart (Olena, Elena).
 */
export function vowelInitialVariant(a: string, b: string): boolean {
  const [x, y] = [skeleton(a), skeleton(b)];
  return /^[aeiou]/.test(x) && /^[aeiou]/.test(y) && x.slice(1) === y.slice(1) && x.length > 4;
}
