// The generator streams: a statement file is built, checked and written before the next, so a large run fits in a
// small heap, and its files are the same bytes as before it streamed (benchmark results stay comparable).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../bench/generate";
import { projectRoot } from "../../src/config";

jest.setTimeout(120_000);

const folders: string[] = [];
const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-generate-"));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("npm run generate", () => {
  it("writes the same bytes for the same options as the generator always has", () => {
    const { files } = generateSyntheticDataset({ statements: 300, perFile: 100, out: folder() });
    const digest = crypto.createHash("sha256");
    for (const file of files) digest.update(path.basename(file)).update(fs.readFileSync(file));
    expect(digest.digest("hex")).toBe("25c762b859c995f5a4da6edda6920654fe566a44239385d67c35f88389e54199");
  });

  it("writes 300,000 statements within 256 MB of heap", () => {
    const out = folder();
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      ["--max-old-space-size=256", "--import", "tsx", "bench/generate.ts", "--statements", "300000", "--out", out],
      { cwd: projectRoot, encoding: "utf8" },
    );
    expect([run.status, run.stderr]).toEqual([0, expect.any(String)]);
    expect(run.stdout).toContain("Wrote 61 files");
    expect(fs.readdirSync(out)).toHaveLength(61);
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
