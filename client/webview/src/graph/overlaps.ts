import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import type { Layout } from '../shared/graphMessages';

/**
 * How many pairs of state boxes overlap (0 for a good layout); the view reports it and the tests read it. Boxes
 * sorted by top edge, each compared only with those starting above its bottom edge: near-linear on tall graphs.
 */
export function countOverlaps(graph: GraphModel, layout: Layout): number {
  const boxes = graph.nodes.filter((n) => !n.groups).map((n) => layout.nodes[n.id]).filter(Boolean).sort((a, b) => a.y - b.y);
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].y < a.y + a.height; j++) {
      const b = boxes[j];
      if (a.x < b.x + b.width && b.x < a.x + a.width && b.y < a.y + a.height) overlaps++;
    }
  }
  return overlaps;
}
