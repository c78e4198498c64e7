// Reported speech in a press release's headline, written in capitals: "SENS. ADA BRANDT, JONAS WEIL ANNOUNCE FUNDING
// FOR HARBOUR REPAIRS", "SEN. BRANDT PRAISES COUNCIL VOTE ON FERRY": the members named report what follows the verb.
// A headline that says what they did ("SEN. BRANDT SECURES $2 MILLION", "… TO VISIT …") reports nothing.
import type { Span } from "../../domain/spans";
import type { Paragraph } from "../text/layout";
import { CUES, OBJECT_STEMS, OBJECT_VERBS, REPORTING_STEMS } from "../words/lexicon";

/** The title that opens such a headline: "SEN.", "SENS.", "SENATOR", "REP.", "REPS.". */
const MEMBERS = /^(?:SENS?\.|SENATORS?|REPS?\.)\s+/;
/** Verbs of a headline that report, beyond the lexicon's: "SENS. A, B CONGRATULATE …", "SEN. A WELCOMES …". */
const HEADLINE_STEMS = new Set(["congratulate", "welcome", "commend", "hail", "thank"]);
const MOST_NAMES = 4;
const LEAST_CONTENT_WORDS = 2;

export interface HeadlineReport {
  /** The members as the headline writes them ("BRANDT", "ADA BRANDT"). */
  names: string[];
  cue: string;
  /** What they report: the words after the verb. */
  content: Span;
}

/** The stem of a headline's verb ("ANNOUNCE", "ANNOUNCES", "CALL FOR"), when it reports. */
function reportingStem(word: string): string | undefined {
  const w = word.toLowerCase();
  const stem = CUES.get(w)?.stem ?? OBJECT_VERBS.get(w)?.stem ?? (w.endsWith("s") ? w.slice(0, -1) : w);
  const known = REPORTING_STEMS.has(stem) || OBJECT_STEMS.has(stem) || HEADLINE_STEMS.has(stem);
  return known && CUES.get(w)?.tense !== "participle" ? stem : undefined;
}

/** The report in the first paragraph, when it is a headline in capitals naming members and a verb that reports. */
export function headlineReport(text: string, first: Paragraph): HeadlineReport | undefined {
  const words = text.slice(first.start, first.end);
  if (words !== words.toUpperCase() || words === words.toLowerCase()) return undefined;
  const title = MEMBERS.exec(words);
  if (!title) return undefined;
  const tokens = [...words.slice(title[0].length).matchAll(/\S+/g)];
  const names: string[] = [];
  let name: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]![0];
    const bare = token.replace(/,$/, "");
    const callFor = /^CALLS?$/.test(bare) && tokens[i + 1]?.[0] === "FOR";
    const stem = name.length ? (callFor ? "call for" : reportingStem(bare)) : undefined;
    if (stem) {
      names.push(...name.join(" ").split("-"));
      const from = tokens[i + (callFor ? 2 : 1)];
      if (!from || tokens.length - i - (callFor ? 2 : 1) < LEAST_CONTENT_WORDS) return undefined;
      const start = first.start + title[0].length + from.index;
      return { names, cue: callFor ? "call for" : bare.toLowerCase(), content: { start, end: first.end } };
    }
    if (!/^[\p{Lu}][\p{Lu}’'.-]*,?$/u.test(token) || token === "AND") {
      if (token !== "AND" || !name.length) return undefined;
      names.push(name.join(" "));
      name = [];
      continue;
    }
    name.push(bare);
    if (token.endsWith(",")) {
      names.push(name.join(" "));
      name = [];
    }
    if (names.length >= MOST_NAMES || name.length > 2) return undefined;
  }
  return undefined;
}
