// What may be a person's name. Every person the extractor drafts passes here first: a month, a weekday, an office,
// a pronoun, a clause word, a nationality, a news outlet, a company or a common word is never a person, however it
// stands in a sentence ("The Prime Minister said" is an office to resolve, not a person called "Minister"; "When
// asked, …" is not a speaker called "When"). A real surname that is also such a word ("May", "Bush") is reached
// through the full name the text gave first, which the register already holds, never from the word alone.
import { nameKey } from "../../domain/names";
import { stateNamed } from "./countries";
import { NOT_NAMES, ORGANIZATION_HEADS, PRONOUNS, TITLE_WORDS } from "./lexicon";

const MONTHS = new Set(
  "january february march april may june july august september october november december".split(" "),
);
const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));

/** Words that open or join clauses, which a sentence may capitalise before its subject. */
const CLAUSE_WORDS = new Set(
  (
    "and but or nor so yet if when whenever while whereas although though because since unless until after " +
    "before as once where asked speaking adding noting according responding asked answering replying " +
    "however meanwhile moreover furthermore nevertheless instead also still then now later earlier here there " +
    "yes no not never perhaps maybe indeed please thanks"
  ).split(" "),
);

/** News outlets and agencies that relay quotations: the channel, never the speaker. */
export const OUTLETS = new Set(
  [
    "reuters",
    "ap",
    "afp",
    "associated press",
    "agence france presse",
    "bbc",
    "bbc news",
    "cnn",
    "abc",
    "nbc",
    "cbs",
    "fox news",
    "sky news",
    "al jazeera",
    "xinhua",
    "tass",
    "itar tass",
    "ria novosti",
    "interfax",
    "ukrinform",
    "unian",
    "bloomberg",
    "dpa",
    "efe",
    "ansa",
    "kyodo",
    "yonhap",
    "anadolu",
    "pti",
    "euronews",
    "npr",
    "pbs",
    "itv",
    "the guardian",
    "the times",
    "the new york times",
    "the washington post",
    "the wall street journal",
    "financial times",
    "the telegraph",
    "the independent",
    "le monde",
    "der spiegel",
    "politico",
    "axios",
    "the hill",
    "the i",
  ].map(nameKey),
);

/** Last words of an outlet's name ("Sydney Morning Herald", "Kyiv Independent", "Radio Free Europe"). */
const OUTLET_HEADS = new Set(
  (
    "news times post herald tribune journal gazette telegraph chronicle guardian observer independent express " +
    "mail mirror standard inquirer examiner courier review daily weekly magazine radio tv television channel " +
    "agency press wire broadcaster broadcasting network"
  ).split(" "),
);

const COMPANY_WORDS = new Set(
  (
    "inc inc. ltd ltd. plc corp corp. corporation company co co. llc gmbh ag sa nv bv holdings group systems " +
    "industries technologies airlines airways motors pharmaceuticals bancorp partners capital labs"
  ).split(" "),
);

export type NotAPerson =
  | "empty"
  | "month"
  | "weekday"
  | "pronoun"
  | "clause word"
  | "office"
  | "nationality"
  | "news outlet"
  | "company or organization"
  | "common word"
  | "storm"
  | "event"
  | "website"
  | "not a name";

/**
 * Why `name` cannot be a person's name, or undefined when it may be one. `isCommonWord` (the register's language
 * model) tells a single common word ("Minister", "Champion", "Officials") from a surname.
 */
/** Last words of an event's name ("Olympic Games", "World Cup", "Cannes Film Festival", "Nobel Prize"). */
const EVENT_HEADS = new Set(
  (
    "games olympics paralympics cup championship championships festival prize awards summit conference congress " +
    "expo tournament marathon prix"
  ).split(" "),
);

/** Words before a storm's name. */
const STORM_WORDS = new Set(["cyclone", "hurricane", "typhoon", "storm", "tropical", "tc", "supertyphoon"]);

export function whyNotAPerson(
  name: string,
  isCommonWord: (word: string) => boolean = () => false,
): NotAPerson | undefined {
  const key = nameKey(name);
  if (!key) return "empty";
  const words = key.split(" ");
  if (/\d/.test(key)) return "not a name";
  if (!/^\p{Lu}/u.test(name.trim())) return "not a name";
  // "Harbourwatch.org", "Quay.com": a website.
  if (/\.(?:org|com|net|info|gov|edu|co|io)$/i.test(name.trim())) return "website";
  if ([key, key.replace(/^the /, ""), `the ${key}`].some((k) => OUTLETS.has(k))) return "news outlet";
  const last = words[words.length - 1]!;
  if (words.length > 1 && OUTLET_HEADS.has(last)) return "news outlet";
  if (COMPANY_WORDS.has(last) || (words.length > 1 && ORGANIZATION_HEADS.has(last))) return "company or organization";
  if (words.every((w) => TITLE_WORDS.has(w) || w === "the" || w === "of")) return "office";
  // "Cyclone Phailin", "Hurricane Ida", "T C Phailin" (a tropical cyclone): a storm has a name, not a voice.
  if (words.length > 1 && (STORM_WORDS.has(words[0]!) || /^t c /.test(key))) return "storm";
  if (words.length > 1 && EVENT_HEADS.has(last)) return "event";
  if (words.length === 1) {
    const word = words[0]!;
    if (MONTHS.has(word)) return "month";
    if (WEEKDAYS.has(word)) return "weekday";
    if (PRONOUNS[word] || ["it", "this", "that", "i", "you", "one", "who"].includes(word)) return "pronoun";
    if (CLAUSE_WORDS.has(word) || NOT_NAMES.has(word)) return "clause word";
    if (stateNamed(word)?.by === "demonym") return "nationality";
    if (isCommonWord(word)) return "common word";
  }
  return undefined;
}
