// The benchmark generator is deterministic: the same seed writes the same files byte for byte, another seed others.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../../bench/generate";

const folders: string[] = [];

function generateInto(options: { statements: number; perFile: number; seed?: number }) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kg-synthetic-"));
  folders.push(out);
  return { out, ...generateSyntheticDataset({ ...options, out }) };
}

const contents = (files: string[]) => files.map((f) => [path.basename(f), fs.readFileSync(f, "utf8")]);

afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe("the synthetic benchmark dataset", () => {
  it("writes byte-identical files for the same seed, and different ones for another seed", () => {
    const first = generateInto({ statements: 300, perFile: 100, seed: 7 });
    const second = generateInto({ statements: 300, perFile: 100, seed: 7 });
    const other = generateInto({ statements: 300, perFile: 100, seed: 8 });
    expect(contents(second.files)).toEqual(contents(first.files));
    expect(contents(other.files)).not.toEqual(contents(first.files));
  });
});
