import assert from 'node:assert/strict';
import { StatesError } from '../../../server/src/interpreter/statesError';
import { testState } from '../../../server/src/interpreter/testState';
import { VirtualClock } from '../../../server/src/interpreter/virtualClock';
import { testServices } from './runMachine';

const machine = {
  StartAt: 'Outer',
  States: {
    Outer: {
      Type: 'Parallel',
      Branches: [{
        StartAt: 'Work',
        States: {
          Work: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            InputPath: '$.order',
            Parameters: { 'id.$': '$.id', 'who.$': '$who' },
            ResultSelector: { 'total.$': '$.Payload.total' },
            ResultPath: '$.priced',
            Retry: [{ ErrorEquals: ['Throttled'] }],
            Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Handle' }],
            Next: 'Handle',
          },
          Handle: { Type: 'Succeed' },
        },
      }],
      End: true,
    },
  },
};

const base = { definition: machine, clock: new VirtualClock(0), services: testServices, stateName: 'Work', input: { order: { id: 7 } }, variables: { who: 'ana' } };

// Like AWS's TestState API: one state, its processing steps, and no retries.
describe('interpreter: test one state', () => {
  it('reports every JSONPath processing step and the next state (nested states are found by name)', async () => {
    const r = await testState({ ...base, invokeTask: async (req) => ({ Payload: { total: 42, got: req.input } }) });
    assert.equal(r.status, 'SUCCEEDED');
    assert.equal(r.nextState, 'Handle');
    assert.deepEqual(r.inspectionData.afterInputPath, { id: 7 });
    assert.deepEqual(r.inspectionData.afterParameters, { id: 7, who: 'ana' });
    assert.deepEqual(r.inspectionData.afterResultSelector, { total: 42 });
    assert.deepEqual(r.output, { order: { id: 7 }, priced: { total: 42 } });
  });

  it('a retriable error is RETRIABLE; another is CAUGHT_ERROR with the catcher next state', async () => {
    const throttled = await testState({ ...base, invokeTask: async () => { throw new StatesError('Throttled', 'slow down'); } });
    assert.equal(throttled.status, 'RETRIABLE');
    const caught = await testState({ ...base, invokeTask: async () => { throw new StatesError('Boom', 'x'); } });
    assert.deepEqual([caught.status, caught.nextState], ['CAUGHT_ERROR', 'Handle']);
    assert.deepEqual(caught.output, { order: { id: 7 }, error: { Error: 'Boom', Cause: 'x' } });
  });
});

// The rows of the Test State view: each processing step the state type has, with the value after it.
describe('interpreter: test state steps', () => {
  it('gives a JSONPath Task its rows in processing order, unset fields marked, Assign compared with the variables before', async () => {
    const r = await testState({ ...base, invokeTask: async () => ({ Payload: { total: 42 } }) });
    assert.deepEqual(r.steps.map((s) => s.step), ['Input', 'InputPath', 'Parameters', 'Result', 'ResultSelector', 'ResultPath', 'OutputPath', 'Assign']);
    const byStep = Object.fromEntries(r.steps.map((s) => [s.step, s]));
    assert.equal(byStep.InputPath.field, '$.order');
    assert.deepEqual(byStep.Parameters.value, { id: 7, who: 'ana' });
    assert.deepEqual(byStep.Result.value, { Payload: { total: 42 } });
    assert.equal(byStep.OutputPath.field, undefined);
    assert.deepEqual(byStep.OutputPath.value, { order: { id: 7 }, priced: { total: 42 } });
    assert.deepEqual(byStep.Assign.before, { who: 'ana' });
  });

  it('a failing Task keeps the steps it reached and marks the rest not reached', async () => {
    const r = await testState({ ...base, invokeTask: async () => { throw new StatesError('Boom', 'x'); } });
    const reached = r.steps.filter((s) => s.reached).map((s) => s.step);
    assert.deepEqual(reached, ['Input', 'InputPath', 'Parameters']);
  });

  it('a JSONata Task reports Arguments, Result, Output and Assign', async () => {
    const jsonata = { QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { n: '{% $states.input.n + 1 %}' }, Output: '{% $states.result.v %}', Assign: { seen: '{% $states.result.v %}' }, End: true } } };
    const r = await testState({ definition: jsonata, clock: new VirtualClock(0), services: testServices, stateName: 'T', input: { n: 1 }, invokeTask: async (req) => ({ v: (req.input as { n: number }).n * 10 }) });
    assert.deepEqual(r.steps.map((s) => [s.step, s.value]), [['Input', { n: 1 }], ['Arguments', { n: 2 }], ['Result', { v: 20 }], ['Output', 20], ['Assign', { seen: 20 }]]);
  });
});
