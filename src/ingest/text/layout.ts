// Where the paragraphs and sentences of an article are, as offsets into the text exactly as read (UTF-16 code
// units): extraction never edits the text, so every span it reports indexes the file the user gave.
import type { Span } from "../../domain/spans";

export interface Paragraph extends Span {
  index: number;
}

/** Paragraphs: runs of text between line breaks, blank lines or not (wire copy uses both), without edge spaces. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (!body) continue;
    out.push({ index: out.length, start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen lt col maj capt sgt sen rep gov st jr sr no vs etc inc ltd co corp " +
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m approx dept est fig mt ft"
  ).split(" "),
);

/** `Roe said.`, `Ana Lind added on Monday.`: a sentence that only attributes the quotation before it. */
export const ATTRIBUTING_VERBS = "said|says|added|adds|told|wrote|writes|noted|explained|continued|continues";
const SHORT_ATTRIBUTION = new RegExp(
  String.raw`^\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:${ATTRIBUTING_VERBS})\b[^.!?"“]{0,30}[.!?]`,
  "u",
);

/** What a new sentence may open with: a capital, a digit, an opening mark or a handle. */
const OPENS_SENTENCE = /[\p{Lu}\p{N}"“‘'«(@]/u;

/**
 * Sentence spans inside one paragraph. `opaque` ranges (quotations) are never cut: a sentence ends at ". ", "! " or
 * "? " outside them, followed by an upper-case letter, a digit, an opening mark or a handle ("@someone"), unless the
 * word before the stop is an abbreviation or an initial.
 */
export function sentencesOf(text: string, paragraph: Span, opaque: readonly Span[] = []): Span[] {
  const out: Span[] = [];
  let start = paragraph.start;
  // A stop inside a quotation ends nothing, except the one right before its closing mark when a sentence of the
  // story follows: `"… has come." In the same letter, …` (but `"…," he said`, `"…!" she cried` and `"…." Roe said.`
  // go on: the attribution is the quotation's).
  const newAfter = (o: Span) => {
    const next = text.slice(o.end, o.end + 60);
    return /^\s+\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(next) && !SHORT_ATTRIBUTION.test(next);
  };
  const inside = (i: number) => opaque.some((o) => i > o.start && i < o.end - 1 && !(i === o.end - 2 && newAfter(o)));
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const c = text[i];
    if (c !== "." && c !== "!" && c !== "?") continue;
    if (inside(i)) continue;
    let j = i + 1;
    while (j < paragraph.end && /["”’'»)\]]/.test(text[j]!)) j++;
    if (j >= paragraph.end) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < paragraph.end && /\s/.test(text[k]!)) k++;
    if (k >= paragraph.end || !OPENS_SENTENCE.test(text[k]!)) continue;
    if (c === ".") {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(paragraph.start, i - 12), i))?.[1] ?? "";
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) continue;
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < paragraph.end) out.push({ start, end: paragraph.end });
  return out;
}

/** The span among `spans` (in text order, not overlapping) that contains offset `at`: a binary search. */
export function containing<T extends Span>(spans: readonly T[], at: number): T | undefined {
  const i = lastStartingBy(spans, at);
  const s = i >= 0 ? spans[i] : undefined;
  return s && at < s.end ? s : undefined;
}

/** The spans among `spans` (in text order, not overlapping) that overlap `span`, found by a binary search. */
export function overlapping<T extends Span>(spans: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = lastStartingBy(spans, span.end - 1); i >= 0 && spans[i]!.end > span.start; i--) out.push(spans[i]!);
  return out.reverse();
}

/** The index of the last span (in text order) that starts at or before `at`; -1 if none does. */
export function lastStartingBy(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Number of words in a piece of text. */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}
