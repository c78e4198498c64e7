// Refusals of the write paths, free of any API's vocabulary: the GraphQL layer gives them their codes
// (src/graphql/formatError.ts), the CLI and the loader print their messages.

/** A problem a rule found with one field of a record, the field named as the dataset format names it. */
export interface FieldProblem<F extends string = string> {
  field: F;
  problem: string;
}

/** A change refused: the input field at fault (as the mutation's argument path) and what is wrong with it. */
export class InvalidInputError extends Error {
  override readonly name = "InvalidInputError";
  constructor(
    readonly field: string,
    readonly problem: string,
    /** The id the refusal is about, if any: an entity that cannot be deleted, a reference of the wrong kind. */
    readonly id?: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** An id, given in `field`, that names nothing of the kind expected ("person, state or organization"). */
export class NotFoundError extends Error {
  override readonly name = "NotFoundError";
  constructor(
    readonly field: string,
    readonly id: string,
    readonly expected: string,
  ) {
    super(`${field}: there is no ${expected} with id ${id}`);
  }
}

/** A new entity that resolution finds is one already there: nothing is created (the input may say distinctFrom). */
export class DuplicateEntityError extends Error {
  override readonly name = "DuplicateEntityError";
  constructor(
    readonly candidate: string,
    readonly score: number,
    readonly reasons: string[],
  ) {
    super(
      `input: this is ${candidate} already (score ${score.toFixed(2)}: ${reasons.join("; ")}); ` +
        `update that one, or say distinctFrom: ["${candidate}"] to create a new one`,
    );
  }
}
