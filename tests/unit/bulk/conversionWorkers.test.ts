// The conversion's threads: answers taken in load order whatever order they come back in, at most so many files ahead,
// and the CSV files of several writers merged into one import.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inOrder } from "../../../src/bulk/conversionWorkers";
import { ImportFiles, mergeWritten } from "../../../src/bulk/importFiles";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("taking the threads' answers in load order", () => {
  it("consumes in order while answers come back in any order, never more than `ahead` files started", async () => {
    const started: number[] = [];
    const consumed: number[] = [];
    let running = 0;
    let most = 0;
    await inOrder(
      8,
      3,
      async (i) => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await later((8 - i) * 3);
        running--;
        return i * 10;
      },
      (result, i) => {
        expect(result).toBe(i * 10);
        consumed.push(i);
      },
    );
    expect(consumed).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(started.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBeLessThanOrEqual(4);
  });

  it("stops at the first failure in load order, and a later failure is not left unhandled", async () => {
    const consumed: number[] = [];
    await expect(
      inOrder(
        5,
        5,
        async (i) => {
          if (i === 4) throw new Error("file 4");
          await later(i === 2 ? 20 : 1);
          if (i === 2) throw new Error("file 2");
          return i;
        },
        (result) => {
          consumed.push(result);
        },
      ),
    ).rejects.toThrow("file 2");
    expect(consumed).toEqual([0, 1]);
  });
});

describe("merging the CSV files of several writers", () => {
  it("sums the counts, lists every file once and gives one multi-line option for all", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-merge-"));
    try {
      const [a, b] = [new ImportFiles(path.join(dir, "a")), new ImportFiles(path.join(dir, "b"))];
      a.node(["Person", "Entity"], { id: "person:a", name: "A" }, { space: "Entity", property: "id" });
      b.node(["Person", "Entity"], { id: "person:b", name: "B\nline" }, { space: "Entity", property: "id" });
      b.relationship("KNOWS", { space: "Entity", id: "person:b" }, { space: "Entity", id: "person:a" });
      const merged = mergeWritten([a.close(), b.close()]);
      expect(merged.nodes).toEqual({ Person: 2, Entity: 2 });
      expect(merged.relationships).toEqual({ KNOWS: 1 });
      expect(merged.files).toHaveLength(3);
      expect(merged.args.filter((x) => x.startsWith("--multiline-fields="))).toHaveLength(1);
      expect(merged.args.filter((x) => x.startsWith("--nodes=Person:Entity="))).toHaveLength(2);
      expect(merged.args.findIndex((x) => x.startsWith("--multiline"))).toBeLessThan(
        merged.args.findIndex((x) => x.startsWith("--nodes")),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
