// A typed client in a few lines: operations written with graphql(`…`), sent with fetch, results typed by the schema.
import { graphql } from "./generated";
import type { TypedDocumentString } from "./generated/graphql";
import introspection from "./generated/possibleTypes";

/** This API's URL; a page on another origin must be listed in the server's CORS_ORIGINS. */
const GRAPHQL_URL = "http://localhost:4000/graphql";

export async function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      // Optional: the server echoes it (readable across origins too) and logs it with the request.
      "x-request-id": crypto.randomUUID(),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: R | null; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data as R;
}

/** Fragments on an interface (Speaker) and on a union's members (TimelineItem), and the Date scalars. */
export const WhatWasSaid = graphql(`
  query WhatWasSaid($person: ID!, $from: Date) {
    person(id: $person) {
      name
      statements(first: 5, filter: { from: $from }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          text
          saidOn
          speaker {
            ... on Person {
              name
            }
            ... on State {
              name
            }
            ... on Organization {
              name
            }
          }
          evidence {
            excerpt
            source {
              title
              publishedOn
            }
          }
        }
      }
    }
    timeline(entity: $person, first: 10) {
      nodes {
        __typename
        ... on Statement {
          text
          saidOn
        }
        ... on Event {
          name
          date
          startsAt
        }
      }
    }
  }
`);

export async function latestWords(person: string): Promise<string[]> {
  const data = await request(WhatWasSaid, { person, from: "2025-01-01" });
  const lines = (data.person?.statements.nodes ?? []).map((s) => {
    const saidOn: string | null | undefined = s.saidOn; // Date is a string, as the server sends it
    return `${saidOn ?? "undated"}: ${s.text} (${s.evidence[0]?.source.title ?? "no source"})`;
  });
  for (const item of data.timeline.nodes) {
    // The union narrows on __typename.
    if (item.__typename === "Event") lines.push(`${item.date ?? "undated"} ${item.name} ${item.startsAt ?? ""}`);
  }
  return lines;
}

/** A dataset to import: the JSON scalar is `unknown`, so any JSON value fits and nothing reads it unchecked. */
export const ImportDataset = graphql(`
  mutation ImportDataset($dataset: JSON!) {
    importDataset(dataset: $dataset) {
      sourceId
      statements
    }
  }
`);

/** For a cache that resolves fragments on Speaker, Node or TimelineItem: which concrete types each may be. */
export const possibleTypes = introspection.possibleTypes;
