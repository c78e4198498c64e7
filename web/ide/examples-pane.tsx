// The Examples pane of the IDE's sidebar: opens a ready-made operation in a tab of its own (or switches to the tab
// that already holds it), so whatever the user typed in the current tab stays.
import { useEditorContext, type GraphiQLPlugin } from "@graphiql/react";
import type { Example } from "./examples";

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5.5h11M4 10h16M4 14.5h11M4 19h16" strokeLinecap="round" />
      <circle cx="19" cy="5.5" r="1.5" />
      <circle cx="19" cy="14.5" r="1.5" />
    </svg>
  );
}

function ExamplesList({ examples }: { examples: Example[] }) {
  const editor = useEditorContext({ nonNull: true });
  const open = (example: Example) => {
    const index = editor.tabs.findIndex((tab) => tab.query === example.query);
    if (index >= 0) {
      editor.changeTab(index);
      return;
    }
    editor.addTab();
    // addTab fills the shared editors with an empty tab during React's update: fill them after it.
    setTimeout(() => {
      editor.queryEditor?.setValue(example.query);
      editor.variableEditor?.setValue(example.variables ?? "");
      editor.headerEditor?.setValue(example.headers ?? "");
    }, 0);
  };
  return (
    <section className="examples-pane" aria-label="Example operations">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>Ready-made operations over the seeded article. Each opens in a tab of its own.</p>
      <ul>
        {examples.map((example) => (
          <li key={example.title}>
            <button type="button" onClick={() => open(example)}>
              {example.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function examplesPlugin(examples: Example[]): GraphiQLPlugin {
  return {
    title: "Examples",
    icon: ExamplesIcon,
    content: () => <ExamplesList examples={examples} />,
  };
}
