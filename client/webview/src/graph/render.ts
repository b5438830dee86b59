import type { Layout } from '../../../../server/src/core/graph/graphLayout';
import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import { graphPicture, type PictureElement } from '../../../../server/src/core/graph/graphPicture';
import type { StateRunInfo } from '../shared/graphMessages';

const SVG = 'http://www.w3.org/2000/svg';

/** DOM nodes for a picture element (text set as text only: labels are state names, user data). */
export function toSvgElement(element: PictureElement, drawn?: Map<string, SVGGElement>): SVGElement {
  const node = document.createElementNS(SVG, element.tag);
  for (const [k, v] of Object.entries(element.attrs)) node.setAttribute(k, String(v));
  if (element.text !== undefined) node.textContent = element.text;
  for (const child of element.children ?? []) node.append(toSvgElement(child, drawn));
  if (element.node) drawn?.set(element.node, node as SVGGElement);
  return node;
}

export interface RenderOptions {
  onNodeClick?: (id: string) => void;
  runs?: Record<string, StateRunInfo>;
  taken?: ReadonlySet<string>;
}

/** Draws a laid-out graph into `parent` (replacing its content). Returns the node elements by id. */
export function renderGraph(parent: SVGGElement, graph: GraphModel, layout: Layout, options: RenderOptions = {}): Map<string, SVGGElement> {
  const drawn = new Map<string, SVGGElement>();
  parent.replaceChildren(...graphPicture(graph, layout, { runs: options.runs, taken: options.taken }).map((e) => toSvgElement(e, drawn)));
  if (options.onNodeClick) {
    for (const n of graph.nodes) if (n.span) drawn.get(n.id)?.addEventListener('click', () => options.onNodeClick!(n.id));
  }
  // A state box's right-click menu offers "Test State" (package.json webview/context; the command reads stateName).
  for (const n of graph.nodes) {
    if (n.span && n.kind !== 'missing') drawn.get(n.id)?.setAttribute('data-vscode-context', JSON.stringify({ webviewSection: 'state', stateName: n.label, preventDefaultContextMenuItems: true }));
  }
  return drawn;
}
