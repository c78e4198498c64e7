// Entity resolution without a database: the keys to find candidates by, the score of each, and the decision.
export { lookupKeys, querySpellings, spellingText } from "./lookupKeys";
export { scoreCandidate } from "./score";
export { resolve, resolveExcept } from "./decide";
export { AMBIGUOUS_THRESHOLD, MERGE_MARGIN, MERGE_THRESHOLD } from "./weights";
export type {
  EntityProfile,
  Precision,
  ResolvableLabel,
  Resolution,
  ResolutionCandidate,
  ResolutionDecision,
} from "./types";
