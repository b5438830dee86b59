// Task-token answers crossing the isolation boundary (dist/executionWorker.js, built by `npm test`): the worker says
// which task waits, the host sends the user's answer, and nothing but data crosses.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSetupFailure, startExecution, type JobSpec } from '../../../server/src/execution/isolatedExecution';
import { DEFAULT_LIMITS } from '../../../server/src/execution/runLimits';
import type { WaitingTask } from '../../../server/src/interpreter/taskTokens';

const PAY = {
  StartAt: 'Pay',
  States: {
    Pay: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } }, ResultPath: '$.payment', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};
const spec = (extra: Partial<JobSpec> = {}): JobSpec => ({ definition: PAY, input: { order: 7 }, stateMachineName: 'm', executionName: 'e', startTime: Date.parse('2026-01-01T00:00:00Z'), realTime: false, ...extra });

describe('task-token answers across the execution worker boundary', function () {
  this.timeout(30_000);

  it("the user's SendTaskSuccess reaches the waiting task and the run finishes; a repeated answer changes nothing", async () => {
    const seen: WaitingTask[] = [];
    const run = startExecution(spec({ userAnswers: true }), DEFAULT_LIMITS, {
      onCallback: (task) => {
        seen.push(task);
        if (task.waiting) {
          run.answer(task.token, { kind: 'heartbeat' });
          run.answer(task.token, { kind: 'success', output: { paid: 'by user' } });
          run.answer(task.token, { kind: 'failure', error: 'Late' });
        }
      },
    });
    const result = await run.result;
    assert.ok(!isSetupFailure(result));
    assert.equal(result.status, 'SUCCEEDED', result.cause);
    assert.deepEqual(result.output, { order: 7, payment: { paid: 'by user' } });
    assert.deepEqual(seen.map((t) => [t.stateName, t.waiting]), [['Pay', true], ['Pay', false]]);
    assert.ok(result.events.some((e) => e.type === 'TaskSubmitted'));
  });

  it("SendTaskFailure from the user fails the task with the user's error and cause", async () => {
    const run = startExecution(spec({ userAnswers: true }), DEFAULT_LIMITS, {
      onCallback: (task) => task.waiting && run.answer(task.token, { kind: 'failure', error: 'Payment.Declined', cause: 'by the user' }),
    });
    const result = await run.result;
    assert.ok(!isSetupFailure(result));
    assert.deepEqual([result.status, result.error, result.cause], ['FAILED', 'Payment.Declined', 'by the user']);
  });

  it('a malformed answer from the host is ignored; TimeoutSeconds (real seconds here) then fires', async () => {
    const definition = { ...PAY, States: { ...PAY.States, Pay: { ...PAY.States.Pay, TimeoutSeconds: 1 } } };
    const run = startExecution(spec({ definition, userAnswers: true }), DEFAULT_LIMITS, {
      onCallback: (task) => task.waiting && run.answer(task.token, { kind: 'success' } as never),
    });
    const result = await run.result;
    assert.ok(!isSetupFailure(result));
    assert.equal(result.error, 'States.Timeout');
  });

  it('a handler answers later through sendTaskSuccess on its context, in the worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-callback-'));
    const handlers = join(dir, 'pay.handlers.mjs');
    writeFileSync(handlers, "export const handlers = { Pay: (input, context) => { setTimeout(() => context.sendTaskSuccess({ token: context.Task.Token }), 20); return { MessageId: 'm' }; } };\n");
    const result = await startExecution(spec({ handlersPath: handlers }), DEFAULT_LIMITS).result;
    assert.ok(!isSetupFailure(result));
    assert.equal(result.status, 'SUCCEEDED', result.cause);
    assert.match(JSON.stringify(result.output), /"payment":\{"token":"local-task-token-1"\}/);
  });

  it('without someone to answer (the CLI) a callback with no mock and no handler stays a setup error', async () => {
    const result = await startExecution(spec(), DEFAULT_LIMITS).result;
    assert.ok(!isSetupFailure(result));
    assert.equal(result.error, 'States.Runtime');
    assert.match(result.cause ?? '', /has no mock and no handler/);
  });
});
