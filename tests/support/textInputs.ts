// Text inputs shared by the unit tests of the checks and the integration tests of the API that applies them.

/** n words separated by single spaces: w0 w1 … by default. */
export const words = (n: number, word = (i: number) => `w${i}`) =>
  Array.from({ length: n }, (_, i) => word(i)).join(" ");

/** Inputs with nothing a full-text index could match, and how the refusal describes each. */
export const NOTHING_TO_MATCH: [string, string][] = [
  ["*", 'has no letters or digits to match ("*")'],
  ["😀", 'has no letters or digits to match ("😀")'],
  ["\u200b", 'has no letters or digits to match ("\\u200b")'],
  ["*?-/", 'has no letters or digits to match ("*?-/")'],
  [" ", "must not be empty"],
  ["", "must not be empty"],
];
