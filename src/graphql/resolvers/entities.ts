// Fields of people, states, organizations, venues, events and sources: neighbours through batch loaders.
import type { EventRow, LinkedRow, OrganizationRow, PersonRow, SpeakerRow, StateRow, VenueRow } from "../../graph/rows";
import type { Resolvers } from "../../generated/graphql";
import { statementQuery } from "../arguments";
import type { GraphQLContext } from "../context";
import type { OfficeParent, ParticipationParent } from "../parents";
import { NEIGHBOUR_FIELDS as N, STATEMENT_FIELDS as S } from "../relationFields";
import { textPiece } from "../textPieces";

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
    statements: (p, args, ctx, info) => ctx.loaders.statementPage(p.id, statementQuery(args, info, S.Person.statements)),
    mentionedIn: (p, args, ctx, info) => ctx.loaders.statementPage(p.id, statementQuery(args, info, S.Person.mentionedIn)),
    offices: async (p, _a, ctx) => (await ctx.loaders.neighbours(N.Person.offices).load(p.id)).map((l) => office(l, p, l.node as StateRow)),
    organizations: async (p, _a, ctx) => nodes<OrganizationRow>(await ctx.loaders.neighbours(N.Person.organizations).load(p.id)),
    events: (p, _a, ctx) => participations(ctx, p),
  },
  State: {
    ...named,
    statements: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, S.State.statements)),
    allStatements: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, S.State.allStatements)),
    mentionedIn: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, S.State.mentionedIn)),
    officeHolders: async (s, _a, ctx) =>
      (await ctx.loaders.neighbours(N.State.officeHolders).load(s.id)).map((l) => office(l, l.node as PersonRow, s)),
    organizations: async (s, _a, ctx) => nodes<OrganizationRow>(await ctx.loaders.neighbours(N.State.organizations).load(s.id)),
    venues: async (s, _a, ctx) => nodes<VenueRow>(await ctx.loaders.neighbours(N.State.venues).load(s.id)),
    events: (s, _a, ctx) => participations(ctx, s),
  },
  Organization: {
    ...named,
    state: async (o, _a, ctx) => first<StateRow>(await ctx.loaders.neighbours(N.Organization.state).load(o.id)),
    members: async (o, _a, ctx) => nodes<SpeakerRow>(await ctx.loaders.neighbours(N.Organization.members).load(o.id)),
    memberOf: async (o, _a, ctx) => nodes<OrganizationRow>(await ctx.loaders.neighbours(N.Organization.memberOf).load(o.id)),
    statements: (o, args, ctx, info) => ctx.loaders.statementPage(o.id, statementQuery(args, info, S.Organization.statements)),
    mentionedIn: (o, args, ctx, info) => ctx.loaders.statementPage(o.id, statementQuery(args, info, S.Organization.mentionedIn)),
    events: (o, _a, ctx) => participations(ctx, o),
  },
  Venue: {
    ...named,
    locatedIn: async (v, _a, ctx) => first<VenueRow>(await ctx.loaders.neighbours(N.Venue.locatedIn).load(v.id)),
    contains: async (v, _a, ctx) => nodes<VenueRow>(await ctx.loaders.neighbours(N.Venue.contains).load(v.id)),
    state: async (v, _a, ctx) => first<StateRow>(await ctx.loaders.neighbours(N.Venue.state).load(v.id)),
    statements: (v, args, ctx, info) => ctx.loaders.statementPage(v.id, statementQuery(args, info, S.Venue.statements)),
    mentionedIn: (v, args, ctx, info) => ctx.loaders.statementPage(v.id, statementQuery(args, info, S.Venue.mentionedIn)),
    events: async (v, _a, ctx) => nodes<EventRow>(await ctx.loaders.neighbours(N.Venue.events).load(v.id)),
  },
  Event: {
    ...named,
    date: (e) => e.date ?? null,
    datePrecision: (e) => e.datePrecision ?? null,
    startsAt: (e) => e.startsAt ?? null,
    venue: async (e, _a, ctx) => first<VenueRow>(await ctx.loaders.neighbours(N.Event.venue).load(e.id)),
    participants: async (e, _a, ctx) =>
      (await ctx.loaders.neighbours(N.Event.participants).load(e.id)).map((l) => ({
        role: l.rel.role ?? null,
        participant: l.node as SpeakerRow,
        event: e,
      })),
    statements: (e, args, ctx, info) => ctx.loaders.statementPage(e.id, statementQuery(args, info, S.Event.statements)),
    mentionedIn: (e, args, ctx, info) => ctx.loaders.statementPage(e.id, statementQuery(args, info, S.Event.mentionedIn)),
    follows: async (e, _a, ctx) => first<EventRow>(await ctx.loaders.neighbours(N.Event.follows).load(e.id)),
    followedBy: async (e, _a, ctx) => nodes<EventRow>(await ctx.loaders.neighbours(N.Event.followedBy).load(e.id)),
  },
  Source: {
    text: async (s, args, ctx) => {
      const piece = textPiece(s.id, args);
      if (s.text !== undefined) return s.text.slice(piece.start, piece.start + piece.length);
      return (await ctx.loaders.sourceText.load(piece))?.text ?? "";
    },
    textLength: async (s, _a, ctx) => {
      if (s.text !== undefined) return s.text.length;
      return (await ctx.loaders.sourceText.load({ id: s.id, start: 0, length: 0 }))?.textLength ?? 0;
    },
    statements: (s, args, ctx, info) => ctx.loaders.statementPage(s.id, statementQuery(args, info, S.Source.statements)),
  },
  Office: {},
  Participation: {},
};
