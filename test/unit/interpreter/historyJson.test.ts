import assert from 'node:assert/strict';
import fc from 'fast-check';
import { eventsJson, lastEventOf, RunJsonWriter } from '../../../server/src/execution/historyJson';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import { StatesError } from '../../../server/src/interpreter/statesError';
import type { ExecutionResult, HistoryEvent, TaskInvoker } from '../../../server/src/interpreter/types';
import { fuzzParams } from '../../fuzz/fuzzScale';
import { buildMachine, inputArb, machineSpecArb } from '../../fuzz/randomMachine';
import { run } from './runMachine';

// Issue 17: for `asl run --json` the execution worker sends the events as they are printed, in batches, and the
// CLI prints them as they come, then the result. The whole must be exactly JSON.stringify of the result, events first.
function runJsonText(result: Pick<ExecutionResult, 'status' | 'output' | 'error' | 'cause'>, texts: string[]): string {
  const written: string[] = [];
  const writer = new RunJsonWriter((text) => written.push(text));
  for (const text of texts) writer.events(text);
  writer.end(result);
  return written.join('');
}
const printed = (r: ExecutionResult) => `${JSON.stringify({ events: r.events, status: r.status, output: r.output, error: r.error, cause: r.cause }, null, 2)}\n`;

/** The events cut into consecutive batches at `cuts` (as the worker sends them), each written by eventsJson. */
function inBatches(events: HistoryEvent[], cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b);
  const texts: string[] = [];
  let from = 0;
  for (const to of [...at, events.length]) {
    texts.push(eventsJson(events.slice(from, to)));
    from = Math.max(from, to);
  }
  return texts;
}

function assertSamePrint(result: ExecutionResult, cuts: number[]): void {
  const texts = inBatches(result.events, cuts);
  assert.equal(runJsonText({ status: result.status, output: result.output, error: result.error, cause: result.cause }, texts), printed(result));
  const last = result.events.at(-1);
  if (last) assert.deepEqual(lastEventOf(texts.filter((t) => t !== '').at(-1)!), { id: last.id, timestamp: last.timestamp });
}

describe('interpreter: the history as `asl run --json` prints it, in batches', () => {
  it('prints Pass, Wait, Parallel, Task, Map, Choice and Fail events with awkward strings as JSON.stringify of the result would', async () => {
    const definition = {
      StartAt: 'Start "quoted" ✓',
      States: {
        'Start "quoted" ✓': { Type: 'Pass', Parameters: { text: 'line\nbreak \u2028 \u0001 "q" \\ ✓', nested: { a: [1, { b: null }], e: {} } }, Next: 'Wait' },
        Wait: { Type: 'Wait', Seconds: 3, Next: 'Fan' },
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 30, HeartbeatSeconds: 10, Parameters: { 'Payload.$': '$' }, End: true } } },
            { StartAt: 'Each', States: { Each: { Type: 'Map', ItemsPath: '$.nested.a', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } },
          ],
          Next: 'Pick',
        },
        Pick: { Type: 'Choice', Choices: [{ Variable: '$[1][0]', NumericEquals: 1, Next: 'Boom' }], Default: 'Boom' },
        Boom: { Type: 'Fail', Error: 'Custom.Error', Cause: 'a "cause"\nwith a line' },
      },
    };
    const result = await run(definition, { start: 'é' });
    assert.equal(result.status, 'FAILED');
    assert.ok(result.events.length > 20);
    for (const cuts of [[], [0], [1], [5, 6, 7], [3, 3, 12, 1000]]) assertSamePrint(result, cuts);
  });

  it('prints a run with no events, and one whose output is undefined, as JSON.stringify would', () => {
    assert.equal(runJsonText({ status: 'FAILED', error: 'ValidationException', cause: 'too big' }, []), printed({ status: 'FAILED', error: 'ValidationException', cause: 'too big', events: [], durationMs: 0 }));
    assert.equal(runJsonText({ status: 'SUCCEEDED', output: { a: [1, 2] } }, ['']), printed({ status: 'SUCCEEDED', output: { a: [1, 2] }, events: [], durationMs: 0 }));
    assert.equal(lastEventOf(''), undefined);
  });

  it('prints random machines as JSON.stringify would, however the events are batched', async () => {
    const invoker: TaskInvoker = async (request) => {
      const roll = (JSON.stringify(request.input ?? null).length + request.attempt) % 3;
      if (roll === 0) throw new StatesError('Custom.TaskErr', 'flaky "task"');
      return roll === 1 ? { Payload: request.input } : [1, 'two', { three: null }];
    };
    await fc.assert(
      fc.asyncProperty(machineSpecArb, inputArb, fc.array(fc.nat(), { maxLength: 6 }), async (spec, input, cuts) => {
        const prepared = prepareDefinition(JSON.stringify(buildMachine(spec)));
        if ('problems' in prepared) return;
        assertSamePrint(await run(prepared.definition, input, invoker, { maxEvents: 400 }), cuts);
      }),
      fuzzParams(60),
    );
  });
});
