// The Bloom filter that marks statements which may meet another: never "no" for a key added, rarely "maybe" for one
// that was not.
import { BloomFilter } from "../../../src/bulk/bloomFilter";

describe("the Bloom filter", () => {
  it("knows every key added and mistakes few others for them", () => {
    const filter = new BloomFilter(20_000, 0.001);
    for (let i = 0; i < 20_000; i++) filter.add(`i statement:st-${i}`);
    for (let i = 0; i < 20_000; i++) expect(filter.mightContain(`i statement:st-${i}`)).toBe(true);
    let mistaken = 0;
    for (let i = 20_000; i < 120_000; i++) if (filter.mightContain(`i statement:st-${i}`)) mistaken++;
    expect(mistaken / 100_000).toBeLessThan(0.003);
  });
});
