import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countOverlaps } from '../../../client/webview/src/graph/overlaps';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import { quickFlat, quickLayout } from '../../../server/src/core/graph/quickLayout';
import { generateMachine } from '../../bench/generateMachine';
import { layoutProblems } from './layoutChecks';

const examples = resolve(__dirname, '../../../examples');
const graphOf = (text: string) => {
  const analysis = analyzeDocument(text);
  return buildGraph(analysis.model, analysis.problems);
};

// The first picture the preview draws while ELK starts in its worker: rough, but every box in its place.
describe('quick layout (the first picture, without ELK)', () => {
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.asl.json'))) {
    it(`${file}: every state laid out inside its block, no two boxes overlapping, every edge routed`, async () => {
      const graph = graphOf(readFileSync(resolve(examples, file), 'utf8'));
      const layout = await quickLayout(graph);
      assert.equal(countOverlaps(graph, layout), 0);
      // Edges may cross boxes in the quick picture; what must hold is the rest of what the ELK layout is held to.
      assert.deepEqual(layoutProblems(graph, layout).filter((p) => !p.includes(' runs through ')), []);
      const labels = Object.values(layout.edges).flatMap((e) => (e.label ? [e.label] : []));
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          assert.ok(a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height, `labels ${a.text} and ${b.text} overlap`);
        }
      }
    });
  }

  it('puts each forward edge\'s target in a lower row, a loop in a lane on the right, labels on their edges', () => {
    const size = { width: 90, height: 38 };
    const flat = quickFlat({
      sizes: [size, size, size],
      edges: [
        { source: 0, target: 1, label: { width: 40, height: 16 } },
        { source: 1, target: 2 },
        { source: 2, target: 0 },
      ],
    });
    assert.ok(flat.nodes[0].y < flat.nodes[1].y && flat.nodes[1].y < flat.nodes[2].y);
    const loop = flat.edges[2].points;
    assert.ok(loop[1].x > Math.max(...flat.nodes.map((n) => n.x + size.width)), 'the loop runs right of every box');
    assert.ok(flat.width >= loop[1].x, 'the picture is as wide as its lanes');
    const [, jog, , end] = flat.edges[0].points;
    const label = flat.edges[0].label!;
    assert.ok(label.y > jog.y && label.y + 16 < end.y && label.x < end.x && label.x + 40 > end.x, 'the label sits on its edge\'s last segment');
  });

  it('lays out 2,000 states (nested Parallel and Map) with no overlapping boxes', async () => {
    const graph = graphOf(generateMachine(2000));
    const layout = await quickLayout(graph);
    assert.equal(Object.keys(layout.nodes).length, graph.nodes.length + graph.groups.length);
    assert.equal(countOverlaps(graph, layout), 0);
  });
});
