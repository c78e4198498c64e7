// Builds DOM elements from text (never from HTML strings), so data from the API cannot inject markup.

export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A button that looks like a link: the way the panel lets you go to another node. */
export function linkButton(
  label: string,
  onClick: () => void,
  attributes: Record<string, string> = {},
): HTMLButtonElement {
  const button = el("button", { type: "button", class: "link", ...attributes }, label);
  button.addEventListener("click", onClick);
  return button;
}
