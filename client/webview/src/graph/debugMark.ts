import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import type { DebugOverlay, Layout } from '../shared/graphMessages';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Marks the state a debug session is paused at: the `paused` class (a thick outline in the editor's
 * current-stack-frame colour) and an arrow pointing at the box from the left, like the editor's gutter arrow, with
 * a tooltip naming the thread. Clears any earlier mark. Returns the name of the state marked, if it is drawn.
 */
export function markPaused(drawn: Map<string, SVGGElement>, graph: GraphModel | undefined, layout: Layout | undefined, debug: DebugOverlay | undefined): string | undefined {
  for (const element of drawn.values()) {
    if (!element.classList.contains('paused')) continue;
    element.classList.remove('paused');
    element.querySelectorAll(':scope > .paused-arrow, :scope > title.paused-note').forEach((e) => e.remove());
  }
  const paused = debug?.paused;
  if (!paused || !graph || !layout) return undefined;
  const node = graph.nodes.find((n) => n.span && n.label === paused.state);
  const element = node && drawn.get(node.id);
  const box = node && layout.nodes[node.id];
  if (!node || !element || !box) return undefined;
  element.classList.add('paused');
  const arrow = document.createElementNS(SVG, 'path');
  const cy = box.y + Math.min(box.height, 40) / 2;
  arrow.setAttribute('class', 'paused-arrow');
  arrow.setAttribute('d', `M${box.x - 16},${cy - 7} L${box.x - 4},${cy} L${box.x - 16},${cy + 7} Z`);
  const title = document.createElementNS(SVG, 'title');
  title.setAttribute('class', 'paused-note');
  title.textContent = `Paused at '${paused.state}' (${paused.thread})`;
  element.append(arrow, title);
  return paused.state;
}

/** The toolbar's words for a debug session. */
export function debugStatus(debug: DebugOverlay | undefined): string {
  if (!debug) return '';
  if (debug.ended) return `debug session ended: ${debug.ended}`;
  return debug.paused ? `paused at ${debug.paused.state} (${debug.paused.thread})` : 'debugging: running';
}
