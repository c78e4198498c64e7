// The importer's CSV files: one file per label (or type) and set of properties, each with a typed header; values
// quoted as the importer reads them; rows with line breaks in small files of their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ARRAY_DELIMITER, date, ImportFiles, ImportInputError, time } from "../../../src/bulk/importFiles";

const dirs: string[] = [];
function files() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-import-files-"));
  dirs.push(dir);
  return new ImportFiles(dir);
}
const read = (file: string) => fs.readFileSync(file, "utf8");
/** --nodes=Label:Entity=/tmp/…/nodes-0001.csv → [kind, what, contents]. */
const written = (args: string[]) =>
  args
    .filter((a) => /^--(nodes|relationships)=/.test(a))
    .map((a) => {
      const [, kind, what, file] = /^--(\w+)=(.*)=(.*)$/.exec(a)!;
      return [kind, what, read(file!)];
    });

afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the importer's CSV files", () => {
  it("gives each set of properties its own typed header and leaves unset ones out", () => {
    const out = files();
    const id = { space: "Entity" as const, property: "id" };
    out.node(
      ["Statement", "Entity"],
      { id: "statement:a", text: 'He said "no"', saidOn: date("2025-03-03"), recurring: false },
      id,
    );
    out.node(
      ["Statement", "Entity"],
      { id: "statement:b", text: "Yes", saidOn: date(null), time: time("13:00+01:00"), recurring: true },
      id,
    );
    out.relationship(
      "REPORTED_IN",
      { space: "Entity", id: "statement:a" },
      { space: "Entity", id: "source:x" },
      {
        start: 3,
        end: 10,
        extractionConfidence: 0.85,
      },
    );
    out.relationship(
      "REPORTED_IN",
      { space: "Entity", id: "statement:b" },
      { space: "Entity", id: "source:x" },
      {
        start: 3,
        end: 10,
        extractionConfidence: 1,
      },
    );
    const result = out.close();
    expect(written(result.args)).toEqual([
      [
        "nodes",
        "Statement:Entity",
        'id:ID(Entity),text:string,saidOn:date,recurring:boolean\n"statement:a","He said ""no""","2025-03-03",false\n',
      ],
      [
        "nodes",
        "Statement:Entity",
        'id:ID(Entity),text:string,time:time,recurring:boolean\n"statement:b","Yes","13:00+01:00",true\n',
      ],
      [
        "relationships",
        "REPORTED_IN",
        ":START_ID(Entity),:END_ID(Entity),start:long,end:long,extractionConfidence:double\n" +
          '"statement:a","source:x",3,10,0.85\n',
      ],
      [
        "relationships",
        "REPORTED_IN",
        ":START_ID(Entity),:END_ID(Entity),start:long,end:long,extractionConfidence:long\n" +
          '"statement:b","source:x",3,10,1\n',
      ],
    ]);
    expect(result.nodes).toEqual({ Statement: 2, Entity: 2 });
    expect(result.relationships).toEqual({ REPORTED_IN: 2 });
  });

  it("joins a list with a delimiter no value may contain", () => {
    const out = files();
    out.node(["Person"], { name: "Jane", aliases: ["Doe", "J. Doe"] });
    expect(written(out.close().args)[0]![2]).toBe(
      `name:string,aliases:string[]\n"Jane","Doe${ARRAY_DELIMITER}J. Doe"\n`,
    );
    expect(() => files().node(["Person"], { aliases: [`a${ARRAY_DELIMITER}b`] })).toThrow(ImportInputError);
  });

  it("types a list of whole numbers as INTEGERs, as the loader stores them, and others as FLOATs", () => {
    const out = files();
    const [a, b] = [
      { space: "Entity" as const, id: "statement:a" },
      { space: "Entity" as const, id: "statement:b" },
    ];
    out.relationship("RESPONDS_TO", a, b, { starts: [3, 40], scores: [0.5, 1] });
    expect(written(out.close().args)[0]![2]).toBe(
      ":START_ID(Entity),:END_ID(Entity),starts:long[],scores:double[]\n" +
        `"statement:a","statement:b","3${ARRAY_DELIMITER}40","0.5${ARRAY_DELIMITER}1"\n`,
    );
    expect(() => files().relationship("RESPONDS_TO", a, b, { mixed: ["a", 1] as string[] })).toThrow(ImportInputError);
  });

  it("puts rows with line breaks in files of their own, named for multi-line parsing, options before the lists", () => {
    const out = files();
    const text = `${"x".repeat(1_500_000)}\n\nmore`;
    for (const id of ["source:a", "source:b", "source:c"]) {
      out.node(["Source"], { id, text }, { space: "Entity", property: "id" });
    }
    out.node(["Source"], { id: "source:d", text: "one line" }, { space: "Entity", property: "id" });
    const { args, readBufferBytes } = out.close();
    const lists = args.filter((a) => a.startsWith("--nodes="));
    expect(args.slice(0, 2).map((a) => a.split("=")[0])).toEqual(["--multiline-fields-format", "--multiline-fields"]);
    // Each multi-line file stays one chunk of the importer's read buffer.
    expect(lists).toHaveLength(4);
    const multiline = args[1]!.slice("--multiline-fields=".length).split(",");
    expect(multiline).toHaveLength(3);
    expect(readBufferBytes).toBeGreaterThanOrEqual(2 * 1_500_000);
  });
});
