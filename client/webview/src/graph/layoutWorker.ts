import ELK from 'elkjs/lib/elk.bundled.js';
import type { FromLayoutWorker, ToLayoutWorker } from '../shared/graphMessages';
import { toElkGraph, fromElkLayout } from './elkGraph';

const elk = new ELK();

/** Lays out graphs off the UI thread; only the newest request's answer matters to the view. */
self.onmessage = async (message: MessageEvent<ToLayoutWorker>) => {
  const { id, graph } = message.data;
  try {
    const laidOut = await elk.layout(toElkGraph(graph));
    (self as unknown as Worker).postMessage({ id, layout: fromElkLayout(graph, laidOut) } satisfies FromLayoutWorker);
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) } satisfies FromLayoutWorker);
  }
};
