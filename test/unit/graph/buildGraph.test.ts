import assert from 'node:assert/strict';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';

const graphOf = (definition: unknown) => {
  const analysis = analyzeDocument(JSON.stringify(definition));
  return buildGraph(analysis.model, analysis.problems);
};

describe('graph model', () => {
  it('draws states, start and end markers, Next and terminal edges', () => {
    const g = graphOf({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } });
    assert.deepEqual(g.nodes.map((n) => [n.label, n.kind]), [['Start', 'start'], ['End', 'end'], ['A', 'Pass'], ['B', 'Succeed']]);
    const label = (id: string) => g.nodes.find((n) => n.id === id)!.label;
    assert.deepEqual(g.edges.map((e) => [label(e.source), label(e.target), e.kind]), [['Start', 'A', 'start'], ['A', 'B', 'next'], ['B', 'End', 'end']]);
  });

  it('labels Choice rules in order with a readable form, and Default', () => {
    const g = graphOf({
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.status', StringEquals: 'OK', Next: 'Y' }, { And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Variable: '$.b', BooleanEquals: true }], Next: 'N' }], Default: 'N' },
        Y: { Type: 'Succeed' },
        N: { Type: 'Fail' },
      },
    });
    assert.deepEqual(g.edges.filter((e) => e.kind === 'choice' || e.kind === 'default').map((e) => e.label), ['$.status == "OK"', '($.n > 1) and ($.b == true)', 'Default']);
  });

  it('labels JSONata Conditions and dashed Catch edges with their error names', () => {
    const g = graphOf({
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.ok %}', Next: 'T' }], Default: 'T' },
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.Timeout', 'Boom'], Next: 'F' }], End: true },
        F: { Type: 'Fail' },
      },
    });
    assert.equal(g.edges.find((e) => e.kind === 'choice')?.label, '$states.input.ok');
    assert.equal(g.edges.find((e) => e.kind === 'catch')?.label, 'States.Timeout, Boom');
  });

  it('puts Parallel branches and the Map processor in groups owned by their state', () => {
    const g = graphOf({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, { StartAt: 'B', States: { B: { Type: 'Succeed' } } }], Next: 'M' },
        M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', End: true } } }, End: true },
      },
    });
    const p = g.nodes.find((n) => n.label === 'P')!;
    assert.equal(p.groups?.length, 2);
    assert.deepEqual(g.groups.map((x) => x.label), ['Branch 1', 'Branch 2', 'Item processor']);
    assert.equal(g.nodes.find((n) => n.label === 'I')!.parent, g.groups[2].id);
  });

  it('still draws a broken machine: missing targets are nodes of their own, problems counted on their state', () => {
    const g = graphOf({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    assert.ok(g.nodes.some((n) => n.kind === 'missing' && n.label === 'Nowhere'));
    assert.equal(g.nodes.find((n) => n.label === 'A')!.errors, 1);
  });

  it('keeps state names with markup and quotes as plain labels', () => {
    const name = '<img src=x onerror=alert(1)> "quoted" 🍩';
    const g = graphOf({ StartAt: name, States: { [name]: { Type: 'Succeed' } } });
    assert.ok(g.nodes.some((n) => n.label === name));
  });
});
