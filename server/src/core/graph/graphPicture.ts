import type { Layout } from './graphLayout';
import type { GraphModel } from './graphModel';

/** An SVG element to draw, as data: the webview makes DOM nodes of it, `asl graph` writes it as text. */
export interface PictureElement {
  tag: 'g' | 'rect' | 'text' | 'path' | 'circle' | 'title' | 'marker' | 'defs';
  attrs: Record<string, string | number>;
  /** Text content (state names are user data: always set as text, never as markup). */
  text?: string;
  children?: PictureElement[];
  /** Set on a node's group: the graph node it draws (for clicks and selection). */
  node?: string;
}

/** How a state fared in a run (the execution overlay); StateRunInfo has these fields. */
export interface RunMark {
  status: string;
  retries: number;
  iterations?: number;
}

const el = (tag: PictureElement['tag'], attrs: PictureElement['attrs'], children?: PictureElement[], text?: string): PictureElement => ({
  tag,
  attrs,
  ...(children ? { children } : {}),
  ...(text !== undefined ? { text } : {}),
});

const arrow = (id: string, cls: string): PictureElement =>
  el('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 9, markerHeight: 9, orient: 'auto-start-reverse' }, [
    el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: cls }),
  ]);

/** The arrowheads edges end with: `url(#arrow)`, and for edges a run took (the CSS switches them) green or orange. */
export const ARROW_MARKERS: PictureElement[] = [arrow('arrow', 'arrow'), arrow('arrow-taken', 'arrow taken'), arrow('arrow-caught', 'arrow caught')];

/** The run overlay: each state's mark by name, and the ids of the edges the run took. */
export interface PictureRun {
  runs?: Record<string, RunMark>;
  taken?: ReadonlySet<string>;
}

/**
 * A laid-out graph as SVG elements, back to front: Parallel/Map frames, their group boxes, the edges with
 * their labels, then the states with names, tooltips, problem badges, the Retry mark (↻ and the number of
 * retriers), run notes, and a selection ring (hidden unless the node is `.selected`).
 */
export function graphPicture(graph: GraphModel, layout: Layout, { runs = {}, taken }: PictureRun = {}): PictureElement[] {
  const compound = new Set(graph.nodes.filter((n) => n.groups).map((n) => n.id));
  const frames: PictureElement[] = [];
  const nodes: PictureElement[] = [];
  for (const n of graph.nodes) {
    const box = layout.nodes[n.id];
    if (!box) continue;
    const run = Object.hasOwn(runs, n.label) ? runs[n.label] : undefined;
    const isCompound = compound.has(n.id);
    const classes = ['node', `kind-${n.kind.toLowerCase()}`, isCompound ? 'compound' : '', run ? `run-${run.status}` : ''].filter(Boolean).join(' ');
    const marker = n.kind === 'start' || n.kind === 'end';
    const full = isCompound ? `${n.label} · ${n.kind}` : n.label;
    // Long names are cut to fit their box; the tooltip keeps the whole name.
    const fits = Math.max(4, Math.floor((box.width - 16) / 7));
    const label = [...full].length > fits ? `${[...full].slice(0, fits - 1).join('')}…` : full;
    const rx = marker ? box.height / 2 : isCompound ? 8 : 5;
    const children = [
      el('rect', { x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8, rx: rx + 3, class: 'select-ring' }),
      el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx, class: 'box' }),
      el('text', { x: box.x + box.width / 2, y: isCompound ? box.y + 18 : box.y + box.height / 2 + 4, class: 'label' }, undefined, label),
      el('title', {}, undefined, `${n.label} (${n.kind})${n.retriers ? ` — ${n.retriers} retrier(s)` : ''}${n.errors ? ` — ${n.errors} error(s)` : ''}${n.warnings ? ` — ${n.warnings} warning(s)` : ''}`),
    ];
    if (n.retriers) {
      const y = isCompound ? box.y + 18 : box.y + box.height - 5;
      children.push(el('text', { x: box.x + box.width - 6, y, class: 'retry-mark' }, undefined, `↻${n.retriers}`));
    }
    let badgeX = box.x + box.width - 4;
    for (const [count, cls] of [[n.errors, 'error'], [n.warnings, 'warning']] as const) {
      if (!count) continue;
      children.push(el('circle', { cx: badgeX, cy: box.y + 4, r: 8, class: `badge ${cls}` }), el('text', { x: badgeX, y: box.y + 8, class: 'badge-text' }, undefined, String(count)));
      badgeX -= 18;
    }
    if (run && (run.retries > 0 || (run.iterations ?? 0) > 0)) {
      // Inside the box, bottom left (the Retry mark is bottom right): nothing else is drawn there.
      const note = [run.retries ? `retried ${run.retries}×` : '', run.iterations ? `${run.iterations} iterations` : ''].filter(Boolean).join(', ');
      children.push(el('text', { x: box.x + 6, y: box.y + box.height - (isCompound ? 3 : 5), class: 'run-note' }, undefined, note));
    }
    const g: PictureElement = { ...el('g', { class: classes, 'data-id': n.id, tabindex: 0 }, children), node: n.id };
    (isCompound ? frames : nodes).push(g);
  }
  const groups = graph.groups.flatMap((g) => {
    const box = layout.nodes[g.id];
    if (!box) return [];
    return [el('g', { class: 'group' }, [el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 6 }), el('text', { x: box.x + 8, y: box.y + 16, class: 'group-label' }, undefined, g.label)])];
  });
  // Labels go in a layer over every edge, on an opaque background: each sits on its own edge, no other edge crosses it.
  const edges: PictureElement[] = [];
  const labels: PictureElement[] = [];
  for (const e of graph.edges) {
    const laid = layout.edges[e.id];
    if (!laid || laid.points.length < 2) continue;
    const d = laid.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const cls = `edge ${e.kind}${taken?.has(e.id) ? ' taken' : ''}`;
    edges.push(el('g', { class: cls, 'data-id': e.id, 'data-source': e.source, 'data-target': e.target }, [el('path', { d, 'marker-end': 'url(#arrow)' })]));
    if (laid.label) {
      labels.push(el('g', { class: cls, 'data-label-of': e.id }, [
        el('rect', { x: laid.label.x - 2, y: laid.label.y, width: laid.label.width, height: laid.label.height, rx: 3, class: 'edge-label-bg' }),
        el('text', { x: laid.label.x + 2, y: laid.label.y + 12, class: 'edge-label' }, undefined, laid.label.text),
      ]));
    }
  }
  return [...frames, ...groups, el('g', { class: 'edges' }, edges), el('g', { class: 'edge-labels' }, labels), el('g', { class: 'nodes' }, nodes)];
}
