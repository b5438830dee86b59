import assert from 'node:assert/strict';
import { analyzeDocument, IncrementalAnalyzer } from '../../../server/src/core/analyzeDocument';
import { buildGraph } from '../../../server/src/core/graph/buildGraph';

// Issue 11, "one mistake, one problem": a broken reference is reported once; what it cuts off (unreachable
// states, no way to an end) goes with it as related places, not as problems of their own.
const chain = (names: string[], overrides: Record<string, unknown> = {}) => {
  const States: Record<string, unknown> = {};
  names.forEach((name, i) => (States[name] = i + 1 < names.length ? { Type: 'Pass', Next: names[i + 1] } : { Type: 'Succeed' }));
  return { StartAt: names[0], States: { ...States, ...overrides } };
};

describe('one problem per broken reference', () => {
  it('a misspelled Next: only unknown-state, carrying the cut-off states and the missing end', () => {
    const text = JSON.stringify(chain(['A', 'B', 'C', 'D'], { B: { Type: 'Pass', Next: 'Cc' } }));
    const { problems } = analyzeDocument(text);
    assert.deepEqual(problems.map((p) => p.code), ['unknown-state']);
    assert.deepEqual(
      problems[0].related?.map((r) => [text.slice(r.span.offset, r.span.offset + r.span.length), r.message]),
      [
        ['"C"', "State 'C' cannot be reached while this reference is broken"],
        ['"D"', "State 'D' cannot be reached while this reference is broken"],
        ['"A"', "No path from 'A' leads to a terminal state: the execution could never finish"],
      ],
    );
  });

  it('the graph puts one problem badge on the state with the broken Next, none downstream', () => {
    const analysis = analyzeDocument(JSON.stringify(chain(['A', 'B', 'C', 'D', 'E'], { B: { Type: 'Pass', Next: 'Cc' } })));
    const graph = buildGraph(analysis.model, analysis.problems);
    const badges = graph.nodes.filter((n) => n.errors || n.warnings).map((n) => [n.label, n.errors ?? 0, n.warnings ?? 0]);
    assert.deepEqual(badges, [['B', 1, 0]]);
  });

  it('Default, Choice rule Next, Catch Next and StartAt count as broken references too', () => {
    const choice = analyzeDocument(
      JSON.stringify(chain(['A', 'B'], { A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Bb' }], Default: 'Bb' } })),
    ).problems;
    assert.deepEqual(choice.map((p) => p.code), ['unknown-state', 'unknown-state']);
    assert.equal(choice.filter((p) => p.related?.length).length, 1, 'the first broken reference carries the consequences');
    const start = analyzeDocument(JSON.stringify({ ...chain(['A', 'B']), StartAt: 'Aa' })).problems;
    assert.deepEqual(start.map((p) => p.code), ['unknown-state']);
  });

  it('stays per block: a broken reference in a branch does not hide an unreachable state at the top', () => {
    const text = JSON.stringify({
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [chain(['X', 'Y'], { X: { Type: 'Pass', Next: 'Yy' } })], End: true },
        Orphan: { Type: 'Succeed' },
      },
    });
    const codes = analyzeDocument(text).problems.map((p) => p.code);
    assert.deepEqual(codes, ['unknown-state', 'unreachable-state']);
  });

  it('without a broken reference, unreachable-state and no-terminal-state report as before', () => {
    const loop = analyzeDocument(JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' }, C: { Type: 'Succeed' } } }));
    assert.deepEqual(loop.problems.map((p) => p.code).sort(), ['no-terminal-state', 'unreachable-state']);
  });

  it('an edit that breaks and then mends a Next gives, incrementally, what a full analysis gives', () => {
    const analyzer = new IncrementalAnalyzer();
    const good = JSON.stringify(chain(['A', 'B', 'C', 'D']), null, 2);
    const broken = good.replace('"Next": "C"', '"Next": "Cc"');
    for (const text of [good, broken, good, broken]) {
      const incremental = analyzer.analyze(text).problems;
      assert.deepEqual(incremental, analyzeDocument(text).problems);
    }
    assert.deepEqual(analyzer.analyze(broken).problems.map((p) => p.code), ['unknown-state']);
  });
});
