import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { memoryIo } from './memoryIo';

const EXAMPLES = resolve(__dirname, '../../../examples');

// A machine whose only Task is caught by States.ALL: without a mock it must still not end "successfully".
const CAUGHT_EVERYTHING = JSON.stringify({
  StartAt: 'Charge Card',
  States: {
    'Charge Card': { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge' }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fallback' }], End: true },
    Fallback: { Type: 'Pass', End: true },
  },
}, null, 2);

const DISTRIBUTED = JSON.stringify({
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map', ToleratedFailurePercentage: 100, End: true,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'w' }, End: true } } },
    },
  },
}, null, 2);

describe('asl run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-run-'));
  for (const f of ['donut-shop.asl.json', 'donut-shop.input.json', 'donut-shop.mocks.json']) copyFileSync(join(EXAMPLES, f), join(dir, f));
  mkdirSync(join(dir, 'alone'));
  copyFileSync(join(EXAMPLES, 'donut-shop.asl.json'), join(dir, 'alone/donut-shop.asl.json'));
  writeFileSync(join(dir, 'alone/one.mocks.json'), JSON.stringify({
    StateMachines: { 'donut-shop': { TestCases: { Only: { 'Get Donut Price': 'Price', 'Sell Donut': 'Sold' } } } },
    MockedResponses: { Price: { 0: { Return: { Item: { Price: { N: '3' } } } } }, Sold: { 0: { Return: { Payload: { ok: true } } } } },
  }));
  writeFileSync(join(dir, 'caught.asl.json'), CAUGHT_EVERYTHING);
  writeFileSync(join(dir, 'distributed.asl.json'), DISTRIBUTED);
  writeFileSync(join(dir, 'distributed.input.json'), '[1, 2]');

  it('prints a summary by default: status, duration, states taken with counts, output; says what it picked up beside the machine', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'donut-shop.asl.json', '--test-case', 'ThrottledThenSold'], t.io), 0);
    assert.match(t.err(), /using input donut-shop\.input\.json \(beside the machine\); mocks donut-shop\.mocks\.json \(beside the machine\), test case ThrottledThenSold/);
    const out = t.out();
    assert.match(out, /^SUCCEEDED in [\d.]+ (ms|s) \(virtual time\) · 19 events · 4 states/);
    assert.match(out, /^ {2}Sell Donut +Task +1× {2}\(1 retry\)$/m);
    assert.match(out, /^ {2}Done +Succeed +1×$/m);
    assert.match(out, /"message": "Enjoy your glazed donut!"/);
    assert.doesNotMatch(out, /TaskScheduled/);
  });

  it('prints every event with --history', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'donut-shop.asl.json', '--test-case', 'HappyPath', '--history'], t.io), 0);
    assert.match(t.out(), /^ {3}3 {2}\S+ {2}TaskScheduled +resource=arn:aws:states:::dynamodb:getItem$/m);
    assert.match(t.out(), /^Status: SUCCEEDED/m);
  });

  it('--format github prints an ::error annotation at the line of the state that failed the run', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'donut-shop.asl.json', '--test-case', 'SoldOut', '--format', 'github'], t.io), 1);
    // "Sold Out" is the Fail state on line 50 of the example; ':' in a property is escaped as %3A.
    assert.match(t.out(), /^::error file=donut-shop\.asl\.json,line=50,title=Execution FAILED in 'Sold Out'%3A SoldOut::SoldOut: No donuts of that kind are left\.$/m);
    assert.match(t.out(), /Sold Out +Fail +1× {2}\(failed here\)/);
  });

  it('--format github annotates an invalid definition at each problem', async () => {
    writeFileSync(join(dir, 'broken.asl.json'), '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "Next": "B" } }\n}');
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'broken.asl.json', '--format', 'github', '--no-mocks'], t.io), 2);
    assert.match(t.out(), /^::error file=broken\.asl\.json,line=3,col=\d+,title=Invalid state machine \(unknown-state\)::/m);
  });

  it('--json still prints the whole result', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'donut-shop.asl.json', '--test-case', 'NoFunds', '--json'], t.io), 1);
    const result = JSON.parse(t.out());
    assert.equal(result.status, 'FAILED');
    assert.equal(result.error, 'PaymentDeclined');
    assert.deepEqual(Object.keys(result), ['events', 'status', 'error', 'cause']);
    assert.equal(result.events.at(-1).type, 'ExecutionFailed');
  });

  it('--json prints the events as the run makes them, and the result when it ends', async () => {
    writeFileSync(join(dir, 'slow.asl.json'), JSON.stringify({
      StartAt: 'Before',
      States: { Before: { Type: 'Pass', Result: { step: 1 }, Next: 'Pause' }, Pause: { Type: 'Wait', Seconds: 1, Next: 'After' }, After: { Type: 'Pass', End: true } },
    }));
    const t = memoryIo(dir);
    const writes: { at: number; text: string }[] = [];
    t.io.stdout = (text) => writes.push({ at: performance.now(), text });
    assert.equal(await runCli(['run', 'slow.asl.json', '--json', '--real-time', '--no-mocks'], t.io), 0);
    // The events before the Wait came out while it waited (a second of real time), before the result.
    assert.match(writes[0].text, /^\{\n {2}"events": \[\n {4}\{\n {6}"id": 1,/);
    const waiting = writes.find((w) => w.text.includes('"WaitStateEntered"'));
    assert.ok(waiting && writes.at(-1)!.at - waiting.at > 800, `the Wait's start printed ${waiting && writes.at(-1)!.at - waiting.at} ms before the end`);
    const printed = writes.map((w) => w.text).join('');
    const result = JSON.parse(printed);
    assert.equal(printed, `${JSON.stringify({ events: result.events, status: 'SUCCEEDED', output: { step: 1 } }, null, 2)}\n`);
    assert.deepEqual(result.events.map((e: { type: string }) => e.type), [
      'ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'WaitStateEntered', 'WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('--json of a run stopped by its time limit: the events it printed, its closing event next, then the result', async () => {
    writeFileSync(join(dir, 'stuck.asl.json'), JSON.stringify({
      StartAt: 'Before',
      States: { Before: { Type: 'Pass', Next: 'Pause' }, Pause: { Type: 'Wait', Seconds: 30, End: true } },
    }));
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'stuck.asl.json', '--json', '--real-time', '--timeout', '1', '--no-mocks'], t.io), 1);
    const result = JSON.parse(t.out());
    assert.deepEqual(Object.keys(result), ['events', 'status', 'error', 'cause']);
    assert.equal(result.status, 'FAILED');
    assert.deepEqual(result.events.map((e: { type: string }) => e.type), ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'WaitStateEntered', 'ExecutionFailed']);
    // The closing event follows the last one the worker sent.
    assert.deepEqual(result.events.map((e: { id: number }) => e.id), [1, 2, 3, 4, 5]);
    assert.equal(result.events[4].previousEventId, 4);
    assert.equal(result.events[4].executionFailedEventDetails.cause, result.cause);
  });

  it('a mock file with several test cases and no --test-case lists them on stdout and runs nothing (exit 2)', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'donut-shop.asl.json'], t.io), 2);
    assert.equal(t.out(), 'HappyPath\nSoldOut\nNoFunds\nThrottledThenSold\n');
    assert.match(t.err(), /has 4 test cases \(listed on stdout\); choose one with --test-case NAME/);
  });

  it('a mock file with exactly one test case uses it; an explicit --input wins over the file beside the machine', async () => {
    const t = memoryIo(dir, '{"donut": "plain"}');
    assert.equal(await runCli(['run', 'alone/donut-shop.asl.json', '--mocks', 'alone/one.mocks.json', '--input', '-'], t.io), 0);
    assert.match(t.err(), /using mocks alone\/one\.mocks\.json, test case Only \(its only one\)/);
    assert.doesNotMatch(t.err(), /input/);
    assert.match(t.out(), /Enjoy your plain donut!/);
  });

  it('--test-case without any mock file is a usage error', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'caught.asl.json', '--test-case', 'X'], t.io), 2);
    assert.match(t.err(), /--test-case needs a mock file/);
  });

  it('a Task with no mock and no handler is a setup error (exit 2) that a States.ALL catcher does not hide', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'caught.asl.json'], t.io), 2);
    assert.match(t.out(), /^FAILED/);
    assert.doesNotMatch(t.out(), /Fallback/);
    assert.match(t.err(), /setup error: Task state 'Charge Card' has no mock and no handler\. Add it to the test case in the mock file/);
    assert.match(t.err(), /"MockedResponses": \{ "ChargeCardResponse": \{ "0": \{ "Return"/);
  });

  it('the setup error also points --format github at the Task', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'caught.asl.json', '--format', 'github'], t.io), 2);
    assert.match(t.out(), /^::error file=caught\.asl\.json,line=4,title=Task 'Charge Card' has no mock::States\.Runtime: Task state 'Charge Card' has no mock/m);
  });

  it('a missing mock inside a Distributed Map is not a tolerated item failure', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'distributed.asl.json'], t.io), 2);
    assert.match(t.err(), /Task state 'Work' has no mock/);
  });

  it('escapes newlines and commas of a state name in the annotation', async () => {
    writeFileSync(join(dir, 'odd.asl.json'), JSON.stringify({ StartAt: 'a,b\nc', States: { 'a,b\nc': { Type: 'Fail', Error: 'E', Cause: '100%\ndone' } } }));
    const t = memoryIo(dir);
    assert.equal(await runCli(['run', 'odd.asl.json', '--format', 'github'], t.io), 1);
    const line = t.out().split('\n').find((l) => l.startsWith('::error'))!;
    assert.equal(line, "::error file=odd.asl.json,line=1,title=Execution FAILED in 'a%2Cb%0Ac'%3A E::E: 100%25%0Adone");
  });
});

describe('asl test-state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-test-state-'));
  for (const f of ['donut-shop.asl.json', 'donut-shop.mocks.json']) copyFileSync(join(EXAMPLES, f), join(dir, f));
  writeFileSync(join(dir, 'caught.asl.json'), CAUGHT_EVERYTHING);

  it('uses the mock file beside the machine and prints the steps as rows with --format text', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test-state', 'donut-shop.asl.json', '--state', 'Get Donut Price', '--test-case', 'HappyPath', '--input', '{"donut":"glazed"}', '--format', 'text'], t.io), 0);
    assert.match(t.err(), /using mocks donut-shop\.mocks\.json \(beside the machine\), test case HappyPath/);
    const out = t.out();
    assert.match(out, /^Get Donut Price: SUCCEEDED → Sell Donut$/m);
    assert.match(out, /^InputPath \(not set\)$/m);
    assert.match(out, /^ResultSelector \{"price\.\$":"\$\.Item\.Price\.N"\}\n {2}\{\n {4}"price": "2"\n {2}\}$/m);
    assert.match(out, /^ResultPath "\$\.catalog"$/m);
  });

  it('a state that calls no Task is tested without asking for a test case', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test-state', 'donut-shop.asl.json', '--state', 'Enjoy', '--input', '{"donut":"x","sale":{"receipt":1}}'], t.io), 0);
    assert.equal(JSON.parse(t.out()).output.message, 'Enjoy your x donut!');
  });

  it('a Task with no mock is a setup error (exit 2), not a CAUGHT_ERROR', async () => {
    const t = memoryIo(dir);
    assert.equal(await runCli(['test-state', 'caught.asl.json', '--state', 'Charge Card'], t.io), 2);
    assert.equal(JSON.parse(t.out()).status, 'FAILED');
    assert.match(t.err(), /setup error: Task state 'Charge Card' has no mock and no handler/);
  });

  it('--type express refuses what Express refuses and runs past 25,000 events; --type must be standard or express', async function () {
    this.timeout(90_000);
    // Developer guide, "Optimized integrations": Express has no .waitForTaskToken; service quotas: no history limit.
    writeFileSync(join(dir, 'callback.asl.json'), JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } }));
    const refused = memoryIo(dir);
    assert.equal(await runCli(['run', 'callback.asl.json', '--type', 'express'], refused.io), 2);
    assert.match(refused.err(), /express-unsupported Express state machine does not support '.waitForTaskToken' service integration/);
    writeFileSync(join(dir, 'loop.asl.json'), JSON.stringify({ StartAt: 'Count', States: {
      Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'More?' },
      'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 9000, Next: 'Count' }], Default: 'Done' },
      Done: { Type: 'Succeed' } } }));
    writeFileSync(join(dir, 'loop.input.json'), '{ "n": 0 }');
    const standard = memoryIo(dir);
    assert.equal(await runCli(['run', 'loop.asl.json', '--json'], standard.io), 1);
    const express = memoryIo(dir);
    assert.equal(await runCli(['run', 'loop.asl.json', '--type', 'express', '--json'], express.io), 0);
    assert.deepEqual(JSON.parse(express.out()).output, { n: 9000 });
    const bad = memoryIo(dir);
    assert.equal(await runCli(['run', 'loop.asl.json', '--type', 'fast'], bad.io), 2);
    assert.match(bad.err(), /--type must be standard or express/);
  });
});
