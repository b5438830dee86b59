import { ARROW_MARKERS } from '../../../../server/src/core/graph/graphPicture';
import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import { graphSvg } from '../../../../server/src/core/graph/graphSvg';
import { LayoutCache } from '../../../../server/src/core/graph/layoutCache';
import { layoutGraph } from '../../../../server/src/core/graph/layoutGraph';
import type { DebugOverlay, FromGraphView, GraphPageData, Layout, RunOverlay, ToGraphView } from '../shared/graphMessages';
import { initialData } from '../shared/initialData';
import { debugStatus, markPaused } from './debugMark';
import { Legend } from './legend';
import { countOverlaps } from './overlaps';
import { renderGraph, toSvgElement } from './render';
import { takenEdges } from './takenEdges';
import { Viewport, type Transform } from './viewport';

declare function acquireVsCodeApi(): { postMessage(message: FromGraphView): void; getState(): unknown; setState(s: unknown): void };

type Saved = Partial<Transform> & { uri?: string; legend?: boolean };
type Versioned = { graph: GraphModel; version: number };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const app = document.getElementById('app')!;
const saved = (vscode.getState() as Saved | undefined) ?? {};

const toolbar = document.createElement('div');
toolbar.className = 'toolbar';
const buttons: [string, string, () => void][] = [
  ['fit', 'Fit', () => fit()],
  ['zoom-in', '+', () => viewport.zoomBy(1.2)],
  ['zoom-out', '−', () => viewport.zoomBy(1 / 1.2)],
  ['export-svg', 'SVG', () => void exportAs('svg')],
  ['export-png', 'PNG', () => void exportAs('png')],
  ['toggle-legend', 'Legend', () => {
    legend.toggle();
    save();
    if (viewport.following) fit();
  }],
];
for (const [id, label, run] of buttons) {
  const b = document.createElement('button');
  b.id = id;
  b.textContent = label;
  b.addEventListener('click', run);
  toolbar.append(b);
}
const status = document.createElement('span');
status.className = 'status';
toolbar.append(status);

const svg = document.createElementNS(SVG, 'svg');
svg.setAttribute('class', 'graph');
const defs = toSvgElement({ tag: 'defs', attrs: {}, children: ARROW_MARKERS });
const group = document.createElementNS(SVG, 'g');
svg.append(defs, group);
const legend = new Legend(saved.legend ?? true);
const stage = document.createElement('div');
stage.className = 'stage';
stage.append(svg);
app.append(toolbar, stage, legend.element);

let documentUri = saved.uri;
const viewport = new Viewport(svg, group, { x: saved.x ?? 20, y: saved.y ?? 20, k: saved.k ?? 1 }, saved.k !== undefined, () => save());
function save(): void {
  // The serializer reopens the preview after a reload from this state.
  vscode.setState({ ...viewport.transform, uri: documentUri, legend: legend.visible } satisfies Saved);
}

/** Lives as long as the view: an edit that leaves a States block's structure alone does not lay it out again. */
const cache = new LayoutCache();
/** The newest graph from the extension, and the one `layout` was made for. */
let latest: Versioned | undefined;
/** The layout that came with `latest`, if the extension laid it out (the first graph). */
let latestLayout: Layout | undefined;
let laidOut: Versioned | undefined;
let layout: Layout | undefined;
let run: RunOverlay | undefined;
/** A debug session of this machine: where it is paused, or how it ended. */
let debug: DebugOverlay | undefined;
let statusText = '';
/** States no test entered in the last test run with coverage. */
let untested = new Set<string>();
let taken = new Set<string>();
let drawn = new Map<string, SVGGElement>();
let selected: string | undefined;
let requestedAt = 0;
let layouts = 0;
let pending = false;

function fit(): void {
  if (layout) viewport.fit(layout.width, layout.height);
}

// The view's group may be split or resized (an execution view opening below it): refit while following.
new ResizeObserver((entries) => {
  const box = entries.at(-1)?.contentRect;
  viewport.measure(box && { w: box.width, h: box.height });
  if (viewport.following) fit();
}).observe(svg);

svg.addEventListener('wheel', (e) => {
  e.preventDefault();
  const rect = svg.getBoundingClientRect();
  viewport.zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - rect.left, e.clientY - rect.top);
}, { passive: false });
let drag: { x: number; y: number } | undefined;
svg.addEventListener('pointerdown', (e) => {
  if ((e.target as Element).closest('.node:not(.compound)')) return;
  drag = { x: e.clientX - viewport.transform.x, y: e.clientY - viewport.transform.y };
});
window.addEventListener('pointermove', (e) => {
  if (drag) viewport.panTo(e.clientX - drag.x, e.clientY - drag.y);
});
window.addEventListener('pointerup', () => {
  drag = undefined;
});

const stateBoxes = (g: Versioned | undefined, l: Layout | undefined) =>
  new Map((g?.graph.nodes ?? []).filter((n) => n.span && l?.nodes[n.id]).map((n) => [n.label, l!.nodes[n.id]]));

/** Draws `next` (a graph and its layout), then keeps in sight the states it adds or moves. */
function draw(next: Versioned, nextLayout: Layout): void {
  viewport.measure();
  const before = stateBoxes(laidOut, layout);
  laidOut = next;
  layout = nextLayout;
  const graph = next.graph;
  const stale = run !== undefined && run.version !== next.version;
  taken = run ? takenEdges(graph, run.steps) : new Set();
  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  drawn = renderGraph(group, graph, nextLayout, {
    runs: run?.states,
    taken,
    onNodeClick: (id) => {
      const span = nodesById.get(id)?.span;
      if (span) vscode.postMessage({ type: 'reveal', offset: span.offset, length: span.length });
      select(id);
    },
  });
  group.classList.toggle('stale-run', stale);
  legend.update(run !== undefined, stale);
  if (selected) drawn.get(selected)?.classList.add('selected');
  markUntested();
  showDebug();
  const after = stateBoxes(next, nextLayout);
  if (viewport.following) fit();
  else {
    // New states first; else the selected state if the edit moved it.
    const added = [...after].filter(([name]) => before.size > 0 && !before.has(name)).map(([, b]) => b);
    const name = selected ? nodesById.get(selected)?.label : undefined;
    const [was, now] = name ? [before.get(name), after.get(name)] : [];
    const moved = was && now && (was.x !== now.x || was.y !== now.y) ? [now] : [];
    viewport.reveal(added.length ? added : moved);
  }
  statusText = `${after.size} states${stale ? ' · run colours stale' : ''}`;
  showDebug();
  const offscreen = [...after].filter(([, b]) => !viewport.shows(b)).map(([name]) => name).slice(0, 100);
  vscode.postMessage({ type: 'rendered', nodes: after.size, overlaps: countOverlaps(graph, nextLayout), ms: Math.round(performance.now() - requestedAt), layouts, version: next.version, offscreen, stale, taken: taken.size, pageMs: Math.round(performance.now()) });
  requestAnimationFrame(() => vscode.postMessage({ type: 'painted', version: next.version, at: Date.now() }));
}

function select(id: string | undefined): void {
  if (selected) drawn.get(selected)?.classList.remove('selected');
  selected = id;
  if (!id) return;
  drawn.get(id)?.classList.add('selected');
  const box = layout?.nodes[id];
  if (box && !viewport.following) viewport.reveal([box]);
}

/**
 * Lays out the newest graph and draws it, once per animation frame at most: graphs that a newer one overtook
 * meanwhile are skipped (only the newest matters to the view).
 */
function relayout(): void {
  if (!latest || pending) return;
  pending = true;
  requestedAt = performance.now();
  requestAnimationFrame(() => {
    pending = false;
    const next = latest!;
    const computed = cache.computed;
    try {
      const given = latestLayout;
      const nextLayout = given ?? layoutGraph(next.graph, cache);
      layouts = cache.computed - computed;
      draw(next, nextLayout);
      // Fill the cache once the picture is up, so the first edit lays out only the blocks it changed.
      if (given) requestIdleCallback(() => layoutGraph(next.graph, cache), { timeout: 2000 });
    } catch (error) {
      status.textContent = `Layout failed: ${String(error)}`;
    }
  });
}

function receiveGraph(graph: GraphModel, version: number, given: Layout | undefined): void {
  latest = { graph, version };
  latestLayout = given;
  relayout();
}

async function exportAs(format: 'svg' | 'png'): Promise<void> {
  if (!layout || !laidOut) return;
  const theme = getComputedStyle(document.body);
  const text = graphSvg(laidOut.graph, layout, { lookup: (name) => theme.getPropertyValue(name), runs: run?.states, taken });
  if (format === 'svg') {
    vscode.postMessage({ type: 'exported', format, data: text });
    return;
  }
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  await new Promise<void>((done, fail) => {
    image.onload = () => done();
    image.onerror = () => fail(new Error('could not draw the SVG'));
    image.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = image.width * 2;
  canvas.height = image.height * 2;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.drawImage(image, 0, 0);
  URL.revokeObjectURL(url);
  vscode.postMessage({ type: 'exported', format, data: canvas.toDataURL('image/png') });
}

window.addEventListener('message', (message: MessageEvent<ToGraphView>) => {
  const data = message.data;
  switch (data.type) {
    case 'init':
      documentUri = data.documentUri;
      save();
      break;
    case 'graph':
      receiveGraph(data.graph, data.version, data.layout);
      break;
    case 'cursor': {
      const hit = latest?.graph.nodes.filter((n) => n.span && n.span.offset <= data.offset).sort((a, b) => b.span!.offset - a.span!.offset)[0];
      select(hit?.id);
      break;
    }
    case 'execution':
      run = { states: data.states, steps: data.steps, version: data.version };
      if (laidOut && layout) draw(laidOut, layout);
      break;
    case 'export':
      void exportAs(data.format);
      break;
    case 'debug':
      debug = data.debug ?? undefined;
      showDebug();
      break;
    case 'coverage':
      untested = new Set(data.untested);
      markUntested();
      legend.showCoverage();
      break;
  }
});

/** The paused state's mark, the legend's debugging section and the toolbar's words, for the session shown. */
function showDebug(): void {
  const paused = markPaused(drawn, laidOut?.graph, layout, debug);
  legend.showDebug(debug !== undefined);
  const words = debugStatus(debug);
  status.textContent = [statusText, words].filter(Boolean).join(' · ');
  if (paused && !viewport.following) {
    const node = laidOut?.graph.nodes.find((n) => n.span && n.label === paused);
    const box = node && layout?.nodes[node.id];
    if (box) viewport.reveal([box]);
  }
}

/** States no test reached (after a test run with coverage): dashed and faded, with a tooltip saying so. */
function markUntested(): void {
  for (const n of laidOut?.graph.nodes ?? []) {
    const element = drawn.get(n.id);
    if (!element || !n.span) continue;
    const mark = untested.has(n.label);
    element.classList.toggle('untested', mark);
    element.querySelector(':scope > title.untested-note')?.remove();
    if (mark) {
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.setAttribute('class', 'untested-note');
      title.textContent = `No test reaches '${n.label}'`;
      element.append(title);
    }
  }
}

// The page usually comes with the document's first graph, laid out: drawn without a round trip to the extension.
const page = initialData<GraphPageData>();
if (page) {
  documentUri = page.documentUri;
  save();
  receiveGraph(page.graph, page.version, page.layout);
}
vscode.postMessage({ type: 'ready' });
