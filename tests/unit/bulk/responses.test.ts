// Responses between statements in a bulk import: written between the nodes the loader writes them to (a followed
// node under its final id), once per source, and refused, as the loader refuses them, when they name a statement that
// no earlier file of the import defines.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BloomFilter } from "../../../src/bulk/bloomFilter";
import { convertToCsv, RefusedImport } from "../../../src/bulk/convert";
import { ImportFiles } from "../../../src/bulk/importFiles";
import { idKey } from "../../../src/bulk/meetingKeys";
import { fileResponses } from "../../../src/bulk/filePasses";
import { mayBeDefinedBefore, respondedKeys, ResponseWriter, splitReferences } from "../../../src/bulk/responses";
import { uniqueResponses, type ResponseWrite } from "../../../src/graph/writes/datasetWrites";
import { parseDataset } from "../../../src/load/dataset";

const dirs: string[] = [];
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bulk-responses-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const TEXT = "GENEVA: Jane Doe said the talks went well. Doe said she agreed with that.";
const span = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

/** A one-person dataset of a source, with statements of that person. */
function dataset(source: string, publishedOn: string, statements: Record<string, unknown>[]) {
  return {
    source: { id: source, title: source, publishedOn, text: TEXT },
    people: [{ id: "person:jane-doe", name: "Jane Doe" }],
    statements: statements.map((s) => ({
      speaker: "person:jane-doe",
      kind: "REPORTED",
      saidOn: "2025-03-09",
      datePrecision: "DAY",
      text: "The talks went well.",
      evidence: [span("Jane Doe said the talks went well.")],
      ...s,
    })),
  };
}

/** The RESPONDS_TO rows of a conversion's CSV files, without their headers. */
function respondsToRows(args: string[]): string[] {
  return args
    .filter((a) => a.startsWith("--relationships=RESPONDS_TO="))
    .flatMap((a) => fs.readFileSync(a.slice("--relationships=RESPONDS_TO=".length), "utf8").trim().split("\n").slice(1))
    .sort();
}

/** The datasets written to files, in this load order, and their conversion. */
function convert(...datasets: unknown[]) {
  const dir = folder();
  const files = datasets.map((d, i) => {
    const file = path.join(dir, `${i}.json`);
    fs.writeFileSync(file, JSON.stringify(d));
    return file;
  });
  return { files, conversion: convertToCsv(files, path.join(dir, "work"), { log: () => {}, workers: 1 }) };
}

const row = (from: string, to: string, relation: string, starts: number[] = []): ResponseWrite => ({
  from,
  to,
  relation,
  starts,
  ends: starts.map((s) => s + 1),
  excerpts: starts.map(String),
});

describe("responses in a bulk import", () => {
  it("tells the statements a dataset responds to from the entities it refers to", () => {
    const statement = { where: "statements[0] (statement:b).respondsTo[0].statement", id: "statement:a" };
    const person = { where: "statements[0] (statement:b).speaker", id: "person:jane-doe" };
    expect(splitReferences([statement, person])).toEqual({ statements: [statement], entities: [person] });
    expect(respondedKeys([statement])).toEqual([idKey("statement:a")]);
  });

  it("knows for sure only that a statement is not of an earlier file", () => {
    const seen = new BloomFilter(100);
    seen.add(idKey("statement:a"));
    const refs = ["statement:a", "statement:b"].map((id) => ({ where: "here", id }));
    expect(mayBeDefinedBefore(refs, seen)).toEqual(new Map([["statement:a", "statement:a"]]));
  });

  it("writes a response a source states twice once, with its last spans, as the loader does", () => {
    const rows = [row("s:1", "s:2", "ANSWERS", [1]), row("s:1", "s:2", "QUOTES"), row("s:1", "s:2", "ANSWERS", [5])];
    expect(uniqueResponses(rows)).toEqual([row("s:1", "s:2", "ANSWERS", [5]), row("s:1", "s:2", "QUOTES")]);
  });

  it("answers a file's response to a statement no earlier file defines with the loader's problem", () => {
    const writer = new ResponseWriter(new ImportFiles(folder()));
    const raw = dataset("source:b", "2025-03-10", [
      { id: "statement:b", respondsTo: [{ statement: "statement:nowhere", relation: "ANSWERS" }] },
    ]);
    const file = path.join(folder(), "b.json");
    fs.writeFileSync(file, JSON.stringify(raw));
    const responses = fileResponses(parseDataset(file, raw), TEXT)!;
    expect(writer.write(file, responses, new Map([["statement:b", "statement:b"]]), () => undefined)).toEqual([
      "statements[0] (statement:b).respondsTo[0].statement: statement:nowhere is neither defined in this dataset " +
        "nor in the graph",
    ]);
  });

  it("writes responses within a file and to an earlier file, a followed statement under its final id", async () => {
    const agreed = { agreed: span("Doe said she agreed with that.") };
    const { conversion } = convert(
      dataset("source:later", "2025-03-10", [
        { id: "statement:went-well" },
        // To a statement of its own file that the next file reports again, under that file's (earlier) id.
        {
          id: "statement:agreed",
          text: "She agreed with that.",
          evidence: [agreed.agreed],
          respondsTo: [{ statement: "statement:went-well", relation: "CONFIRMS", evidence: [agreed.agreed] }],
        },
      ]),
      dataset("source:earlier", "2025-03-08", [
        { id: "statement:talks-fine", sameAs: "statement:went-well", saidOn: "2025-03-08" },
        // To a statement of the file before, by the id it had there; without a span.
        {
          id: "statement:agreed-again",
          text: "She agreed with that.",
          saidOn: undefined,
          datePrecision: undefined,
          evidence: [agreed.agreed],
          respondsTo: [{ statement: "statement:agreed", relation: "ANSWERS" }],
        },
      ]),
    );
    const { start, end } = agreed.agreed;
    const { written } = await conversion;
    expect(respondsToRows(written.args)).toEqual([
      `"statement:agreed","statement:talks-fine","source:later","CONFIRMS","${start}","${end}",` +
        `"Doe said she agreed with that."`,
      `"statement:agreed-again","statement:agreed","source:earlier","ANSWERS"`,
    ]);
    expect(written.relationships.RESPONDS_TO).toBe(2);
  });

  it("refuses a response to a statement that no file, or only a later file, defines", async () => {
    const first = dataset("source:a", "2025-03-10", [{ id: "statement:a" }]);
    const responding = (to: string) =>
      dataset("source:b", "2025-03-10", [{ id: "statement:b", respondsTo: [{ statement: to, relation: "REJECTS" }] }]);
    const refusal = async (...datasets: unknown[]) => {
      const { files, conversion } = convert(...datasets);
      const error = await conversion.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RefusedImport);
      return (error as RefusedImport).refused.map((e) => [path.basename(e.file), e.problems, files.includes(e.file)]);
    };
    const unknown = (id: string) =>
      `statements[0] (statement:b).respondsTo[0].statement: ${id} is neither defined in this dataset nor in the graph`;
    expect(await refusal(first, responding("statement:nowhere"))).toEqual([
      ["1.json", [unknown("statement:nowhere")], true],
    ]);
    expect(await refusal(responding("statement:a"), first)).toEqual([["0.json", [unknown("statement:a")], true]]);
  });

  it("names every place of an id that no file defines, not only the first (the threads send one per id)", async () => {
    const { people: _people, ...withoutPeople } = dataset("source:c", "2025-03-10", [
      { id: "statement:c1" },
      { id: "statement:c2", mentions: ["person:jane-doe"] },
    ]);
    const { conversion } = convert(withoutPeople);
    const error = await conversion.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RefusedImport);
    const unknown = (where: string) => `${where}: person:jane-doe is neither defined in this dataset nor in the graph`;
    expect((error as RefusedImport).refused[0]!.problems).toEqual([
      unknown("statements[0] (statement:c1).speaker"),
      unknown("statements[1] (statement:c2).speaker"),
      unknown("statements[1] (statement:c2).mentions[0]"),
    ]);
  });
});
