// statementAdded keeps the statements that statements(filter:) would list: the matcher of new statements
// (src/graph/reads/statementMatch.ts), asked about every statement of the Istanbul seed, agrees with the list for
// each kind of filter and for combinations.
import { keepsByKeys, keyedStatements } from "../../src/graph/reads/statementKeys";
import { matchingStatements, statementMatches } from "../../src/graph/reads/statementMatch";
import type { StatementFilter } from "../../src/graph/reads/statements";
import { connectTestDatabase } from "../support/database";
import { ADMIN, seededApi } from "../support/graphql";

const db = connectTestDatabase();
const api = seededApi(db);

const LIST = `query ($filter: StatementFilter, $after: String) {
  statements(filter: $filter, first: 100, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } }
}`;

async function listed(filter: StatementFilter): Promise<string[]> {
  const ids: string[] = [];
  for (let after: string | null = null; ;) {
    const page: any = (await api.data(LIST, { filter, after })).statements;
    ids.push(...page.nodes.map((n: { id: string }) => n.id));
    if (!page.pageInfo.hasNextPage) return ids.sort();
    after = page.pageInfo.endCursor;
  }
}

it("keeps exactly the statements that statements(filter:) lists, for every kind of filter", async () => {
  const all = (
    await api.data(`{ statements(first: 100) {
      nodes { id kind saidOn text speaker { id } venue { id } event { id } mentions { ... on Node { id } } }
    } }`)
  ).statements.nodes as any[];
  expect(all.length).toBeGreaterThan(5);
  const ids = all.map((s) => s.id);
  const first = <T>(values: (T | null | undefined)[]) => values.find((v) => v !== null && v !== undefined)!;
  const filters: StatementFilter[] = [
    { speaker: all[0].speaker.id },
    { state: "state:ua" },
    { state: "state:ru" },
    { venue: first(all.map((s) => s.venue?.id)) },
    { event: first(all.map((s) => s.event?.id)) },
    { mentions: first(all.map((s) => s.mentions[0]?.id)) },
    { kind: "REPORTED" },
    { kind: "DIRECT_QUOTE", state: "state:ua" },
    { from: "2025-06-01", to: "2025-06-02" },
    { text: all[0].text.split(" ").slice(0, 2).join(" ") },
    { speaker: all[0].speaker.id, text: "ceasefire" },
    { speaker: "person:nobody-at-all" },
  ];
  for (const filter of filters) {
    const expected = await listed(filter);
    const kept = (await matchingStatements(db, ids, filter)).sort();
    expect({ filter, kept }).toEqual({ filter, kept: expected });
  }
  // Every filter at once, as the subscribers of one process ask per batch: one query, the same answers.
  const counted = db.withCounter();
  const together = await statementMatches(counted, ids, filters);
  expect(counted.counter.queries).toBe(1);
  for (const [i, filter] of filters.entries()) {
    const alone = await matchingStatements(db, ids, filter);
    expect({ filter, kept: together[i] }).toEqual({ filter, kept: alone });
  }
  // At least some filters keep some statements and drop others: the comparison is not between empty lists.
  const sizes = await Promise.all(filters.map((f) => matchingStatements(db, ids, f)));
  expect(sizes.some((kept) => kept.length > 0 && kept.length < ids.length)).toBe(true);
});

it("keys read with new statements decide each filter without text as the query does, alias ids too", async () => {
  const all = (
    await api.data(`{ statements(first: 100) {
      nodes { id speaker { id } venue { id } event { id } mentions { ... on Node { id } } }
    } }`)
  ).statements.nodes as any[];
  const ids = all.map((s) => s.id);
  const speakers = [...new Set(all.map((s) => s.speaker.id as string))];
  // A merge leaves the merged-away id as an alias of the kept node: a filter by it keeps the kept node's statements.
  const people = speakers.filter((id) => id.startsWith("person:"));
  const [kept, merged] = [people[0]!, people[1]!];
  const { errors } = await api.run(
    `mutation ($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { id } }`,
    { keep: kept, merge: merged },
    ADMIN,
  );
  expect(errors).toBeUndefined();
  const some = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => !!v))];
  const filters: StatementFilter[] = [
    ...speakers.map((speaker) => ({ speaker })),
    ...some(all.map((s) => s.venue?.id)).map((venue) => ({ venue })),
    ...some(all.map((s) => s.event?.id)).map((event) => ({ event })),
    ...some(all.flatMap((s) => s.mentions.map((m: { id: string }) => m.id))).map((mentions) => ({ mentions })),
    { state: "state:ua" },
    { state: "state:ru" },
    { state: "state:tr" },
    { kind: "REPORTED" },
    { kind: "DIRECT_QUOTE", state: "state:ua" },
    { from: "2025-06-01", to: "2025-06-02" },
    { from: "2025-06-02" },
    { speaker: merged, kind: "DIRECT_QUOTE" },
    { speaker: "person:nobody-at-all" },
    { venue: speakers[0] },
  ];
  const counted = db.withCounter();
  const statements = await keyedStatements(counted, ids);
  expect(counted.counter.queries).toBe(1);
  let keptSome = 0;
  for (const filter of filters) {
    const expected = await matchingStatements(db, ids, filter);
    const decided = statements.map((s) => keepsByKeys(filter, s!));
    expect(decided.every((d) => d !== undefined)).toBe(true);
    expect({ filter, kept: ids.filter((_, i) => decided[i]) }).toEqual({ filter, kept: expected });
    if (expected.length > 0 && expected.length < ids.length) keptSome++;
  }
  expect(keptSome).toBeGreaterThan(5);
  // The merged-away id keeps what the kept id keeps.
  expect(ids.filter((_, i) => keepsByKeys({ speaker: merged }, statements[i]!))).toEqual(
    await matchingStatements(db, ids, { speaker: kept }),
  );
  expect(keepsByKeys({ text: "ceasefire" }, statements[0]!)).toBeUndefined();
});
