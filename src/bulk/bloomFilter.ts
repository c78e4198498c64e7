// A Bloom filter over strings: "certainly never added" or "maybe added". The bulk import uses it to find, in one pass
// with little memory, the few statements that may meet one of an earlier file (the same id or the same quotation),
// so that only those are followed closely in the second pass. A key's hash can be started on one thread and finished
// on another (KeyHash): the worker threads hash what they know of a key, the main thread only its last few characters.

/** A key's hash after some of its characters (hashFrom): two 32-bit states, not yet mixed. */
export type KeyHash = readonly [number, number];

const START: KeyHash = [0x811c9dc5, 0x9747b28c];

/** Bits of one block: a cache line of 64 bytes, where all of one key's bits are. */
const BLOCK_BITS = 512;
const BLOCK_WORDS = BLOCK_BITS / 32;
/**
 * A blocked filter misses somewhat more often than a classic one of the same size (keys crowd some blocks): this much
 * more room keeps it at the asked rate.
 */
const BLOCKED_ROOM = 1.25;

/**
 * Blocked (Putze, Sanders, Singler 2007): every bit of a key lies in one 64-byte block, so adding or testing a key
 * touches one cache line instead of one per hash. At ten million statements the filter takes over 100 MB, far beyond
 * the CPU's caches, and a classic filter's random reads are what the conversion waits for.
 */
export class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly blocks: number;
  private readonly hashes: number;

  /** Sized for `expected` strings with at most this rate of false "maybe"s. */
  constructor(expected: number, falsePositiveRate = 0.001) {
    const n = Math.max(1000, expected);
    const m = (-n * Math.log(falsePositiveRate)) / Math.LN2 ** 2;
    this.hashes = Math.max(1, Math.round((m / n) * Math.LN2));
    this.blocks = Math.ceil((m * BLOCKED_ROOM) / BLOCK_BITS);
    this.bits = new Uint32Array(this.blocks * BLOCK_WORDS);
  }

  /** Bytes of memory the filter holds. */
  get bytes(): number {
    return this.bits.byteLength;
  }

  add(key: string): void {
    this.addHashed(hashFrom(START, key));
  }

  mightContain(key: string): boolean {
    return this.mightContainHashed(hashFrom(START, key));
  }

  /** add(k + rest) for the hash of k (hashFrom). */
  addHashed(state: KeyHash, rest = ""): void {
    const [h1, h2] = finish(rest === "" ? state : hashFrom(state, rest));
    const base = (h1 % this.blocks) * BLOCK_WORDS;
    // An odd step visits distinct bits of the block; the block and the step take different bits of h1.
    const step = (h1 >>> 16) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h2 + i * step) & (BLOCK_BITS - 1);
      this.bits[base + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  }

  /** mightContain(k + rest) for the hash of k (hashFrom). */
  mightContainHashed(state: KeyHash, rest = ""): boolean {
    const [h1, h2] = finish(rest === "" ? state : hashFrom(state, rest));
    const base = (h1 % this.blocks) * BLOCK_WORDS;
    // An odd step visits distinct bits of the block; the block and the step take different bits of h1.
    const step = (h1 >>> 16) | 1;
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h2 + i * step) & (BLOCK_BITS - 1);
      if ((this.bits[base + (bit >>> 5)]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** The hash of a key's first characters: hashFrom(hashFrom(START, a), b) is the hash of a + b. */
export const keyHash = (start: string): KeyHash => hashFrom(START, start);

/** Two independent 32-bit states (FNV-1a and a multiplicative one), carried on over more characters. */
export function hashFrom([a, b]: KeyHash, more: string): KeyHash {
  for (let i = 0; i < more.length; i++) {
    const c = more.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a, b];
}

/** The two hashes of a whole key, each finished with a mixer; the second odd. */
function finish([a, b]: KeyHash): [number, number] {
  return [mix(a) >>> 0, (mix(b) | 1) >>> 0];
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
