// The GraphQL IDE served at /graphql to browsers: GraphiQL (editor with schema autocompletion, docs, history,
// variables and headers) with the query builder and the example operations. Everything is bundled; nothing is
// fetched from elsewhere.
import { explorerPlugin } from "@graphiql/plugin-explorer";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";
import "graphiql/graphiql.css";
import "@graphiql/plugin-explorer/dist/style.css";
import "./ide.css";
import { EXAMPLES } from "./examples";
import { examplesPlugin } from "./examples-pane";

// The page is served at the GraphQL URL itself, so operations go to where the page came from: queries and mutations
// over HTTP, subscriptions over WebSocket (graphql-ws) at the same host and path. The Headers pane's headers go along
// as the connection's params, so a token there shows Change.actor.
const endpoint = `${window.location.origin}${window.location.pathname}`;
const subscriptionUrl = `${window.location.protocol === "https:" ? "wss:" : "ws:"}//${window.location.host}${
  window.location.pathname
}`;
const fetcher = createGraphiQLFetcher({ url: endpoint, subscriptionUrl });
const plugins = [examplesPlugin(EXAMPLES), explorerPlugin({ showAttribution: false })];
// First visit: one tab per query example. Later visits: the tabs the user left (GraphiQL keeps them in localStorage).
const defaultTabs = EXAMPLES.filter((example) => !example.headers).map(({ query, variables }) => ({
  query,
  variables,
}));
// GraphiQL 3 fills the variables editor of the first default tab from the `variables` prop only, and the prop would
// add a tab of its own on later visits: pass it on the first visit alone (no tabs stored yet).
const firstVisit = window.localStorage.getItem("graphiql:tabState") === null;

function Ide() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultTabs={defaultTabs}
      variables={firstVisit ? defaultTabs[0]?.variables : undefined}
      defaultEditorToolsVisibility="variables"
      shouldPersistHeaders={false}
      isHeadersEditorEnabled
    >
      <GraphiQL.Logo>
        <span className="ide-logo">
          Who said what
          <a href="/explore">graph explorer</a>
        </span>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById("graphiql")!).render(<Ide />);
