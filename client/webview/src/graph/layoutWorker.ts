import ELK from 'elkjs/lib/elk.bundled.js';
import { LayoutCache } from '../../../../server/src/core/graph/layoutCache';
import { layoutGraph } from '../../../../server/src/core/graph/layoutGraph';
import type { FromLayoutWorker, ToLayoutWorker } from '../shared/graphMessages';

const elk = new ELK();
/** Lives as long as the view: an edit that leaves a States block's structure alone does not lay it out again. */
const cache = new LayoutCache();
let newest = 0;

// ELK's first layout in a fresh worker is several times slower than the next (its classes initialise, the JIT
// warms up): spend that on a tiny graph while the view waits for the machine's graph from the server.
void elk.layout({
  id: 'warm-up',
  layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.edgeRouting': 'ORTHOGONAL' },
  children: ['a', 'b', 'c'].map((id) => ({ id, width: 90, height: 38 })),
  edges: [{ id: 'ab', sources: ['a'], targets: ['b'], labels: [{ id: 'l', text: 'label', width: 40, height: 16 }] }, { id: 'ac', sources: ['a'], targets: ['c'] }],
}).catch(() => undefined);

/**
 * Lays out graphs off the UI thread with the core's layoutGraph (the CLI runs the same code in Node). Requests
 * that a newer one overtook while ELK was busy are dropped unanswered: only the newest matters to the view.
 */
self.onmessage = (message: MessageEvent<ToLayoutWorker>) => {
  newest = message.data.id;
  setTimeout(() => {
    if (message.data.id === newest) void answer(message.data);
  }, 0);
};

async function answer({ id, graph }: ToLayoutWorker): Promise<void> {
  const runs = cache.elkRuns;
  try {
    const layout = await layoutGraph(graph, elk, cache);
    (self as unknown as Worker).postMessage({ id, layout, elkRuns: cache.elkRuns - runs } satisfies FromLayoutWorker);
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) } satisfies FromLayoutWorker);
  }
}
