// Reported speech attributed at the end of its sentence, with more around the attribution than the short forms in
// reported.ts read: "…, Sens. A and B, both of Ohio, said Thursday at the first hearing since 2001." and "…, said
// Senate Whip A of Mississippi and Chairman B of Texas at a press conference today." Read by scanning back from the
// sentence's last verb of saying (no pattern over the whole sentence), so it stays linear in the sentence.
import { wordCount } from "../text/layout";
import { CUES, REPORTING_STEMS } from "../words/lexicon";
import type { Sentence, Site } from "../text/patterns";

/** Words between the verb and the sentence's end: when and where it was said, never a clause of its own. */
const TAIL_MAX = 90;
/** How far before the verb the speaker's words may start (titles, two names, "both of Ohio"). */
const SUBJECT_MAX = 110;
const MIN_CONTENT_WORDS = 4;
const CUE_AT = /(?:^|\s)(said|says|announced|added|stated|warned|argued|explained|noted)(?=\s|[.,]|$)/gu;
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/** What may stand between a speaker's name and the verb: "both D-W.Va.", "who chairs the panel", "of Ohio". */
const APPOSITION = /^(?:|(?:both|all|each|who|of|from|a|an)\b[^,]{0,60}|\p{Lu}-[\p{L}.]{1,12})$/u;
/** Where the speaker's words stop after an inverted verb ("said X at …", "said X on Tuesday"). */
const AFTER_SPEAKER = new RegExp(
  String.raw`\b(?:at|on|in|during|after|before|while|today|yesterday|this|last|${WEEKDAYS})\b|[,;.(]`,
  "u",
);

/** The speaker's words up to their first comma or bracket ("Sens. A and B, both of Ohio" → "Sens. A and B"). */
function firstPart(words: string): string {
  const stop = words.search(/[,(]/);
  return (stop < 0 ? words : words.slice(0, stop)).trim();
}

/**
 * A person's name without the place after it ("Trent Lott of Mississippi" → "Trent Lott"); an institution's "of"
 * stays ("Bank of England", "the University of Oxford": one capitalised word before it).
 */
function withoutPlace(words: string): string {
  const of = words.indexOf(" of ");
  if (of < 0) return words;
  const before = words.slice(0, of).replace(/^the\s+/i, "");
  return before.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length >= 2 ? words.slice(0, of) : words;
}

/** The first of two people joined by "and", when both are named ("A of Mississippi and Chairman B" → "A"). */
function firstOfTwo(words: string): string {
  const and = words.indexOf(" and ");
  return withoutPlace(and > 0 && /\p{Lu}/u.test(words.slice(and + 5, and + 6)) ? words.slice(0, and) : words);
}

export function tailSite(sentence: string, s: Sentence): Site | undefined {
  const body = sentence.trimEnd();
  if (!body.endsWith(".")) return undefined;
  const cues = [...body.matchAll(CUE_AT)];
  const last = cues.at(-1);
  if (!last) return undefined;
  const cue = last[1]!;
  const info = CUES.get(cue);
  if (!info || info.tense === "participle" || !REPORTING_STEMS.has(info.stem)) return undefined;
  const cueAt = last.index + last[0].indexOf(cue);
  const tail = body.slice(cueAt + cue.length);
  if (/["“”«»]|\bthat\b/u.test(tail)) return undefined;
  const around = { start: s.start, end: s.end };
  const site = (phrase: string, at: number): Site => ({
    phrase,
    phraseAt: s.start + at,
    cue,
    tense: info.tense,
    perfect: false,
    around,
  });

  // "…, X (, both of Ohio,) said …": the speaker between the content's last comma and the verb; commas inside the
  // speaker's words ("A and B, both D-W.Va.,") are passed over while the words after them do not start a name.
  const floor = Math.max(0, cueAt - SUBJECT_MAX);
  if (tail.length <= TAIL_MAX)
    for (let comma = body.lastIndexOf(",", cueAt - 1); comma > floor; comma = body.lastIndexOf(",", comma - 1)) {
      const words = body
        .slice(comma + 1, cueAt)
        .trim()
        .replace(/,$/, "");
      if (!/^(?:the\s+)?\p{Lu}/u.test(words)) {
        if (APPOSITION.test(words)) continue;
        break;
      }
      const speaker = firstOfTwo(firstPart(words));
      if (wordCount(body.slice(0, comma)) < MIN_CONTENT_WORDS || !speaker) break;
      return site(speaker, comma + 1 + body.slice(comma + 1).indexOf(speaker));
    }

  // "…, said X …": the verb right after the comma, the speaker after it.
  if (/,\s*$/u.test(body.slice(Math.max(0, cueAt - 3), cueAt)) && tail.length <= 2 * TAIL_MAX) {
    const stop = tail.search(AFTER_SPEAKER);
    const speaker = firstOfTwo((stop < 0 ? tail : tail.slice(0, stop)).trim());
    const content = body.slice(0, body.lastIndexOf(",", cueAt));
    if (!/^(?:the\s+)?\p{Lu}/u.test(speaker) || wordCount(content) < MIN_CONTENT_WORDS) return undefined;
    return site(speaker, cueAt + cue.length + tail.indexOf(speaker));
  }
  return undefined;
}
