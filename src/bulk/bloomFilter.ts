// A Bloom filter over strings: "certainly never added" or "maybe added". The bulk import uses it to find, in one pass
// with little memory, the few statements that may meet one of an earlier file (the same id or the same quotation),
// so that only those are followed closely in the second pass.

export class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly size: number;
  private readonly hashes: number;

  /** Sized for `expected` strings with at most this rate of false "maybe"s. */
  constructor(expected: number, falsePositiveRate = 0.001) {
    const n = Math.max(1000, expected);
    const m = Math.ceil((-n * Math.log(falsePositiveRate)) / Math.LN2 ** 2);
    this.size = Math.ceil(m / 32) * 32;
    this.bits = new Uint32Array(this.size / 32);
    this.hashes = Math.max(1, Math.round((this.size / n) * Math.LN2));
  }

  /** Bytes of memory the filter holds. */
  get bytes(): number {
    return this.bits.byteLength;
  }

  add(key: string): void {
    const [h1, h2] = hashPair(key);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h1 + i * h2) % this.size;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  mightContain(key: string): boolean {
    const [h1, h2] = hashPair(key);
    for (let i = 0; i < this.hashes; i++) {
      const bit = (h1 + i * h2) % this.size;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit hashes (FNV-1a and a multiplicative one, each finished with a mixer); the second odd. */
function hashPair(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [mix(a) >>> 0, (mix(b) | 1) >>> 0];
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
