// Conversations in the synthetic dataset, when asked for: the same files otherwise (the random stream is untouched),
// two responses per statement file (one to the file before, without a span), never to a statement said later.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../../bench/generate";

const folders: string[] = [];
afterAll(() => folders.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

interface Statement {
  id: string;
  saidOn: string;
  respondsTo?: { statement: string; relation: string; evidence: unknown[] }[];
}

function generate(responses: boolean): { id: string; statements: Statement[] }[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kg-synthetic-responses-"));
  folders.push(out);
  const { files } = generateSyntheticDataset({ statements: 300, perFile: 100, out, responses });
  return files.map((f) => {
    const dataset = JSON.parse(fs.readFileSync(f, "utf8"));
    return { id: dataset.source.id, statements: dataset.statements ?? [] };
  });
}

describe("responses in the synthetic dataset", () => {
  it("are added to the same statements, within a file and to the file before, with every relation", () => {
    const [plain, responding, again] = [generate(false), generate(true), generate(true)];
    expect(again).toEqual(responding);
    const without = responding.map((f) => ({
      ...f,
      statements: f.statements.map(({ respondsTo: _, ...s }) => s),
    }));
    expect(without).toEqual(plain);
    expect(plain.flatMap((f) => f.statements).filter((s) => s.respondsTo)).toEqual([]);

    const responses = responding.flatMap((f) =>
      f.statements.flatMap((s) =>
        (s.respondsTo ?? []).map((r) => ({
          file: f.id,
          from: s.id,
          to: r.statement,
          relation: r.relation,
          spans: r.evidence.length,
        })),
      ),
    );
    expect(responses).toEqual([
      {
        file: "source:synthetic-00001",
        from: "statement:st-0000050",
        to: "statement:st-0000006",
        relation: "QUOTES",
        spans: 1,
      },
      {
        file: "source:synthetic-00002",
        from: "statement:st-0000101",
        to: "statement:st-0000006",
        relation: "ANSWERS",
        spans: 0,
      },
      {
        file: "source:synthetic-00002",
        from: "statement:st-0000150",
        to: "statement:st-0000130",
        relation: "REJECTS",
        spans: 1,
      },
      {
        file: "source:synthetic-00003",
        from: "statement:st-0000201",
        to: "statement:st-0000164",
        relation: "CONFIRMS",
        spans: 0,
      },
      {
        file: "source:synthetic-00003",
        from: "statement:st-0000250",
        to: "statement:st-0000244",
        relation: "QUOTES",
        spans: 1,
      },
    ]);
    const saidOn = new Map(responding.flatMap((f) => f.statements.map((s) => [s.id, s.saidOn])));
    for (const r of responses) expect(saidOn.get(r.to)! <= saidOn.get(r.from)!).toBe(true);
  });
});
