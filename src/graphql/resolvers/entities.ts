// Fields of people, states, organizations, venues, events and sources: neighbours through batch loaders.
import type { EventRow, LinkedRow, OrganizationRow, PersonRow, SourceRow, SpeakerRow, StateRow, VenueRow } from "../../graph/rows";
import type { Resolvers } from "../../generated/graphql";
import { statementQuery } from "../arguments";
import type { GraphQLContext } from "../context";
import type { OfficeParent, ParticipationParent } from "../parents";

const nodes = <T>(links: LinkedRow[]) => links.map((l) => l.node as unknown as T);
const first = <T>(links: LinkedRow[]) => (links[0]?.node as T | undefined) ?? null;

const named = {
  aliases: (n: { aliases?: string[] | null }) => n.aliases ?? [],
  fromSource: (n: { fromSource?: boolean | null }) => n.fromSource ?? true,
};

function participations(ctx: GraphQLContext, participant: SpeakerRow): Promise<ParticipationParent[]> {
  return ctx.loaders
    .neighbours("participations")
    .load(participant.id)
    .then((links) => links.map((l) => ({ role: l.rel.role ?? null, participant, event: l.node as EventRow })));
}

function office(link: LinkedRow, person: PersonRow, state: StateRow): OfficeParent {
  return { title: link.rel.title ?? "", since: link.rel.since ?? null, fromSource: link.rel.fromSource ?? true, person, state };
}

export const entityResolvers: Resolvers = {
  Person: {
    ...named,
    statements: (p, args, ctx, info) => ctx.loaders.statementPage(p.id, statementQuery(args, info, "said")),
    mentionedIn: (p, args, ctx, info) => ctx.loaders.statementPage(p.id, statementQuery(args, info, "mentionedIn")),
    offices: async (p, _a, ctx) => (await ctx.loaders.neighbours("offices").load(p.id)).map((l) => office(l, p, l.node as StateRow)),
    organizations: async (p, _a, ctx) => nodes<OrganizationRow>(await ctx.loaders.neighbours("memberOf").load(p.id)),
    events: (p, _a, ctx) => participations(ctx, p),
  },
  State: {
    ...named,
    statements: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, "said")),
    allStatements: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, "stateAll")),
    mentionedIn: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, "mentionedIn")),
    officeHolders: async (s, _a, ctx) =>
      (await ctx.loaders.neighbours("officeHolders").load(s.id)).map((l) => office(l, l.node as PersonRow, s)),
    organizations: async (s, _a, ctx) => nodes<OrganizationRow>(await ctx.loaders.neighbours("stateOrganizations").load(s.id)),
    venues: async (s, _a, ctx) => nodes<VenueRow>(await ctx.loaders.neighbours("stateVenues").load(s.id)),
    events: (s, _a, ctx) => participations(ctx, s),
  },
  Organization: {
    ...named,
    state: async (o, _a, ctx) => first<StateRow>(await ctx.loaders.neighbours("partOf").load(o.id)),
    members: async (o, _a, ctx) => nodes<SpeakerRow>(await ctx.loaders.neighbours("members").load(o.id)),
    memberOf: async (o, _a, ctx) => nodes<OrganizationRow>(await ctx.loaders.neighbours("memberOf").load(o.id)),
    statements: (o, args, ctx, info) => ctx.loaders.statementPage(o.id, statementQuery(args, info, "said")),
    mentionedIn: (o, args, ctx, info) => ctx.loaders.statementPage(o.id, statementQuery(args, info, "mentionedIn")),
    events: (o, _a, ctx) => participations(ctx, o),
  },
  Venue: {
    ...named,
    locatedIn: async (v, _a, ctx) => first<VenueRow>(await ctx.loaders.neighbours("locatedIn").load(v.id)),
    contains: async (v, _a, ctx) => nodes<VenueRow>(await ctx.loaders.neighbours("contains").load(v.id)),
    state: async (v, _a, ctx) => first<StateRow>(await ctx.loaders.neighbours("venueState").load(v.id)),
    statements: (v, args, ctx, info) => ctx.loaders.statementPage(v.id, statementQuery(args, info, "saidAt")),
    mentionedIn: (v, args, ctx, info) => ctx.loaders.statementPage(v.id, statementQuery(args, info, "mentionedIn")),
    events: async (v, _a, ctx) => nodes<EventRow>(await ctx.loaders.neighbours("eventsHeld").load(v.id)),
  },
  Event: {
    ...named,
    date: (e) => e.date ?? null,
    datePrecision: (e) => e.datePrecision ?? null,
    startsAt: (e) => e.startsAt ?? null,
    venue: async (e, _a, ctx) => first<VenueRow>(await ctx.loaders.neighbours("heldAt").load(e.id)),
    participants: async (e, _a, ctx) =>
      (await ctx.loaders.neighbours("participants").load(e.id)).map((l) => ({
        role: l.rel.role ?? null,
        participant: l.node as SpeakerRow,
        event: e,
      })),
    statements: (e, args, ctx, info) => ctx.loaders.statementPage(e.id, statementQuery(args, info, "during")),
    mentionedIn: (e, args, ctx, info) => ctx.loaders.statementPage(e.id, statementQuery(args, info, "mentionedIn")),
    follows: async (e, _a, ctx) => first<EventRow>(await ctx.loaders.neighbours("follows").load(e.id)),
    followedBy: async (e, _a, ctx) => nodes<EventRow>(await ctx.loaders.neighbours("followedBy").load(e.id)),
  },
  Source: {
    text: async (s, _a, ctx) => s.text ?? ((await ctx.loaders.node.load(s.id)) as SourceRow | null)?.text ?? "",
    statements: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, "reportedIn")),
  },
  Office: {},
  Participation: {},
};
