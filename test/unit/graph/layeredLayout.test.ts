import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import type { Layout } from '../../../server/src/core/graph/graphLayout';
import { layoutGraph } from '../../../server/src/core/graph/layoutGraph';
import { countOverlaps } from '../../../client/webview/src/graph/overlaps';
import { generateMachine } from '../../bench/generateMachine';
import { labelProblems, layoutProblems } from './layoutChecks';

const graphOf = (definition: unknown) => {
  const analysis = analyzeDocument(typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2));
  return buildGraph(analysis.model, analysis.problems);
};
const box = (graph: ReturnType<typeof graphOf>, layout: Layout, name: string) => layout.nodes[graph.nodes.find((n) => n.label === name)!.id];

// The layered layout written for state machines (layeredLayout): blocks nest, most edges go forward, loops go
// back through a Choice.
describe('layered layout', () => {
  it('draws a Choice loop as an edge up a lane right of the states it passes, into the top of the state it returns to', () => {
    const graph = graphOf({
      StartAt: 'Start job',
      States: {
        'Start job': { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Wait' },
        Wait: { Type: 'Wait', Seconds: 5, Next: 'Get status' },
        'Get status': { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Done?' },
        'Done?': { Type: 'Choice', Choices: [{ Variable: '$.status', StringEquals: 'DONE', Next: 'Finished' }], Default: 'Wait' },
        Finished: { Type: 'Succeed' },
      },
    });
    const layout = layoutGraph(graph);
    assert.deepEqual(layoutProblems(graph, layout), []);
    assert.deepEqual(labelProblems(graph, layout), []);
    const loop = graph.edges.find((e) => e.label === 'Default')!;
    const points = layout.edges[loop.id].points;
    const [wait, status, choice] = ['Wait', 'Get status', 'Done?'].map((n) => box(graph, layout, n));
    const lane = Math.max(...points.map((p) => p.x));
    for (const b of [wait, status, choice]) assert.ok(lane > b.x + b.width, 'the lane runs right of every state of the loop');
    const end = points[points.length - 1];
    assert.equal(end.y, wait.y, 'the loop ends on the top of Wait');
    assert.ok(points[points.length - 2].y < end.y, 'coming down into it');
    assert.ok(box(graph, layout, 'Finished').y > choice.y + choice.height, 'the way out goes on down');
  });

  it('sets each label on its own edge, clear of every state and every other label', () => {
    for (const definition of [generateMachine(60), {
      StartAt: 'Sell',
      States: {
        Sell: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Catch: [
            { ErrorEquals: ['NotEnoughInventory'], Next: 'Sold out' },
            { ErrorEquals: ['NotEnoughFunds'], Next: 'Declined' },
            { ErrorEquals: ['States.ALL'], Next: 'Sell' },
          ],
          Next: 'Enjoy',
        },
        Enjoy: { Type: 'Succeed' },
        'Sold out': { Type: 'Fail' },
        Declined: { Type: 'Fail' },
      },
    }]) {
      const graph = graphOf(definition);
      const layout = layoutGraph(graph);
      assert.deepEqual(layoutProblems(graph, layout), []);
      assert.deepEqual(labelProblems(graph, layout), []);
    }
  });

  it('puts the Next state left of the Catch handlers, in the order of the catchers', () => {
    const graph = graphOf({
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Catch: [{ ErrorEquals: ['A'], Next: 'Handle A' }, { ErrorEquals: ['States.ALL'], Next: 'Handle all' }],
          Next: 'After',
        },
        'Handle all': { Type: 'Fail' },
        'Handle A': { Type: 'Fail' },
        After: { Type: 'Succeed' },
      },
    });
    const layout = layoutGraph(graph);
    const xs = ['After', 'Handle A', 'Handle all'].map((n) => box(graph, layout, n).x);
    assert.deepEqual([...xs].sort((a, b) => a - b), xs);
  });

  it('keeps a chain in one straight column', () => {
    const graph = graphOf({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Bee' }, Bee: { Type: 'Pass', Next: 'C state' }, 'C state': { Type: 'Succeed' } } });
    const layout = layoutGraph(graph);
    const centres = graph.nodes.map((n) => layout.nodes[n.id].x + layout.nodes[n.id].width / 2);
    assert.ok(centres.every((c) => Math.abs(c - centres[0]) < 0.01), `centres ${centres.join(', ')}`);
    for (const e of graph.edges) assert.equal(layout.edges[e.id].points.length, 2, 'each edge a straight line');
  });

  it('lays out 2,000 states (nested Parallel and Map, Catch edges to the last state) with nothing a reader would see amiss', function () {
    this.timeout(60_000);
    const graph = graphOf(generateMachine(2000));
    const layout = layoutGraph(graph);
    assert.equal(Object.keys(layout.nodes).length, graph.nodes.length + graph.groups.length);
    assert.equal(countOverlaps(graph, layout), 0);
    assert.deepEqual(layoutProblems(graph, layout).slice(0, 5), []);
  });

  it('an empty machine and a state pointing at itself', () => {
    for (const definition of [{ States: {} }, { StartAt: 'Again', States: { Again: { Type: 'Pass', Next: 'Again' } } }]) {
      const graph = graphOf(definition);
      const layout = layoutGraph(graph);
      assert.deepEqual(layoutProblems(graph, layout), []);
      assert.ok(Number.isFinite(layout.width) && Number.isFinite(layout.height));
    }
  });
});
