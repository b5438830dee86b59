import assert from 'node:assert/strict';
import { nodeServices } from '../../../server/src/runtime/nodeRuntime';
import { addHits, coverageItems, summarize, unreachedStates } from '../../../server/src/testing/coverage';
import { runTestJob } from '../../../server/src/testing/runTestJob';

const MACHINE = {
  StartAt: 'Work',
  States: {
    Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Busy'] }, { ErrorEquals: ['Slow'] }], Catch: [{ ErrorEquals: ['Bad'], Next: 'Oops' }, { ErrorEquals: ['States.ALL'], Next: 'Oops' }], Next: 'Which' },
    Which: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'Both' }, { Variable: '$.n', NumericEquals: 2, Next: 'Oops' }], Default: 'Both' },
    Both: { Type: 'Parallel', Branches: [{ StartAt: 'L', States: { L: { Type: 'Pass', End: true } } }], End: true },
    Oops: { Type: 'Fail', Error: 'Oops' },
  },
};

const run = (responses: Record<string, unknown>) =>
  runTestJob({ id: 1, machine: 'm', stateMachineName: 'm', input: {}, mocks: { responses: { R: responses }, testCase: { Work: 'R' } }, expectations: [], startTime: 0 }, MACHINE, nodeServices);

describe('coverage: states, Choice rules, catchers and retriers', () => {
  it('lists every item, nested blocks included, with a label and where it is', () => {
    const items = coverageItems(MACHINE);
    assert.deepEqual(items.map((i) => i.label), [
      'Work', 'Work: retrier 1 (Busy)', 'Work: retrier 2 (Slow)', 'Work: catcher 1 (Bad) → Oops', 'Work: catcher 2 (States.ALL) → Oops',
      'Which', 'Which: rule 1 → Both', 'Which: rule 2 → Oops', 'Which: Default → Both', 'Both', 'L', 'Oops',
    ]);
    assert.deepEqual(items.find((i) => i.label === 'L')?.at, ['States', 'Both', 'Branches', 0, 'States', 'L']);
  });

  it('counts what runs exercised: the retrier used, the catcher used, the rule matched or the Default', async () => {
    const items = coverageItems(MACHINE);
    const first = await run({ 0: { Throw: { Error: 'Slow' } }, 1: { Return: { n: 5 } } });
    addHits(items, first.observed.path, first.traces);
    const second = await run({ 0: { Throw: { Error: 'Bad' } } });
    addHits(items, second.observed.path, second.traces);
    const hit = (label: string) => items.find((i) => i.label === label)?.hits;
    assert.equal(hit('Work: retrier 2 (Slow)'), 1);
    assert.equal(hit('Work: retrier 1 (Busy)'), 0);
    assert.equal(hit('Work: catcher 1 (Bad) → Oops'), 1);
    assert.equal(hit('Work: catcher 2 (States.ALL) → Oops'), 0);
    assert.equal(hit('Which: Default → Both'), 1);
    assert.equal(hit('Which: rule 1 → Both'), 0);
    assert.equal(hit('L'), 1);
    assert.equal(hit('Work'), 2);
    const s = summarize(items);
    assert.deepEqual([s.state, s.choice, s.catch, s.retry], [{ covered: 5, total: 5 }, { covered: 1, total: 3 }, { covered: 1, total: 2 }, { covered: 1, total: 2 }]);
    assert.deepEqual(unreachedStates({ machine: 'm', items }), []);
    assert.deepEqual(unreachedStates({ machine: 'm', items: coverageItems(MACHINE) }).length, 5);
  });
});
