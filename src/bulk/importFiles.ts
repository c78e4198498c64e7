// The CSV files Neo4j's importer reads (neo4j-admin database import full): one file per kind of row, each with its
// own header, so that every property keeps the type the loader gives it (a whole number is an INTEGER, a fraction a
// FLOAT, a date a DATE) and a property the loader leaves unset is absent rather than empty. Rows are written as they
// come, through a small buffer: memory does not grow with the number of rows.
import fs from "node:fs";
import path from "node:path";

/** A value with the importer type it is written as; plain strings, numbers, booleans and lists need none. */
export type Temporal = { type: "date" | "time" | "datetime"; value: string };
export type Value = string | number | boolean | string[] | number[] | Temporal | null | undefined;
export type Props = Record<string, Value>;

export const date = (value: string | null | undefined): Temporal | null =>
  value === null || value === undefined ? null : { type: "date", value };
export const time = (value: string | null | undefined): Temporal | null =>
  value === null || value === undefined ? null : { type: "time", value };
export const datetime = (value: string | null | undefined): Temporal | null =>
  value === null || value === undefined ? null : { type: "datetime", value };

/** Id spaces of the import: what a relationship's ends refer to. */
export type IdSpace = "Entity" | "NameKey" | "IdAlias";

/** Between the items of a list value: a control character no text of ours contains (checked on every item). */
export const ARRAY_DELIMITER = "\u001f";

export class ImportInputError extends Error {}

const FLUSH_AT = 1 << 20;

/** One CSV file: a header line, then rows, written in chunks. */
class CsvFile {
  private chunks: string[] = [];
  private size = 0;
  private readonly fd: number;
  /** Bytes written, counted for files of multi-line rows only. */
  bytes = 0;

  constructor(
    readonly file: string,
    header: string,
    /** Its rows have values with line breaks: the importer must be told. */
    readonly multiline: boolean,
  ) {
    this.fd = fs.openSync(file, "w");
    this.push(`${header}\n`);
  }

  push(line: string): void {
    this.chunks.push(line);
    this.size += line.length;
    if (this.multiline) this.bytes += Buffer.byteLength(line);
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    fs.writeSync(this.fd, this.chunks.join(""));
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

function typeOf(name: string, value: Exclude<Value, null | undefined>): string {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  // Whole numbers are INTEGERs, as the loader sends them (src/graph/values.ts); others FLOATs.
  if (typeof value === "number") return Number.isSafeInteger(value) ? "long" : "double";
  if (Array.isArray(value)) return listTypeOf(name, value);
  if (typeof value === "object") return value.type;
  throw new ImportInputError(`${name}: a value of type ${typeof value} cannot be imported`);
}

/** A list's items share one type: strings, or numbers (INTEGERs when every one is whole, as the loader sends them). */
function listTypeOf(name: string, items: readonly unknown[]): string {
  if (items.every((item) => typeof item === "string")) return "string[]";
  if (items.every((item) => typeof item === "number")) {
    return items.every((item) => Number.isSafeInteger(item)) ? "long[]" : "double[]";
  }
  throw new ImportInputError(`${name}: a list of strings and numbers cannot be imported`);
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

function cell(name: string, value: Exclude<Value, null | undefined>): string {
  if (typeof value === "string") return quoted(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const bad = (value as unknown[]).find((item) => typeof item === "string" && item.includes(ARRAY_DELIMITER));
    if (bad !== undefined) {
      throw new ImportInputError(
        `${name}: ${JSON.stringify(bad)} contains the character U+001F, which cannot be imported`,
      );
    }
    return quoted(value.join(ARRAY_DELIMITER));
  }
  return quoted(value.value);
}

/** One CSV file written: what it holds (an importer argument: a label list or a type) and whether rows span lines. */
export interface WrittenCsv {
  kind: "nodes" | "relationships";
  arg: string;
  file: string;
  multiline: boolean;
}

/** What was written: the importer's arguments, and the rows per label and per relationship type (to verify against). */
export interface WrittenFiles {
  args: string[];
  files: WrittenCsv[];
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** The importer's read buffer: it must hold any one value, and any file of multi-line rows whole. */
  readBufferBytes: number;
}

/** The importer's default read buffer (4 MiB). */
const READ_BUFFER = 4 << 20;

/**
 * Rows with line breaks go to files of their own, of at most this many bytes (unless one row is longer), each read as
 * one chunk: the importer's per-file multi-line parsing (format v2) fails on a chunk that ends inside a multi-line
 * value, and its global one (v1) halves the speed of the whole import.
 */
const MULTILINE_FILE = READ_BUFFER / 2;

export class ImportFiles {
  private readonly open = new Map<string, { file: CsvFile; arg: string; kind: "nodes" | "relationships" }>();
  private readonly closed: { file: CsvFile; arg: string; kind: "nodes" | "relationships" }[] = [];
  private readonly nodeCounts = new Map<string, number>();
  private readonly relationshipCounts = new Map<string, number>();
  private longestValue = 0;
  /** A value of the row being written has a line break. */
  private lineBreak = false;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** A node with these labels; with `id`, the end of relationships (its id is that property, in that id space). */
  node(labels: readonly string[], props: Props, id?: { space: IdSpace; property: string }): void {
    const idColumn = id ? `${id.property}:ID(${id.space})` : "";
    const row = this.row(props, id?.property);
    const head = labels.join(":");
    this.write(
      "nodes",
      `N ${head} ${idColumn} ${row.signature}`,
      head,
      () => [...(id ? [idColumn] : []), ...row.columns].join(","),
      [...(id ? [this.cell(id.property, props[id.property])] : []), ...row.cells],
    );
    for (const label of labels) this.nodeCounts.set(label, (this.nodeCounts.get(label) ?? 0) + 1);
  }

  relationship(
    type: string,
    from: { space: IdSpace; id: string },
    to: { space: IdSpace; id: string },
    props: Props = {},
  ): void {
    const row = this.row(props);
    this.write(
      "relationships",
      `R ${type} ${from.space} ${to.space} ${row.signature}`,
      type,
      () => [`:START_ID(${from.space})`, `:END_ID(${to.space})`, ...row.columns].join(","),
      [this.cell(":START_ID", from.id), this.cell(":END_ID", to.id), ...row.cells],
    );
    this.relationshipCounts.set(type, (this.relationshipCounts.get(type) ?? 0) + 1);
  }

  /** Closes every file and answers what the importer is to be given. */
  close(): WrittenFiles {
    for (const entry of this.open.values()) this.retire(entry);
    this.open.clear();
    const files = this.closed.map(({ file, arg, kind }) => ({ kind, arg, file: file.file, multiline: file.multiline }));
    const multilineBytes = this.closed.filter((f) => f.file.multiline).map((f) => f.file.bytes);
    const largest = Math.max(this.longestValue, ...multilineBytes);
    return {
      args: importerArgs(files),
      files,
      nodes: Object.fromEntries(this.nodeCounts),
      relationships: Object.fromEntries(this.relationshipCounts),
      readBufferBytes: Math.max(READ_BUFFER, 2 * largest),
    };
  }

  /** The set properties of a row, in their given order: its columns, cells and a signature for its file. */
  private row(props: Props, except?: string): { columns: string[]; cells: string[]; signature: string } {
    const columns: string[] = [];
    const cells: string[] = [];
    for (const name in props) {
      const value = props[name];
      if (name === except || value === null || value === undefined) continue;
      columns.push(`${name}:${typeOf(name, value)}`);
      cells.push(this.cell(name, value));
    }
    return { columns, cells, signature: columns.join(",") };
  }

  private cell(name: string, value: Value): string {
    if (value === null || value === undefined) throw new ImportInputError(`${name}: a value is missing`);
    const text = cell(name, value);
    if (text.includes("\n") || text.includes("\r")) this.lineBreak = true;
    // UTF-8 takes at most three bytes per UTF-16 unit: a bound, without encoding every value.
    if (text.length * 3 > this.longestValue) this.longestValue = Math.max(this.longestValue, Buffer.byteLength(text));
    return text;
  }

  private write(kind: "nodes" | "relationships", key: string, arg: string, header: () => string, cells: string[]) {
    const line = `${cells.join(",")}\n`;
    const multiline = this.lineBreak;
    this.lineBreak = false;
    const series = multiline ? `${key} multi-line` : key;
    let entry = this.open.get(series);
    if (entry && multiline && entry.file.bytes + Buffer.byteLength(line) > MULTILINE_FILE) {
      this.retire(entry);
      entry = undefined;
    }
    if (!entry) {
      const name = `${kind}-${String(this.closed.length + this.open.size + 1).padStart(4, "0")}.csv`;
      entry = { file: new CsvFile(path.join(this.dir, name), header(), multiline), arg, kind };
      this.open.set(series, entry);
    }
    entry.file.push(line);
  }

  private retire(entry: { file: CsvFile; arg: string; kind: "nodes" | "relationships" }): void {
    entry.file.close();
    this.closed.push(entry);
    for (const [series, open] of this.open) if (open === entry) this.open.delete(series);
  }
}

/** The importer's arguments for these files. */
function importerArgs(files: readonly WrittenCsv[]): string[] {
  const args: string[] = [];
  const multiline = files.filter((f) => f.multiline);
  if (multiline.length > 0) {
    args.push(
      "--multiline-fields-format=v2",
      `--multiline-fields=${multiline.map((f) => escapeRegex(f.file)).join(",")}`,
    );
  }
  // Options before the lists of files: a list takes every argument up to the next option.
  for (const { file, arg, kind } of files) args.push(`--${kind}=${arg}=${file}`);
  return args;
}

/** The files of several writers (the conversion's threads) as one import. */
export function mergeWritten(parts: readonly WrittenFiles[]): WrittenFiles {
  const sum = (counts: Record<string, number>[]) => {
    const total: Record<string, number> = {};
    for (const c of counts) for (const [name, n] of Object.entries(c)) total[name] = (total[name] ?? 0) + n;
    return total;
  };
  const files = parts.flatMap((p) => p.files);
  return {
    args: importerArgs(files),
    files,
    nodes: sum(parts.map((p) => p.nodes)),
    relationships: sum(parts.map((p) => p.relationships)),
    readBufferBytes: Math.max(READ_BUFFER, ...parts.map((p) => p.readBufferBytes)),
  };
}

/** The importer reads --multiline-fields as regular expressions. */
const escapeRegex = (file: string) => file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
