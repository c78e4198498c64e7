// Refusals carry no API codes; formatError gives them theirs, with the message, field, id and problems clients get.
import { InvalidInputError, NotFoundError } from "../../../src/domain/errors";
import { DatabaseUnavailableError } from "../../../src/graph/runtime/errors";
import { createFormatError } from "../../../src/graphql/formatError";
import { DatasetError } from "../../../src/load/dataset";

const logged: unknown[] = [];
const format = createFormatError({ exposeDetails: false, log: (e) => logged.push(e) });
const where = { message: "ignored", locations: [{ line: 1, column: 12 }], path: ["createPerson"] };

beforeEach(() => (logged.length = 0));

describe("domain errors", () => {
  it("say the field and the problem in their message", () => {
    const refused = new InvalidInputError("input.saidOn", "2025-06-07 is after source:x was published (2025-06-06)");
    expect(refused.message).toBe("input.saidOn: 2025-06-07 is after source:x was published (2025-06-06)");
    const missing = new NotFoundError("input.speaker", "person:nobody", "person, state or organization");
    expect(missing.message).toBe("input.speaker: there is no person, state or organization with id person:nobody");
  });
});

describe("formatError maps them to GraphQL codes in one place", () => {
  it("gives an invalid input BAD_USER_INPUT with its field, and its id when it has one", () => {
    expect(format(where, new InvalidInputError("input.id", "person:x already exists (a person)"))).toEqual({
      message: "input.id: person:x already exists (a person)",
      locations: where.locations,
      path: where.path,
      extensions: { code: "BAD_USER_INPUT", field: "input.id" },
    });
    const refusal = new InvalidInputError("id", "person:x said 1 statement", "person:x");
    expect(format(where, refusal).extensions).toEqual({ code: "BAD_USER_INPUT", field: "id", id: "person:x" });
  });

  it("gives a missing id NOT_FOUND with its field and id", () => {
    expect(format(where, new NotFoundError("id", "statement:nothing", "statement"))).toEqual({
      message: "id: there is no statement with id statement:nothing",
      locations: where.locations,
      path: where.path,
      extensions: { code: "NOT_FOUND", field: "id", id: "statement:nothing" },
    });
  });

  it("gives a refused dataset BAD_USER_INPUT with the first three problems and all of them in extensions", () => {
    const one = new DatasetError("importDataset", ["statements[0].saidOn: is not a real calendar date"]);
    expect(format(where, one)).toMatchObject({
      message: "importDataset: dataset refused, nothing was written: statements[0].saidOn: is not a real calendar date",
      extensions: { code: "BAD_USER_INPUT", field: "dataset", problems: one.problems },
    });
    const five = new DatasetError("importDataset", ["a", "b", "c", "d", "e"]);
    expect(format(where, five)).toMatchObject({
      message: "importDataset: dataset refused, nothing was written: a; b; c (and 2 more, see extensions.problems)",
      extensions: { code: "BAD_USER_INPUT", field: "dataset", problems: ["a", "b", "c", "d", "e"] },
    });
  });

  it("keeps mapping driver failures, and logs only what nobody expected", () => {
    expect(format(where, new DatabaseUnavailableError("down")).extensions).toEqual({ code: "DATABASE_UNAVAILABLE" });
    expect(format(where, new InvalidInputError("input.name", "must not be empty")).message).toBe(
      "input.name: must not be empty",
    );
    expect(logged).toEqual([]);
    const surprise = new Error("boom");
    expect(format({ message: "boom" }, surprise)).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(logged).toEqual([surprise]);
  });
});
