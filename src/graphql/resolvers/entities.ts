// Fields of people, states, organizations, venues, events and sources: neighbours through batch loaders. The
// statement lists and plain neighbour lists are made from the table in relationFields.ts, which the early fetches
// read too; the fields whose items wrap a neighbour (offices, participations) are written out here.
import { getNullableType, isListType, type GraphQLResolveInfo } from "graphql";
import type { NeighbourKind } from "../../graph/reads/neighbours";
import type { EventRow, LinkedRow, PersonRow, SourceRow, SpeakerRow, StateRow } from "../../graph/rows";
import type { StatementAnchor } from "../../graph/reads/statements";
import type { ResolverFn, Resolvers } from "../../generated/graphql";
import type { MentionCount, SpeakerCountRow } from "../../graph/reads/mentionCounts";
import { statementQuery, type StatementListArgs } from "../fetching/arguments";
import { mentionCountField } from "../fetching/facets";
import { linkProperties } from "../fetching/selectedProperties";
import type { GraphQLContext } from "../context";
import type { OfficeParent, ParticipationParent, StatementPage } from "../parents";
import {
  NEIGHBOUR_FIELDS as N,
  NEIGHBOUR_NODE_FIELD,
  STATEMENT_FIELDS,
  type LinkedType,
  type WrappedNeighbourField,
} from "../fetching/relationFields";
import { textPiece } from "../limits/textPieces";

type TypeResolvers<T extends LinkedType> = NonNullable<Resolvers[T]>;

/** What the schema says field F of type T resolves to: a row, a row or null, or a list of rows. */
type FieldResult<T extends LinkedType, F> = F extends keyof TypeResolvers<T>
  ? Awaited<ReturnType<Extract<TypeResolvers<T>[F], (...args: never[]) => unknown>>>
  : never;

/** A statement list under any node: its id and the list's arguments give one page. */
type StatementListResolver = ResolverFn<StatementPage, { id: string }, GraphQLContext, StatementListArgs>;

type StatementFieldResolvers<T extends LinkedType> = {
  [F in keyof (typeof STATEMENT_FIELDS)[T]]: StatementListResolver;
};

type NeighbourFieldResolvers<T extends LinkedType> = {
  [F in Exclude<keyof (typeof N)[T], WrappedNeighbourField<T>>]: ResolverFn<
    FieldResult<T, F>,
    { id: string },
    GraphQLContext,
    unknown
  >;
};

/** The statement lists of a type: one page per node, batched by the loader across the nodes of a response. */
function statementFields<T extends LinkedType>(type: T): StatementFieldResolvers<T> {
  const anchors: Record<string, StatementAnchor> = STATEMENT_FIELDS[type];
  const fields = Object.entries(anchors).map(([field, anchor]) => {
    const resolve: StatementListResolver = (node, args, ctx, info) =>
      ctx.loaders.statementPage(node.id, statementQuery(args, info, anchor));
    return [field, resolve];
  });
  // The keys are the table's own, so the object has exactly the fields of its type.
  return Object.fromEntries(fields) as StatementFieldResolvers<T>;
}

/** The neighbour fields of a type that resolve to the neighbours themselves (not to an item wrapping them). */
function neighbourFields<T extends LinkedType>(type: T): NeighbourFieldResolvers<T> {
  const kinds: Record<string, NeighbourKind> = N[type];
  const wrapped = NEIGHBOUR_NODE_FIELD[type] ?? {};
  const fields = Object.entries(kinds)
    .filter(([field]) => !Object.hasOwn(wrapped, field))
    .map(([field, kind]) => [field, neighbourField(kind)]);
  // As above; each result is the row type the schema maps the neighbour's type to, as the loader returns it.
  return Object.fromEntries(fields) as NeighbourFieldResolvers<T>;
}

/** The schema says whether a field is one neighbour (the first, or null: a venue's state) or a list of them. */
function neighbourField(kind: NeighbourKind) {
  return async (node: { id: string }, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) => {
    const neighbours = (await ctx.loaders.neighbours(kind, linkProperties(info)).load(node.id)).map((l) => l.node);
    return isListType(getNullableType(info.returnType)) ? neighbours : (neighbours[0] ?? null);
  };
}

/** Who mentions a node most (every node type has it). */
const mentioned = { mentionedMostBy: mentionCountField<SpeakerCountRow[]>("mentionedMostBy") };
/** What a speaker's statements mention most. */
const speaking = { ...mentioned, mentionsMost: mentionCountField<MentionCount[]>("mentionsMost") };

const named = {
  aliases: (n: { aliases?: string[] | null }) => n.aliases ?? [],
  fromSource: (n: { fromSource?: boolean | null }) => n.fromSource ?? true,
  claims: async (n: { id: string }, args: { field?: string | null }, ctx: GraphQLContext) => {
    const claims = await ctx.loaders.claims.load(n.id);
    return args.field ? claims.filter((c) => c.field === args.field) : claims;
  },
};

function participations(
  ctx: GraphQLContext,
  participant: SpeakerRow,
  info: GraphQLResolveInfo,
): Promise<ParticipationParent[]> {
  return ctx.loaders
    .neighbours("participations", linkProperties(info))
    .load(participant.id)
    .then((links) => links.map((l) => ({ role: l.rel.role ?? null, participant, event: l.node as EventRow })));
}

function office(link: LinkedRow, person: PersonRow, state: StateRow): OfficeParent {
  return {
    title: link.rel.title ?? "",
    since: link.rel.since ?? null,
    fromSource: link.rel.fromSource ?? true,
    person,
    state,
  };
}

export const entityResolvers: Resolvers = {
  Person: {
    ...named,
    ...speaking,
    ...statementFields("Person"),
    ...neighbourFields("Person"),
    offices: async (p, _a, ctx, info) =>
      (await ctx.loaders.neighbours(N.Person.offices, linkProperties(info)).load(p.id)).map((l) =>
        office(l, p, l.node as StateRow),
      ),
    events: (p, _a, ctx, info) => participations(ctx, p, info),
  },
  State: {
    ...named,
    ...speaking,
    ...statementFields("State"),
    ...neighbourFields("State"),
    officeHolders: async (s, _a, ctx, info) =>
      (await ctx.loaders.neighbours(N.State.officeHolders, linkProperties(info)).load(s.id)).map((l) =>
        office(l, l.node as PersonRow, s),
      ),
    events: (s, _a, ctx, info) => participations(ctx, s, info),
  },
  Organization: {
    ...named,
    ...speaking,
    ...statementFields("Organization"),
    ...neighbourFields("Organization"),
    events: (o, _a, ctx, info) => participations(ctx, o, info),
  },
  Venue: {
    ...named,
    ...mentioned,
    ...statementFields("Venue"),
    ...neighbourFields("Venue"),
  },
  Event: {
    ...named,
    ...mentioned,
    ...statementFields("Event"),
    ...neighbourFields("Event"),
    date: (e) => e.date ?? null,
    datePrecision: (e) => e.datePrecision ?? null,
    startsAt: (e) => e.startsAt ?? null,
    participants: async (e, _a, ctx, info) =>
      (await ctx.loaders.neighbours(N.Event.participants, linkProperties(info)).load(e.id)).map((l) => ({
        role: l.rel.role ?? null,
        participant: l.node as SpeakerRow,
        event: e,
      })),
  },
  Source: {
    ...mentioned,
    ...statementFields("Source"),
    text: async (s, args, ctx) => {
      const piece = textPiece(s.id, args);
      if (s.text !== undefined) return s.text.slice(piece.start, piece.start + piece.length);
      return (await ctx.loaders.sourceText.load(piece))?.text ?? "";
    },
    textLength: async (s, _a, ctx) => {
      if (s.text !== undefined) return s.text.length;
      return (await ctx.loaders.sourceText.load({ id: s.id, start: 0, length: 0 }))?.textLength ?? 0;
    },
  },
  Office: {},
  Participation: {},
  Claim: {
    precision: (c) => (c.precision as "DAY" | "MONTH" | "YEAR" | null) ?? null,
    source: async (c, _a, ctx) => (c.source ? ((await ctx.loaders.node.load(c.source)) as SourceRow | null) : null),
  },
};
