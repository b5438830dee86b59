import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import type { Layout, StateRunInfo } from '../shared/graphMessages';

const SVG = 'http://www.w3.org/2000/svg';

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  // Labels are state names: user data, set as text only.
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface RenderOptions {
  onNodeClick?: (id: string) => void;
  runs?: Record<string, StateRunInfo>;
}

/** Draws a laid-out graph into `parent` (replacing its content). Returns the node elements by id. */
export function renderGraph(parent: SVGGElement, graph: GraphModel, layout: Layout, options: RenderOptions = {}): Map<string, SVGGElement> {
  parent.replaceChildren();
  const drawn = new Map<string, SVGGElement>();
  const groupLabels = new Map(graph.groups.map((g) => [g.id, g.label]));
  const compound = new Set(graph.nodes.filter((n) => n.groups).map((n) => n.id));

  for (const g of graph.groups) {
    const box = layout.nodes[g.id];
    if (!box) continue;
    const group = svgEl('g', { class: 'group' });
    group.append(svgEl('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 6 }), svgEl('text', { x: box.x + 8, y: box.y + 16, class: 'group-label' }, groupLabels.get(g.id) ?? ''));
    parent.append(group);
  }

  const edgeLayer = svgEl('g', { class: 'edges' });
  for (const e of graph.edges) {
    const laid = layout.edges[e.id];
    if (!laid || laid.points.length < 2) continue;
    const d = laid.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const g = svgEl('g', { class: `edge ${e.kind}`, 'data-source': e.source, 'data-target': e.target });
    g.append(svgEl('path', { d, 'marker-end': 'url(#arrow)' }));
    if (laid.label) {
      g.append(svgEl('rect', { x: laid.label.x - 2, y: laid.label.y, width: laid.label.width, height: laid.label.height, rx: 3, class: 'edge-label-bg' }));
      g.append(svgEl('text', { x: laid.label.x + 2, y: laid.label.y + 12, class: 'edge-label' }, laid.label.text));
    }
    edgeLayer.append(g);
  }

  const nodeLayer = svgEl('g', { class: 'nodes' });
  for (const n of graph.nodes) {
    const box = layout.nodes[n.id];
    if (!box) continue;
    const run = options.runs?.[n.label];
    const classes = ['node', `kind-${n.kind.toLowerCase()}`, compound.has(n.id) ? 'compound' : '', run ? `run-${run.status}` : ''].filter(Boolean).join(' ');
    const g = svgEl('g', { class: classes, 'data-id': n.id, tabindex: 0 });
    const marker = n.kind === 'start' || n.kind === 'end';
    g.append(svgEl('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: marker ? box.height / 2 : compound.has(n.id) ? 8 : 5 }));
    const full = compound.has(n.id) ? `${n.label} · ${n.kind}` : n.label;
    // Long names are cut to fit their box; the tooltip keeps the whole name.
    const fits = Math.max(4, Math.floor((box.width - 16) / 7));
    const label = [...full].length > fits ? `${[...full].slice(0, fits - 1).join('')}…` : full;
    const text = svgEl('text', { x: box.x + box.width / 2, y: compound.has(n.id) ? box.y + 18 : box.y + box.height / 2 + 4, class: 'label' }, label);
    g.append(text);
    const title = svgEl('title', {}, `${n.label} (${n.kind})${n.errors ? ` — ${n.errors} error(s)` : ''}${n.warnings ? ` — ${n.warnings} warning(s)` : ''}`);
    g.append(title);
    let badgeX = box.x + box.width - 4;
    for (const [count, cls] of [[n.errors, 'error'], [n.warnings, 'warning']] as const) {
      if (!count) continue;
      g.append(svgEl('circle', { cx: badgeX, cy: box.y + 4, r: 8, class: `badge ${cls}` }), svgEl('text', { x: badgeX, y: box.y + 8, class: 'badge-text' }, String(count)));
      badgeX -= 18;
    }
    if (run && (run.retries > 0 || (run.iterations ?? 0) > 0)) {
      const note = [run.retries ? `↻${run.retries}` : '', run.iterations ? `×${run.iterations}` : ''].filter(Boolean).join(' ');
      g.append(svgEl('text', { x: box.x + 4, y: box.y + box.height + 12, class: 'run-note' }, note));
    }
    if (options.onNodeClick && n.span) g.addEventListener('click', () => options.onNodeClick!(n.id));
    drawn.set(n.id, g);
    if (compound.has(n.id)) parent.insertBefore(g, parent.firstChild);
    else nodeLayer.append(g);
  }
  parent.append(edgeLayer, nodeLayer);
  return drawn;
}
