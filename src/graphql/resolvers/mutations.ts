// Curator mutations: the token and its role first (src/graphql/roles.ts), then the input's format (the dataset
// format's own rules, so a mutation accepts what a dataset would), then the data layer, which checks against the
// graph and writes in one transaction.
import { GraphQLError } from "graphql";
import type { z } from "zod";
import type { Label, EntityLabel } from "../../domain/labels";
import type { MutationResolvers } from "../../generated/graphql";
import { createEntity, deleteEntity, updateEntity } from "../../graph/writes/mutations/entities";
import type { EntityChanges, SourceChanges, StatementChanges } from "../../graph/writes/mutations/inputs";
import { mergeEntities, splitEntity } from "../../graph/writes/mutations/merging";
import { createSource, deleteSource, updateSource } from "../../graph/writes/mutations/sources";
import type { NodeRow } from "../../graph/rows";
import type { Actor } from "../../graph/writes/changes/changeLog";
import { deleteStatement, recordStatement, updateStatement } from "../../graph/writes/mutations/statements";
import {
  eventSchema,
  organizationSchema,
  personSchema,
  sourceSchema,
  stateSchema,
  statementSchema,
  venueSchema,
} from "../../load/dataset";
import { loadDataset } from "../../load/loader";
import type { GraphQLContext } from "../context";
import { hasRole, MUTATION_ROLES, type Identity, type Role } from "../roles";
import { badInput } from "../errors";

/** The dataset format's rules for single fields (ids, ISO codes, venue kinds, times). */
const FORMAT = {
  Person: personSchema.shape,
  State: stateSchema.shape,
  Organization: organizationSchema.shape,
  Venue: venueSchema.shape,
  Event: eventSchema.shape,
  Source: sourceSchema.shape,
  Statement: statementSchema.shape,
};

/** Fields an update may leave out but not clear. */
const REQUIRED: Record<Label, string[]> = {
  Person: ["name"],
  State: ["name", "isoCode"],
  Organization: ["name"],
  Venue: ["name", "kind"],
  Event: ["name"],
  Source: ["title", "publishedOn", "text"],
  Statement: ["speaker", "text", "kind", "evidence"],
};

function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Mutations need a token: ${reason}`, {
    extensions: {
      code: "UNAUTHENTICATED",
      http: { status: 401, headers: new Map([["www-authenticate", "Bearer"]]) },
    },
  });
}

function forbidden(mutation: string, needed: Role, identity: Identity): GraphQLError {
  const held = identity.roles.length ? `the role ${identity.roles.join(" and ")}` : "no role";
  return new GraphQLError(
    `${mutation} needs the ${needed} role; the token of ${JSON.stringify(identity.actor)} carries ${held}`,
    { extensions: { code: "FORBIDDEN", neededRole: needed, http: { status: 403 } } },
  );
}

/**
 * Runs a mutation for a request whose token holds the role the mutation needs (MUTATION_ROLES): UNAUTHENTICATED
 * without a valid token, FORBIDDEN without the role. Refusals of the data layer and the loader (InvalidInputError,
 * NotFoundError, DatasetError) reach the client with their codes through formatError.
 */
export async function write<T>(
  ctx: GraphQLContext,
  mutation: keyof typeof MUTATION_ROLES,
  run: () => Promise<T>,
): Promise<T> {
  const { identity } = ctx.auth;
  if (!identity) throw unauthenticated(ctx.auth.reason);
  const needed = MUTATION_ROLES[mutation];
  if (needed && !hasRole(identity, needed)) throw forbidden(mutation, needed, identity);
  return run();
}

/** Who the change log names for this request's writes: the token's curator, JWT subject or "api-token". */
export function actorOf(ctx: GraphQLContext): Actor {
  return ctx.auth.identity?.actor ?? null;
}

/** A node just written, read back for the answer (after the transaction committed). */
async function readNode(ctx: GraphQLContext, id: string): Promise<NodeRow> {
  const node = await ctx.loaders.node.load(id);
  if (!node) throw new Error(`${id} vanished after it was written`);
  return node;
}

function checked<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw badInput(`${field}: ${result.error.issues[0]?.message ?? "is invalid"}`, field);
  return result.data;
}

function nonEmpty(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${field}: must not be empty`, field);
  return trimmed;
}

function refuseNulls(kind: keyof typeof REQUIRED, input: object): void {
  for (const field of REQUIRED[kind]) {
    if ((input as Record<string, unknown>)[field] === null) {
      throw badInput(`input.${field}: cannot be cleared; leave it out to keep it as it is`, `input.${field}`);
    }
  }
}

/** Names trimmed and non-empty, id, ISO code and venue kind in the dataset format. */
function entityInput(label: EntityLabel, input: EntityChanges, updating: boolean): EntityChanges {
  if (updating) refuseNulls(label, input);
  const out: EntityChanges = { ...input };
  if (input.id != null) out.id = checked(FORMAT[label].id, input.id, "input.id");
  if (input.name != null) out.name = nonEmpty(input.name, "input.name");
  if (input.aliases != null) out.aliases = input.aliases.map((a, i) => nonEmpty(a, `input.aliases[${i}]`));
  if (input.isoCode != null) out.isoCode = checked(FORMAT.State.isoCode, input.isoCode, "input.isoCode");
  if (input.kind != null) out.kind = checked(FORMAT.Venue.kind, input.kind, "input.kind");
  return out;
}

function sourceInput(input: SourceChanges, updating: boolean): SourceChanges {
  if (updating) refuseNulls("Source", input);
  const out: SourceChanges = { ...input };
  if (input.id != null) out.id = checked(FORMAT.Source.id, input.id, "input.id");
  if (input.title != null) out.title = nonEmpty(input.title, "input.title");
  if (input.text != null && input.text.length === 0) throw badInput("input.text: must not be empty", "input.text");
  return out;
}

function statementInput(input: StatementChanges, updating: boolean): StatementChanges {
  if (updating) refuseNulls("Statement", input);
  const out: StatementChanges = { ...input };
  if (input.id != null) out.id = checked(FORMAT.Statement.id, input.id, "input.id");
  if (input.text != null) out.text = nonEmpty(input.text, "input.text");
  if (input.time != null) out.time = checked(FORMAT.Statement.time, input.time, "input.time");
  return out;
}

function entityMutations<L extends EntityLabel>(label: L) {
  return {
    create: (ctx: GraphQLContext, input: EntityChanges) =>
      write(ctx, `create${label}`, () => createEntity(ctx.db, label, entityInput(label, input, false), actorOf(ctx))),
    update: (ctx: GraphQLContext, id: string, input: EntityChanges) =>
      write(ctx, `update${label}`, () =>
        updateEntity(ctx.db, label, id, entityInput(label, input, true), actorOf(ctx)),
      ),
    delete: (ctx: GraphQLContext, id: string) =>
      write(
        ctx,
        `delete${label}`,
        async () => (await deleteEntity(ctx.db, label, id, actorOf(ctx)), { id, deleted: true }),
      ),
  };
}

const person = entityMutations("Person");
const state = entityMutations("State");
const organization = entityMutations("Organization");
const venue = entityMutations("Venue");
const event = entityMutations("Event");

export const mutationResolvers: MutationResolvers = {
  createPerson: (_p, { input }, ctx) => person.create(ctx, input),
  updatePerson: (_p, { id, input }, ctx) => person.update(ctx, id, input),
  deletePerson: (_p, { id }, ctx) => person.delete(ctx, id),
  createState: (_p, { input }, ctx) => state.create(ctx, input),
  updateState: (_p, { id, input }, ctx) => state.update(ctx, id, input),
  deleteState: (_p, { id }, ctx) => state.delete(ctx, id),
  createOrganization: (_p, { input }, ctx) => organization.create(ctx, input),
  updateOrganization: (_p, { id, input }, ctx) => organization.update(ctx, id, input),
  deleteOrganization: (_p, { id }, ctx) => organization.delete(ctx, id),
  createVenue: (_p, { input }, ctx) => venue.create(ctx, input),
  updateVenue: (_p, { id, input }, ctx) => venue.update(ctx, id, input),
  deleteVenue: (_p, { id }, ctx) => venue.delete(ctx, id),
  createEvent: (_p, { input }, ctx) => event.create(ctx, input),
  updateEvent: (_p, { id, input }, ctx) => event.update(ctx, id, input),
  deleteEvent: (_p, { id }, ctx) => event.delete(ctx, id),

  createSource: (_p, { input }, ctx) =>
    write(ctx, "createSource", () => createSource(ctx.db, sourceInput(input, false), actorOf(ctx))),
  updateSource: (_p, { id, input }, ctx) =>
    write(ctx, "updateSource", () => updateSource(ctx.db, id, sourceInput(input, true), actorOf(ctx))),
  deleteSource: (_p, { id }, ctx) =>
    write(ctx, "deleteSource", async () => (await deleteSource(ctx.db, id, actorOf(ctx)), { id, deleted: true })),

  mergeEntities: (_p, { keep, merge }, ctx) =>
    write(ctx, "mergeEntities", async () => readNode(ctx, (await mergeEntities(ctx.db, keep, merge, actorOf(ctx))).id)),
  splitEntity: (_p, { id, mergedId }, ctx) =>
    write(ctx, "splitEntity", async () => readNode(ctx, (await splitEntity(ctx.db, id, mergedId, actorOf(ctx))).id)),

  recordStatement: (_p, { input }, ctx) =>
    write(ctx, "recordStatement", () => recordStatement(ctx.db, statementInput(input, false), actorOf(ctx))),
  updateStatement: (_p, { id, input }, ctx) =>
    write(ctx, "updateStatement", () => updateStatement(ctx.db, id, statementInput(input, true), actorOf(ctx))),
  deleteStatement: (_p, { id }, ctx) =>
    write(ctx, "deleteStatement", async () => (await deleteStatement(ctx.db, id, actorOf(ctx)), { id, deleted: true })),

  importDataset: (_p, { dataset, dryRun }, ctx) =>
    write(ctx, "importDataset", async () => {
      // Exactly what `npm run seed` does with a file; a text file next to it cannot be referred to from here.
      const result = await loadDataset(ctx.db, dataset, {
        file: "importDataset",
        dryRun: dryRun ?? false,
        actor: actorOf(ctx),
      });
      const { sourceId, counts, mergedInto, resolution } = result;
      return { sourceId, ...counts, mergedInto, resolution, dryRun: result.dryRun };
    }),
};
