// The first pass's statement keys (meetingKeys.ts), hashed where the work can be shared: a worker thread hashes every
// key of a file up to its speaker (startKeyHashes), since only the main thread knows the speaker's node once the file's
// entities are resolved; the main thread then adds a few characters per key (markStatements). Profiled at 1M
// statements, building and hashing the whole key strings was a third of the main thread's first pass.
import { keyHash, type BloomFilter, type KeyHash } from "./bloomFilter";
import { idKey, ownQuotationStarts, soughtKeys, soughtQuotationStarts } from "./meetingKeys";

/** What the first pass keeps of a statement: what it may meet another under (meetingKeys.ts). */
export interface StatementKeys {
  id: string;
  speaker: string;
  saidOn: string | null;
  datePrecision: string | null;
  sameAs?: string;
  quoteHash: string | null;
}

/**
 * Per statement, in order: a header (bit 0: a sameAs; bits 1–4: own quotation keys; bits 5–8: sought ones), the id
 * key's hash, the sameAs key's, then the hash of the start of each own and each sought quotation key (two words each).
 */
export type KeyHashes = Uint32Array;

/** Hashes of a file's statement keys up to the speaker (worker side). */
export function startKeyHashes(statements: readonly StatementKeys[]): KeyHashes {
  const words: number[] = [];
  const push = ([a, b]: KeyHash) => words.push(a, b);
  for (const s of statements) {
    const own = ownQuotationStarts(s);
    const sought = soughtQuotationStarts(s);
    words.push((s.sameAs ? 1 : 0) | (own.length << 1) | (sought.length << 5));
    push(keyHash(idKey(s.id)));
    if (s.sameAs) push(keyHash(idKey(s.sameAs)));
    for (const start of own) push(keyHash(start));
    for (const start of sought) push(keyHash(start));
  }
  return Uint32Array.from(words);
}

/**
 * The main thread's part for one file: each statement's sought keys checked against the earlier files' keys (`seen`),
 * a key met named in `suspects`, then every own key added, so that statements of one file never meet each other.
 * `speakers[i]` is the speaker's node token of statement i.
 */
export function markStatements(
  statements: readonly StatementKeys[],
  hashes: KeyHashes,
  speakers: readonly string[],
  seen: BloomFilter,
  suspects: Set<string>,
): void {
  const at = (i: number): KeyHash => [hashes[i]!, hashes[i + 1]!];
  const own: [number, string][] = [];
  let i = 0;
  statements.forEach((s, n) => {
    const header = hashes[i++]!;
    const sameAs = header & 1;
    const ownCount = (header >>> 1) & 15;
    const soughtCount = (header >>> 5) & 15;
    const speaker = speakers[n]!;
    const idAt = i;
    const quotationsAt = i + 2 + 2 * sameAs;
    // Sought keys in soughtKeys' order: the id, the sameAs, the quotations.
    const sought: [number, string][] = [[idAt, ""]];
    if (sameAs) sought.push([idAt + 2, ""]);
    for (let k = 0; k < soughtCount; k++) sought.push([quotationsAt + 2 * (ownCount + k), speaker]);
    sought.forEach(([word, rest], k) => {
      if (!seen.mightContainHashed(at(word), rest)) return;
      // A key met is rare: its string is built only then.
      const row = { ...s, claimId: s.id, speaker };
      suspects.add(soughtKeys(row, s.sameAs)[k]!);
    });
    own.push([idAt, ""]);
    for (let k = 0; k < ownCount; k++) own.push([quotationsAt + 2 * k, speaker]);
    i = quotationsAt + 2 * (ownCount + soughtCount);
  });
  for (const [word, rest] of own) seen.addHashed(at(word), rest);
}
