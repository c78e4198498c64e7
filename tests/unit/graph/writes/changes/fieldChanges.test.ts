// What the change log records of a node: its own properties and the links it owns, compared field by field.
import { canonicalJson, fieldChanges, nodeFields } from "../../../../../src/graph/writes/changes/fieldChanges";
import type { NodeState } from "../../../../../src/graph/writes/changes/nodeStates";
import { decodePosition, encodePosition } from "../../../../../src/graph/writes/changes/positions";
import { CursorError } from "../../../../../src/graph/cursor";

const statement = (overrides: Partial<NodeState> = {}): NodeState => ({
  key: "4:abc:1",
  id: "statement:s",
  label: "Statement",
  props: { id: "statement:s", text: "We will sign", kind: "DIRECT_QUOTE", quoteHash: "x1", curatedFields: ["id"] },
  links: [
    { type: "SAID", outgoing: false, id: "person:jane-doe", props: {} },
    { type: "MENTIONS", outgoing: true, id: "state:ua", props: {} },
    { type: "MENTIONS", outgoing: true, id: "person:b", props: {} },
    { type: "REPORTED_IN", outgoing: true, id: "source:tiny", props: { start: 3, end: 9, excerpt: "sign" } },
  ],
  ...overrides,
});

describe("nodeFields", () => {
  it("names a statement's properties and owned links, internal properties left out, lists sorted", () => {
    expect(Object.fromEntries(nodeFields(statement()))).toEqual({
      id: "statement:s",
      text: "We will sign",
      kind: "DIRECT_QUOTE",
      speaker: "person:jane-doe",
      mentions: ["person:b", "state:ua"],
      evidence: [{ source: "source:tiny", start: 3, end: 9 }],
    });
  });

  it("leaves out a link type the label does not own (a person's SAID belongs to its statements)", () => {
    const person: NodeState = {
      key: "4:abc:2",
      id: "person:p",
      label: "Person",
      props: { id: "person:p", name: "P", aliases: [] },
      links: [{ type: "SAID", outgoing: true, id: "statement:s", props: {} }],
    };
    expect(Object.fromEntries(nodeFields(person))).toEqual({ id: "person:p", name: "P" });
  });
});

describe("fieldChanges", () => {
  it("lists only the fields that differ, by name, with before and after", () => {
    const after = statement({
      props: { ...statement().props, text: "We will sign today", quoteHash: "x2" },
      links: statement().links.filter((l) => l.id !== "state:ua"),
    });
    expect(fieldChanges(statement(), after)).toEqual([
      { field: "mentions", before: ["person:b", "state:ua"], after: ["person:b"] },
      { field: "text", before: "We will sign", after: "We will sign today" },
    ]);
  });

  it("sees no change in the same links listed in another order", () => {
    const reordered = statement({ links: [...statement().links].reverse() });
    expect(fieldChanges(statement(), reordered)).toEqual([]);
  });

  it("gives every field with before null for a new node, and after null for a deleted one", () => {
    expect(fieldChanges(null, statement()).map((f) => [f.field, f.before])).toEqual([
      ["evidence", null],
      ["id", null],
      ["kind", null],
      ["mentions", null],
      ["speaker", null],
      ["text", null],
    ]);
    expect(fieldChanges(statement(), null).every((f) => f.after === null)).toBe(true);
  });

  it("compares objects whatever the order of their keys", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});

describe("positions", () => {
  it("round-trip through an opaque cursor", () => {
    expect(decodePosition(encodePosition(42), "after")).toBe(42);
    expect(encodePosition(42)).not.toContain("42");
  });

  it("refuse a text that is not a change's cursor, naming the argument", () => {
    expect(() => decodePosition("bm90LWEtY3Vyc29y", "after")).toThrow(CursorError);
    expect(() => decodePosition(Buffer.from("change:1.5").toString("base64url"), "after")).toThrow(/^after: /);
  });
});
