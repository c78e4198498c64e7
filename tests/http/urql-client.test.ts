// urql with its defaults against the real server, as a frontend would use it: queries go out as GET (urql's
// `preferGetMethod` default), with no content type and no extra header, and are answered; a mutation goes out as POST
// with the token and writes. The client's version is pinned in package-lock.json.
import { cacheExchange, Client, fetchExchange, gql } from "@urql/core";
import { seededServer, TEST_TOKEN } from "../support/server";

const server = seededServer();

function client(headers: Record<string, string> = {}) {
  const sent: { method: string; contentType: string | null }[] = [];
  const urql = new Client({
    url: server.url,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { headers },
    fetch: (input, init) => {
      sent.push({ method: init?.method ?? "GET", contentType: new Headers(init?.headers).get("content-type") });
      return fetch(input, init);
    },
  });
  return { urql, sent };
}

it("sends a query as GET with its defaults and gets the answer", async () => {
  const { urql, sent } = client();
  const result = await urql
    .query(
      gql`
        query Who($id: ID!) {
          person(id: $id) {
            id
            name
          }
        }
      `,
      { id: "person:volodymyr-zelenskyy" },
    )
    .toPromise();
  expect(result.error).toBeUndefined();
  expect(result.data).toEqual({
    person: { __typename: "Person", id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
  });
  expect(sent).toEqual([{ method: "GET", contentType: null }]);
});

it("sends a mutation as POST with the token, and it writes", async () => {
  const { urql, sent } = client({ authorization: `Bearer ${TEST_TOKEN}` });
  const result = await urql
    .mutation(
      gql`
        mutation Add($input: PersonInput!) {
          createPerson(input: $input) {
            id
            name
          }
        }
      `,
      {
        input: { name: "Urql Testperson" },
      },
    )
    .toPromise();
  expect(result.error).toBeUndefined();
  expect(result.data.createPerson).toMatchObject({ id: "person:urql-testperson", name: "Urql Testperson" });
  expect(sent.map((s) => s.method)).toEqual(["POST"]);
});
