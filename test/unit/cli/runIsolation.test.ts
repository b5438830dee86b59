// `asl run` and `asl test-state` run the machine in an execution worker process: what handler code does there
// (never settle, reject late) is reported as a failed run with exit code 1, and the CLI process is untouched.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const TASK = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:F', End: true } } });

describe('asl run and asl test-state in a worker', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'asl-run-isolation-'));
  writeFileSync(join(dir, 'task.asl.json'), TASK);
  writeFileSync(join(dir, 'never.mjs'), 'export const handlers = { T: () => new Promise(() => {}) };');
  writeFileSync(join(dir, 'late.mjs'), "export const handlers = { T: async () => { setTimeout(() => Promise.reject(new Error('late boom')), 10); await new Promise((r) => setTimeout(r, 100)); return 1; } };");
  writeFileSync(join(dir, 'chatty.mjs'), "export const handlers = { T: (input) => { console.log('handler says hi'); return { got: input }; } };");
  writeFileSync(join(dir, 'loop.asl.json'), JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% ( $f := function($n){ $f($n + 1) }; $f(0) ) %}', End: true } } }));

  it('a handler that never settles: exit code 1 and the reason', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'task.asl.json', '--handlers', 'never.mjs'], t.io), 1);
    assert.match(t.out(), /Cause: Task 'T': the handler did not settle/);
  });

  it('a late rejection from a handler: exit code 1, and the CLI process lives on', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'task.asl.json', '--handlers', 'late.mjs', '--json'], t.io), 1);
    const printed = JSON.parse(t.out()) as { status: string; cause: string };
    assert.equal(printed.status, 'FAILED');
    assert.match(printed.cause, /Unhandled rejection in handler code: Error: late boom/);
  });

  it('what a handler prints goes to stderr, so --json output stays JSON', async () => {
    const t = memoryIo(dir, '{"a":1}');
    assert.equal(await runCli(['run', 'task.asl.json', '--handlers', 'chatty.mjs', '--input', '-', '--json'], t.io), 0);
    assert.deepEqual((JSON.parse(t.out()) as { output: unknown }).output, { got: { a: 1 } });
    assert.match(t.err(), /handler says hi/);
  });

  it('--timeout stops a runaway run; a bad --timeout or --memory is a usage error', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'loop.asl.json', '--timeout', '1'], t.io), 1);
    assert.match(t.out(), /ran longer than the local limit of 1 seconds/);
    const bad = memoryIo(dir);
    assert.equal(await runCli(['run', 'loop.asl.json', '--memory', 'lots'], bad.io), 2);
    assert.match(bad.err(), /--memory needs a number of at least 32 \(got 'lots'\)/);
  });

  it('--json of a run the host stopped ends its history with the ExecutionFailed event saying why', async () => {
    // The worker sends `--json` events as text (issue 17); the host's own last event follows the last one sent.
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'loop.asl.json', '--timeout', '1', '--json'], t.io), 1);
    const printed = JSON.parse(t.out()) as { status: string; events: { id: number; previousEventId: number; timestamp: string; type: string; executionFailedEventDetails?: { cause: string } }[] };
    assert.equal(printed.status, 'FAILED');
    // The Pass state's Entered event was never sent: its JSONata never let the worker's event loop turn.
    assert.deepEqual(printed.events.map((e) => e.type), ['ExecutionStarted', 'ExecutionFailed']);
    const [started, failed] = printed.events;
    assert.deepEqual([failed.id, failed.previousEventId, failed.timestamp], [2, 1, started.timestamp]);
    assert.match(failed.executionFailedEventDetails!.cause, /ran longer than the local limit of 1 seconds/);
  });

  it('handlers that do not load are a usage error (exit 2)', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'task.asl.json', '--handlers', 'missing.mjs'], t.io), 2);
    assert.match(t.err(), /asl run: The handlers module could not be loaded/);
  });

  it('asl test-state: a never-settling handler fails the state with the reason', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test-state', 'task.asl.json', '--state', 'T', '--handlers', 'never.mjs'], t.io), 1);
    const printed = JSON.parse(t.out()) as { status: string; cause: string };
    assert.equal(printed.status, 'FAILED');
    assert.match(printed.cause, /Task 'T': the handler did not settle/);
  });
});

