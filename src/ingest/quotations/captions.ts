// A photograph's caption or credit among the paragraphs: never someone's words, whatever stands around it ("Image:
// …", "Photo by …", "Picture from … by …", "A caption. Image by X, used under a CC BY-SA licence"), and passed over
// where a hand-over and the words it hands over to stand on either side of it. Among an interview's answers, a short
// line that does not end like a sentence is a caption too.
import type { Paragraph } from "../text/layout";

const CREDIT_LABEL = /\b(?:Image|Photo|Picture|Credit)\s*[:;]/i;
/** An editor's note among the paragraphs ("Ed.: see the catalogue", "Editor's note: …"): the publication's words. */
const EDITORS_NOTE = /^(?:Ed\.|Eds\.|Editor['’]s\s+note)\s*:/i;
const CREDIT_LINE = /^(?:File\s+)?(?:Image|Photo|Photograph|Picture)s?\s+(?:by|from|of|courtesy|via)\b/i;
/** A credit that ends a caption: "Crystals in a cave. Image by X, used under a CC BY-SA 2.0 licence" */
const CREDIT_AFTER_CAPTION = /[.!?]\s+(?:Image|Photo|Photograph|Picture)s?\s+(?:by|courtesy of)\s/i;
/** "X, photo from Wikimedia Commons by Jim Roe (CC-BY 2.0)": a photograph's maker named after "by". */
const PHOTO_BY = /\b(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?\b[^.!?]{0,60}?\bby\s+\p{Lu}/u;
/** A licence or a photo library: what a credit names and narration rarely does. */
const LICENCE = /\bCC[- ]?BY\b|Creative Commons|Wikimedia|Flickr|used (?:under|with permission)/i;
const CAPTION_MAX = 100;
/** Credits are short: a paragraph longer than this that says "photo by" is narration about a photograph. */
const CREDIT_MAX = 300;

/** Whether a paragraph is a photograph's credit or caption line. */
export function isCredit(words: string): boolean {
  const w = words.trim();
  if (w.length > CREDIT_MAX) return false;
  if (CREDIT_LABEL.test(w) || CREDIT_LINE.test(w) || CREDIT_AFTER_CAPTION.test(w)) return true;
  return PHOTO_BY.test(w) && (LICENCE.test(w) || !/[.!?]$/.test(w));
}

/**
 * A credit, an editor's note, or (where paragraphs are expected to be sentences, as answers are) a short line that
 * is not one.
 */
export function isCaption(words: string): boolean {
  const w = words.trim();
  return isCredit(w) || EDITORS_NOTE.test(w) || (w.length < CAPTION_MAX && !/[.!?…:"”’)]$/.test(w));
}

/** The paragraph before `index`, passing over photographs' credits (-1 when there is none). */
export function paragraphBefore(text: string, paragraphs: readonly Paragraph[], index: number): number {
  let at = index - 1;
  while (at >= 0 && isCredit(text.slice(paragraphs[at]!.start, paragraphs[at]!.end))) at--;
  return at;
}
