import { ARROW_MARKER } from '../../../../server/src/core/graph/graphPicture';
import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import { graphSvg } from '../../../../server/src/core/graph/graphSvg';
import type { FromGraphView, FromLayoutWorker, Layout, StateRunInfo, ToGraphView } from '../shared/graphMessages';
import { countOverlaps } from './overlaps';
import { renderGraph, toSvgElement } from './render';

declare function acquireVsCodeApi(): { postMessage(message: FromGraphView): void; getState(): unknown; setState(s: unknown): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const app = document.getElementById('app')!;

const toolbar = document.createElement('div');
toolbar.className = 'toolbar';
const buttons: [string, string, () => void][] = [
  ['fit', 'Fit', () => fit()],
  ['zoom-in', '+', () => zoomBy(1.2)],
  ['zoom-out', '−', () => zoomBy(1 / 1.2)],
  ['export-svg', 'SVG', () => void exportAs('svg')],
  ['export-png', 'PNG', () => void exportAs('png')],
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
const defs = toSvgElement({ tag: 'defs', attrs: {}, children: [ARROW_MARKER] });
const viewport = document.createElementNS(SVG, 'g');
svg.append(defs, viewport);
app.append(toolbar, svg);

let worker: Worker | undefined;
let requestId = 0;
let graph: GraphModel | undefined;
/** The graph the worker is laying out, and the one `layout` was made for (drawn together, never mixed). */
let requested: GraphModel | undefined;
let laidOut: GraphModel | undefined;
let layout: Layout | undefined;
let runs: Record<string, StateRunInfo> = {};
let drawn = new Map<string, SVGGElement>();
let selected: string | undefined;
let documentUri = (vscode.getState() as { uri?: string } | undefined)?.uri;
let transform = (vscode.getState() as { x: number; y: number; k: number } | undefined) ?? { x: 20, y: 20, k: 1 };
let fitted = vscode.getState() !== undefined;
let requestedAt = 0;
let elkRuns = 0;

function applyTransform(): void {
  viewport.setAttribute('transform', `translate(${transform.x},${transform.y}) scale(${transform.k})`);
  // The serializer reopens the preview after a reload from this state.
  vscode.setState({ x: transform.x, y: transform.y, k: transform.k, uri: documentUri });
}

function fit(): void {
  if (!layout) return;
  const w = svg.clientWidth || 800;
  const h = svg.clientHeight || 600;
  const k = Math.min(2, Math.max(0.05, Math.min((w - 40) / Math.max(layout.width, 1), (h - 40) / Math.max(layout.height, 1))));
  transform = { k, x: (w - layout.width * k) / 2, y: 20 };
  applyTransform();
}

function zoomBy(factor: number, cx = (svg.clientWidth || 800) / 2, cy = (svg.clientHeight || 600) / 2): void {
  const k = Math.min(4, Math.max(0.05, transform.k * factor));
  transform = { k, x: cx - ((cx - transform.x) * k) / transform.k, y: cy - ((cy - transform.y) * k) / transform.k };
  applyTransform();
}

svg.addEventListener('wheel', (e) => {
  e.preventDefault();
  const rect = svg.getBoundingClientRect();
  zoomBy(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - rect.left, e.clientY - rect.top);
}, { passive: false });
let drag: { x: number; y: number } | undefined;
svg.addEventListener('pointerdown', (e) => {
  if ((e.target as Element).closest('.node:not(.compound)')) return;
  drag = { x: e.clientX - transform.x, y: e.clientY - transform.y };
});
window.addEventListener('pointermove', (e) => {
  if (!drag) return;
  transform = { ...transform, x: e.clientX - drag.x, y: e.clientY - drag.y };
  applyTransform();
});
window.addEventListener('pointerup', () => {
  drag = undefined;
});

function draw(): void {
  const graph = laidOut;
  if (!graph || !layout) return;
  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  drawn = renderGraph(viewport, graph, layout, {
    runs,
    onNodeClick: (id) => {
      const span = nodesById.get(id)?.span;
      if (span) vscode.postMessage({ type: 'reveal', offset: span.offset, length: span.length });
      select(id);
    },
  });
  if (selected) drawn.get(selected)?.classList.add('selected');
  if (!fitted) {
    fit();
    fitted = true;
  } else applyTransform();
  const stateCount = graph.nodes.filter((n) => n.span).length;
  status.textContent = `${stateCount} states`;
  vscode.postMessage({ type: 'rendered', nodes: stateCount, overlaps: countOverlaps(graph, layout), ms: Math.round(performance.now() - requestedAt), elkRuns });
}

function select(id: string | undefined): void {
  if (selected) drawn.get(selected)?.classList.remove('selected');
  selected = id;
  if (id) drawn.get(id)?.classList.add('selected');
}

async function startWorker(uri: string): Promise<void> {
  // Webviews cannot start a worker from a resource URL; load the script text and run it from a blob.
  const code = await (await fetch(uri)).text();
  worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  worker.onmessage = (message: MessageEvent<FromLayoutWorker>) => {
    if (message.data.id !== requestId) return;
    if (message.data.error) {
      status.textContent = `Layout failed: ${message.data.error}`;
      return;
    }
    layout = message.data.layout;
    laidOut = requested;
    elkRuns = message.data.elkRuns ?? 0;
    draw();
  };
  if (graph) relayout();
}

function relayout(): void {
  if (!graph || !worker) return;
  requestedAt = performance.now();
  requested = graph;
  worker.postMessage({ id: ++requestId, graph });
}

async function exportAs(format: 'svg' | 'png'): Promise<void> {
  if (!layout || !laidOut) return;
  const theme = getComputedStyle(document.body);
  const text = graphSvg(laidOut, layout, { lookup: (name) => theme.getPropertyValue(name), runs });
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
      applyTransform();
      void startWorker(data.workerUri);
      break;
    case 'graph':
      graph = data.graph;
      relayout();
      break;
    case 'cursor': {
      const hit = graph?.nodes.filter((n) => n.span && n.span.offset <= data.offset).sort((a, b) => b.span!.offset - a.span!.offset)[0];
      select(hit?.id);
      break;
    }
    case 'execution':
      runs = data.states;
      draw();
      break;
    case 'export':
      void exportAs(data.format);
      break;
  }
});

vscode.postMessage({ type: 'ready' });
