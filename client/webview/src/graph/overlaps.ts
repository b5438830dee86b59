import type { GraphModel } from '../../../../server/src/core/graph/graphModel';
import type { Layout } from '../shared/graphMessages';

/** How many pairs of sibling state boxes overlap (0 for a good layout); used by the rendering test. */
export function countOverlaps(graph: GraphModel, layout: Layout): number {
  const boxes = graph.nodes.filter((n) => !n.groups).map((n) => ({ n, b: layout.nodes[n.id] })).filter((x) => x.b);
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].b;
      const b = boxes[j].b;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
    }
  }
  return overlaps;
}
