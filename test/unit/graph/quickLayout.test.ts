import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countOverlaps } from '../../../client/webview/src/graph/overlaps';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import { quickLayout } from '../../../server/src/core/graph/quickLayout';
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
    });
  }

  it('lays out 2,000 states (nested Parallel and Map) with no overlapping boxes', async () => {
    const graph = graphOf(generateMachine(2000));
    const layout = await quickLayout(graph);
    assert.equal(Object.keys(layout.nodes).length, graph.nodes.length + graph.groups.length);
    assert.equal(countOverlaps(graph, layout), 0);
  });
});
