import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runExecution } from '../../server/src/interpreter/runExecution';
import { prepareDefinition } from '../../server/src/interpreter/prepareDefinition';
import { StatesError } from '../../server/src/interpreter/statesError';
import type { TaskInvoker } from '../../server/src/interpreter/types';
import { VirtualClock } from '../../server/src/interpreter/virtualClock';
import { START, testServices } from '../unit/interpreter/runMachine';
import { fuzzParams, fuzzReport } from './fuzzScale';
import { buildMachine, inputArb, machineSpecArb } from './randomMachine';

const WALL_LIMIT_MS = 2000;
/** Error names a run may end with besides States.*: the Fail state's, the task's, JSONata's $error. */
const DEFINED_ERRORS = new Set(['Custom.Fail', 'Custom.TaskErr', 'Custom.Boom']);

/** A task that answers by its attempt and input: a result, a custom error, or a States.* error. */
const invoker: TaskInvoker = async (request) => {
  const roll = (JSON.stringify(request.input ?? null).length + request.attempt) % 4;
  if (roll === 0) throw new StatesError('Custom.TaskErr', 'flaky');
  if (roll === 1) throw new StatesError('States.TaskFailed', 'failed');
  return roll === 2 ? { Payload: request.input } : JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}');
};

// Issue 12, "Fuzzing in CI": random machines, run bounded, never make the interpreter throw; every failure is a
// States.* error or one the definition names, and nothing reaches Object.prototype.
describe('fuzz: the interpreter on random machines', function () {
  this.timeout(600_000);
  let ran = 0;
  let refused = 0;
  const statuses: Record<string, number> = {};
  after(() => fuzzReport(`interpreter: ${ran} runs (${refused} machines refused by the validator), statuses ${JSON.stringify(statuses)}`));

  it('ends every run with a status and a States.* or defined error, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(machineSpecArb, inputArb, async (spec, input) => {
        const prepared = prepareDefinition(JSON.stringify(buildMachine(spec)));
        if ('problems' in prepared) {
          refused++;
          return;
        }
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), WALL_LIMIT_MS);
        const started = performance.now();
        try {
          const result = await runExecution({
            definition: prepared.definition, input, invokeTask: invoker, clock: new VirtualClock(START), services: testServices,
            signal: controller.signal, maxEvents: 2000, eventDetail: 'summary',
          });
          ran++;
          statuses[result.status] = (statuses[result.status] ?? 0) + 1;
          assert.ok(performance.now() - started < WALL_LIMIT_MS, `the run took ${performance.now() - started} ms`);
          assert.ok(['SUCCEEDED', 'FAILED', 'TIMED_OUT'].includes(result.status), result.status);
          if (result.status === 'FAILED') {
            assert.equal(typeof result.error, 'string');
            assert.ok(result.error!.startsWith('States.') || DEFINED_ERRORS.has(result.error!), `${result.error}: ${result.cause}`);
          }
          assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
        } finally {
          clearTimeout(timer);
        }
      }),
      fuzzParams(300),
    );
  });
});
