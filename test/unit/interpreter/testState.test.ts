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
