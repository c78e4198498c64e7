// Resolvers: argument checks and mapping only; every read goes through the data layer in src/graph.
import type { Resolvers } from "../generated/graphql";
import { findPerson, listPeople } from "../graph/people";
import { badInput } from "./errors";

const MAX_FIRST = 100;

function checkFirst(first: number | null | undefined): number {
  const value = first ?? 20;
  if (value < 0 || value > MAX_FIRST) throw badInput(`first must be between 0 and ${MAX_FIRST}, got ${value}`, "first");
  return value;
}

export const resolvers: Resolvers = {
  Query: {
    person: (_parent, { id }, { db }) => findPerson(db, id),
    people: (_parent, { first }, { db }) => listPeople(db, checkFirst(first)),
  },
};
