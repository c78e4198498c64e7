// Name keys: names and aliases folded to lower case without accents, so "Çırağan" and "ciragan" are the same key.
const SPECIAL_LETTERS: Record<string, string> = { ı: "i", ø: "o", ß: "ss", ł: "l", đ: "d", æ: "ae", œ: "oe", þ: "th" };

export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ıøßłđæœþ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function nameKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(nameKey).filter(Boolean))];
}
