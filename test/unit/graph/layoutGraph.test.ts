import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';
import { LayoutCache } from '../../../server/src/core/graph/layoutCache';
import { layoutGraph } from '../../../server/src/core/graph/layoutGraph';
import { countOverlaps } from '../../../client/webview/src/graph/overlaps';
import { generateMachine } from '../../bench/generateMachine';
import { layoutProblems } from './layoutChecks';

const graphOf = (definition: unknown) => {
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2);
  const analysis = analyzeDocument(text);
  return buildGraph(analysis.model, analysis.problems);
};
const box = (graph: ReturnType<typeof graphOf>, layout: ReturnType<typeof layoutGraph>, label: string) =>
  layout.nodes[graph.nodes.find((n) => n.label === label)!.id];

const PARALLEL = {
  Comment: 'two branches and a map',
  StartAt: 'P',
  States: {
    P: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', Next: 'Left 2' }, 'Left 2': { Type: 'Succeed' } } },
        { StartAt: 'Right', States: { Right: { Type: 'Succeed' } } },
        { StartAt: 'Third', States: { Third: { Type: 'Succeed' } } },
      ],
      Next: 'M',
    },
    M: { Type: 'Map', ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } }, End: true },
  },
};

describe('graph layout', () => {
  it('frames branches side by side in Branches order inside their Parallel, with no problem a reader would see', () => {
    const graph = graphOf(PARALLEL);
    const layout = layoutGraph(graph);
    assert.deepEqual(layoutProblems(graph, layout), []);
    assert.equal(countOverlaps(graph, layout), 0);
    const [b1, b2, b3] = graph.groups.slice(0, 3).map((g) => layout.nodes[g.id]);
    assert.ok(b1.x + b1.width < b2.x && b2.x + b2.width < b3.x, 'branches left to right');
    assert.ok(box(graph, layout, 'Left').y < box(graph, layout, 'Left 2').y, 'top-down inside a branch');
    assert.ok(box(graph, layout, 'P').y + box(graph, layout, 'P').height < box(graph, layout, 'M').y, 'M below P');
  });

  it('keeps Choice rules in order, left to right, and labels them', () => {
    const graph = graphOf({
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.n', NumericEquals: 1, Next: 'One' },
            { Variable: '$.n', NumericEquals: 2, Next: 'Two' },
            { Variable: '$.n', NumericEquals: 3, Next: 'Three' },
          ],
          Default: 'Other',
        },
        Other: { Type: 'Succeed' },
        Three: { Type: 'Succeed' },
        Two: { Type: 'Succeed' },
        One: { Type: 'Succeed' },
      },
    });
    const layout = layoutGraph(graph);
    const xs = ['One', 'Two', 'Three', 'Other'].map((l) => box(graph, layout, l).x);
    assert.deepEqual([...xs].sort((a, b) => a - b), xs);
    const labels = graph.edges.filter((e) => e.label).map((e) => layout.edges[e.id].label?.text);
    assert.deepEqual(labels, ['$.n == 1', '$.n == 2', '$.n == 3', 'Default']);
  });

  it('lays out again only the States blocks whose structure an edit changed', () => {
    const cache = new LayoutCache();
    const first = layoutGraph(graphOf(PARALLEL), cache);
    assert.equal(cache.computed, 3, 'the Left branch, one layout for Right, Third and Item (alike: start, one state, end), the machine');
    const again = layoutGraph(graphOf({ ...PARALLEL, Comment: 'an edit that changes no box' }), cache);
    assert.equal(cache.computed, 3);
    assert.deepEqual(again, first);
    const renamed = JSON.stringify(PARALLEL).replaceAll('"Left 2"', '"Left, renamed longer"');
    layoutGraph(graphOf(renamed), cache);
    assert.equal(cache.computed, 5, 'the branch with the renamed state, then the machine around the wider Parallel');
  });

  it('the checks see a slanted edge, an edge through a box and a state outside its branch', () => {
    const graph = graphOf(PARALLEL);
    const layout = layoutGraph(graph);
    const start = graph.nodes.find((n) => n.kind === 'start' && !n.parent)!;
    const toP = graph.edges.find((e) => e.source === start.id)!;
    const m = box(graph, layout, 'M');
    layout.edges[toP.id].points = [{ x: 0, y: 0 }, { x: 5, y: 5 }, { x: m.x - 1, y: 5 }, { x: m.x - 1, y: m.y + 5 }, { x: m.x + 5, y: m.y + 5 }];
    layout.nodes[graph.nodes.find((n) => n.label === 'Right')!.id].x = -500;
    assert.deepEqual(layoutProblems(graph, layout), ['Right sticks out of Branch 2', 'edge Start -> P has a slanted segment', 'edge Start -> P runs through M']);
  });

  it('routes long edges in lanes beside the layout: a large machine lays out with no problem', function () {
    this.timeout(60_000);
    const graph = graphOf(generateMachine(500));
    const layout = layoutGraph(graph);
    assert.deepEqual(layoutProblems(graph, layout).slice(0, 5), []);
    assert.equal(countOverlaps(graph, layout), 0);
  });
});

describe('countOverlaps', () => {
  it('counts each pair of state boxes that overlap, and only those', () => {
    const graph = graphOf(PARALLEL);
    const layout = layoutGraph(graph);
    assert.equal(countOverlaps(graph, layout), 0);
    const [left, right, item, third] = ['Left', 'Right', 'Item', 'Third'].map((l) => box(graph, layout, l));
    Object.assign(right, { x: left.x + 5, y: left.y + 5 });
    assert.equal(countOverlaps(graph, layout), 1);
    Object.assign(third, { x: item.x + item.width - 1, y: item.y + item.height - 1 });
    assert.equal(countOverlaps(graph, layout), 2);
    Object.assign(third, { x: item.x + item.width + 1 });
    assert.equal(countOverlaps(graph, layout), 1, 'boxes that only touch a corner apart do not count');
  });
});
