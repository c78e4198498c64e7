// The same quotation in two reports: the same words up to punctuation, case, accents and quotation style. The key is
// a hash of the folded words, so that it fits an index however long the quotation.
import { createHash } from "node:crypto";
import { nameKey } from "./names";

export function quotationKey(text: string): string {
  return createHash("sha1").update(nameKey(text)).digest("hex");
}
