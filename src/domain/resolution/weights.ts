// Every number the scoring uses, in one place, with why it has the size it has. A candidate's score is the score of
// its best-matching name plus the context that supports it (capped), so the thresholds below read as rules:
//   exact full name (0.90), variant (0.88), near spelling (0.86)     → merge on the name alone
//   initial + surname (0.80), surname only (0.76), acronym (0.82)    → ambiguous alone; merge with a shared office
//                                                                      (+0.15), a title before the name matching an
//                                                                      office (+0.13), or enough other context
//   names sharing some words (0.85 × similarity)                     → merge only with context (same venue, date…)

/** A candidate at or above this merges, unless another scores within MERGE_MARGIN of it. */
export const MERGE_THRESHOLD = 0.85;
/** A candidate at or above this (and not merged) makes the decision AMBIGUOUS rather than NEW. */
export const AMBIGUOUS_THRESHOLD = 0.6;
/** Two candidates within this of one another (inclusive) are alike: neither is chosen. */
export const MERGE_MARGIN = 0.05;

export const NAME = {
  /** The same folded name, or every word of the shorter person name found exactly in the longer. */
  exact: 0.9,
  /** The same skeleton: a transliteration or spelling variant (Zelensky, Zelenskyy), or the same words reordered. */
  variant: 0.88,
  /** Jaro-Winkler at least NEAR_WORD on a word: a near spelling or a typo. */
  near: 0.86,
  /** An initial for a given name (V. Zelensky). Few people share an initial and a surname, but some do. */
  initial: 0.8,
  /** Subtracted when one name is a bare surname: the commonest source of false merges (namesakes, relatives). */
  surnameOnlyPenalty: 0.14,
  /** An acronym for the words of the other name (NATO). Acronyms are reused, so it takes context to merge. */
  acronym: 0.82,
  /** Names that share some of their words score this times their word similarity (0..1). */
  sharedWords: 0.85,
} as const;

/** Jaro-Winkler similarity from which two words are near spellings (Kovalenko, Kovalenco: 0.96; Fidan, Fidam: 0.93). */
export const NEAR_WORD = 0.93;
/** Similarity of a word pair with the same skeleton but different letters, below an exact word (1). */
export const VARIANT_WORD = 0.95;
/** Weight of a generic word ("palace", "talks") in the word similarity of two names; other words weigh 1. */
export const GENERIC_WEIGHT = 0.5;

export const CONTEXT = {
  /** Both hold an office of the same state with a similar title: about as telling as a given name. */
  office: 0.15,
  /** A title before one's name ("President Zelensky") matches an office the other holds (state unknown). */
  titleOffice: 0.13,
  /** A shared state, organization, place or venue: supports, but many entities share each. */
  link: 0.05,
  /** A venue in the same place (IN_STATE, LOCATED_IN), or an event at the same venue. */
  place: 0.08,
  /** The same kind of venue. */
  kind: 0.02,
  /** Events on the same day; or one dated within the other's month or year (weaker). */
  sameDay: 0.1,
  dateWithin: 0.05,
  /** Events sharing participants. */
  participants: 0.05,
  /** No amount of context makes up for a name that barely matches. */
  cap: 0.2,
} as const;

/** States with the same ISO code are the same state, whatever they are called. */
export const SAME_ISO_CODE = 0.98;

/**
 * Events that are the same numbered occasion (both "first round"), at the same venue, dated alike, with participants
 * in common: one occasion, whatever each outlet calls it. Just above the merge threshold: a second such candidate
 * still makes it ambiguous.
 */
export const SAME_OCCASION = 0.86;
