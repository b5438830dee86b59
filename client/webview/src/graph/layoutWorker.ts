import ELK from 'elkjs/lib/elk.bundled.js';
import { LayoutCache } from '../../../../server/src/core/graph/layoutCache';
import { layoutGraph } from '../../../../server/src/core/graph/layoutGraph';
import type { FromLayoutWorker, ToLayoutWorker } from '../shared/graphMessages';

const elk = new ELK();
/** Lives as long as the view: an edit that leaves a States block's structure alone does not lay it out again. */
const cache = new LayoutCache();
let newest = 0;

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
