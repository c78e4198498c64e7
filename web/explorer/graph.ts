// The graph drawing: cytoscape with one style per kind of node; new neighbours appear around the node they came
// from, and a force-directed layout settles them without throwing the rest of the picture around.
import cytoscape from "cytoscape";
import type { Kind, Neighbourhood } from "./model";

export const KIND_COLOURS: Record<Kind, string> = {
  Person: "#2563eb",
  State: "#059669",
  Organization: "#7c3aed",
  Venue: "#d97706",
  Event: "#dc2626",
  Statement: "#64748b",
  Source: "#0f766e",
};

const SHAPES: Record<Kind, cytoscape.Css.NodeShape> = {
  Person: "ellipse",
  State: "hexagon",
  Organization: "round-octagon",
  Venue: "round-rectangle",
  Event: "diamond",
  Statement: "round-tag",
  Source: "rectangle",
};

const style: cytoscape.StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-family": "system-ui, -apple-system, Segoe UI, sans-serif",
      "font-size": 11,
      color: "#1f2937",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": "140px",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": "1px",
      width: 26,
      height: 26,
      "border-width": 0,
      "border-color": "#111827",
    },
  },
  ...(Object.keys(KIND_COLOURS) as Kind[]).map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: { "background-color": KIND_COLOURS[kind], shape: SHAPES[kind] },
  })),
  {
    selector: 'node[kind = "Statement"]',
    style: { width: 16, height: 16, "font-size": 9, color: "#475569", "text-max-width": "120px" },
  },
  { selector: "node.expanded", style: { "border-width": 2, "border-color": "#94a3b8" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#111827", "font-weight": "bold" } },
  {
    selector: "edge",
    style: {
      width: 1.2,
      "line-color": "#cbd5e1",
      "target-arrow-color": "#cbd5e1",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      "curve-style": "bezier",
      label: "data(type)",
      "font-size": 7,
      color: "#94a3b8",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
    },
  },
  {
    selector: "edge:selected, edge.near",
    style: { "line-color": "#64748b", "target-arrow-color": "#64748b", color: "#334155" },
  },
];

export class GraphView {
  private readonly cy: cytoscape.Core;

  constructor(container: HTMLElement, onTap: (id: string) => void) {
    this.cy = cytoscape({
      container,
      style,
      minZoom: 0.2,
      maxZoom: 3,
      selectionType: "single",
      boxSelectionEnabled: false,
    });
    this.cy.on("tap", "node", (event) => onTap((event.target as cytoscape.NodeSingular).id()));
  }

  get counts(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Adds what is not drawn yet around `anchor` and lays the graph out again; returns how many nodes were new. */
  merge(neighbourhood: Neighbourhood, anchor: string): number {
    const centre = this.has(anchor) ? this.cy.getElementById(anchor).position() : { x: 0, y: 0 };
    const fresh = neighbourhood.nodes.filter((node) => !this.has(node.id));
    fresh.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
      const radius = node.id === anchor ? 0 : 120;
      this.cy.add({
        group: "nodes",
        data: { id: node.id, kind: node.kind, label: node.label },
        position: { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) },
      });
    });
    for (const edge of neighbourhood.edges) {
      const id = `${edge.source}|${edge.type}|${edge.target}`;
      if (this.has(id) || !this.has(edge.source) || !this.has(edge.target)) continue;
      this.cy.add({ group: "edges", data: { id, source: edge.source, target: edge.target, type: edge.type } });
    }
    if (fresh.length > 0) this.layout();
    return fresh.length;
  }

  /** Marks a node as the selected and expanded one, and highlights its relationships. */
  select(id: string): void {
    const node = this.cy.getElementById(id);
    this.cy.elements().unselect();
    this.cy.edges().removeClass("near");
    node.addClass("expanded").select();
    node.connectedEdges().addClass("near");
  }

  fit(): void {
    this.cy.fit(undefined, 50);
  }

  clear(): void {
    this.cy.elements().remove();
  }

  private layout(): void {
    this.cy
      .layout({
        name: "cose",
        animate: false,
        randomize: false,
        fit: true,
        padding: 50,
        nodeDimensionsIncludeLabels: true,
        // Strong repulsion and gravity spread the nodes over the whole pane instead of a narrow column.
        idealEdgeLength: () => 100,
        nodeRepulsion: () => 400_000,
        edgeElasticity: () => 100,
        gravity: 80,
        numIter: 1000,
        initialTemp: 200,
        coolingFactor: 0.95,
        minTemp: 1,
      } as cytoscape.CoseLayoutOptions)
      .run();
  }
}
