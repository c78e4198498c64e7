// The folder a bulk import fills: refused when it holds a database or a running Neo4j, put back as it was after a
// failure.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { assertReadyForImport, DataDirNotEmpty, rememberFolder } from "../../../src/bulk/dataDir";

const dirs: string[] = [];
const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-data-dir-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("the data dir of a bulk import", () => {
  it("is refused when it holds a database, or a Neo4j that is running", () => {
    const empty = folder();
    fs.writeFileSync(path.join(empty, "password"), "secret\n");
    expect(() => assertReadyForImport(empty)).not.toThrow();
    expect(() => assertReadyForImport(path.join(empty, "not-yet"))).not.toThrow();

    const full = folder();
    fs.mkdirSync(path.join(full, "data/databases/neo4j"), { recursive: true });
    expect(() => assertReadyForImport(full)).toThrow(/already holds a database \(data\/databases\/neo4j\)/);

    const running = folder();
    fs.writeFileSync(path.join(running, "launcher.json"), JSON.stringify({ pid: process.pid, port: 7687 }));
    expect(() => assertReadyForImport(running)).toThrow(DataDirNotEmpty);
    expect(() => assertReadyForImport(running)).toThrow(`a Neo4j (pid ${process.pid}) is running`);
  });

  it("is put back as it was: what was added goes, what was there stays", () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, "data/dbms"), { recursive: true });
    fs.writeFileSync(path.join(dir, "password"), "secret\n");
    const putBack = rememberFolder(dir);
    fs.mkdirSync(path.join(dir, "data/databases/neo4j"), { recursive: true });
    fs.writeFileSync(path.join(dir, "data/databases/neo4j/neostore"), "");
    fs.writeFileSync(path.join(dir, "data/dbms/auth.ini"), "");
    fs.mkdirSync(path.join(dir, "logs"));
    putBack();
    const list = (d: string): string[] =>
      fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(d, e.name);
        return e.isDirectory() ? [path.relative(dir, p), ...list(p)] : [path.relative(dir, p)];
      });
    expect(list(dir).sort()).toEqual(["data", "data/dbms", "password"]);

    const fresh = path.join(folder(), "new");
    const putBackFresh = rememberFolder(fresh);
    fs.mkdirSync(path.join(fresh, "data"), { recursive: true });
    putBackFresh();
    expect(fs.existsSync(fresh)).toBe(false);
  });
});
