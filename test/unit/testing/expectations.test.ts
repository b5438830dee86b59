import assert from 'node:assert/strict';
import { nodeServices } from '../../../server/src/runtime/nodeRuntime';
import { parseTestFile } from '../../../server/src/testing/parseTestFile';
import { runTestJob } from '../../../server/src/testing/runTestJob';
import type { TestOutcome } from '../../../server/src/testing/testJob';

// A machine with a Choice, a retried and caught Task, a Map and variables: every expectation kind has something to check.
const MACHINE = {
  StartAt: 'Price',
  States: {
    Price: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultSelector: { 'price.$': '$.Payload' }, ResultPath: '$.quote', Assign: { 'seen.$': '$.Payload' }, Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Broken' }], Next: 'Cheap?' },
    'Cheap?': { Type: 'Choice', Choices: [{ Variable: '$.quote.price', NumericLessThan: 10, Next: 'Each' }], Default: 'Too Dear' },
    Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.n, $.n)' }, End: true } } }, ResultPath: '$.doubled', End: true },
    'Too Dear': { Type: 'Fail', Error: 'TooDear', Cause: 'The price is 10 or more' },
    Broken: { Type: 'Fail', Error: 'Broken', Cause: 'The price service failed' },
  },
};
const INPUT = { items: [{ n: 1 }, { n: 2 }] };
type Mocks = { responses: Record<string, unknown>; testCase: Record<string, string> };
const PRICE = (p: unknown): Mocks => ({ responses: { P: p }, testCase: { Price: 'P' } });
const CHEAP = PRICE({ 0: { Throw: { Error: 'Busy', Cause: 'try later' } }, 1: { Return: { Payload: 4 } } });

/** Runs a test written as in a test file (its `expect`), in this process, and returns the outcome. */
async function run(test: Record<string, unknown>, mocks: Mocks = CHEAP): Promise<TestOutcome> {
  const file = parseTestFile(JSON.stringify({ tests: [{ name: 't', input: INPUT, ...test }] }, null, 2), 'x.tests.json');
  assert.deepEqual(file.problems, []);
  const spec = file.tests[0];
  return runTestJob({ id: 1, machine: 'm', stateMachineName: 'm', input: spec.input, mocks, expectations: spec.expectations, startTime: 0, ...(spec.state ? { state: spec.state, variables: spec.variables ?? {} } : {}) }, MACHINE, nodeServices);
}

const passes = async (expect: Record<string, unknown>, extra: Record<string, unknown> = {}, mocks: Mocks = CHEAP) => {
  const outcome = await run({ ...extra, expect }, mocks);
  assert.deepEqual(outcome.failures.map((f) => f.message), [], `expected to pass: ${JSON.stringify(expect)}`);
};
const fails = async (expect: Record<string, unknown>, message: RegExp, extra: Record<string, unknown> = {}, mocks: Mocks = CHEAP) => {
  const outcome = await run({ ...extra, expect }, mocks);
  assert.equal(outcome.failures.length, 1, `expected one failure for ${JSON.stringify(expect)}`);
  assert.match(outcome.failures[0].message, message);
  return outcome.failures[0];
};

describe('test expectations: each kind passes when true and fails when not', () => {
  const output = { items: INPUT.items, quote: { price: 4 }, doubled: [{ v: 2 }, { v: 4 }] };

  it('status', async () => {
    await passes({ status: 'SUCCEEDED' });
    const f = await fails({ status: 'FAILED' }, /status: expected FAILED, got SUCCEEDED/);
    assert.equal(f.actual, 'SUCCEEDED');
    assert.equal(f.updatable, true);
  });

  it('output (exact), with a diff and the first difference', async () => {
    await passes({ output });
    const f = await fails({ output: { ...output, quote: { price: 5 } } }, /output: not as expected \(first difference at \$\.quote\.price\)/);
    assert.match(f.diff ?? '', /^- {5}"price": 5\n\+ {5}"price": 4$/m);
    await fails({ output: { quote: { price: 4 } } }, /first difference at \$\.items/);
  });

  it('outputContains (subset of objects, arrays item by item)', async () => {
    await passes({ outputContains: { quote: { price: 4 }, doubled: [{ v: 2 }, { v: 4 }] } });
    await fails({ outputContains: { quote: { price: 4, currency: 'EUR' } } }, /does not contain .*\$\.quote\.currency/);
    await fails({ outputContains: { doubled: [{ v: 2 }] } }, /\$\.doubled/);
  });

  it('outputMatches (a JSONata predicate on the output, bare or in {% %})', async () => {
    await passes({ outputMatches: 'quote.price < 5 and $count(doubled) = 2' });
    await passes({ outputMatches: '{% $sum(doubled.v) = 6 %}' });
    await fails({ outputMatches: 'quote.price > 5' }, /the predicate "quote.price > 5" is false/);
    await fails({ outputMatches: 'quote.price' }, /is not true \(it gave 4\)/);
  });

  it('error, cause and causeContains', async () => {
    const dear = PRICE({ 0: { Return: { Payload: 12 } } });
    await passes({ status: 'FAILED', error: 'TooDear', cause: 'The price is 10 or more', causeContains: '10 or more' }, {}, dear);
    await fails({ error: 'Broken' }, /error: expected "Broken", got "TooDear"/, {}, dear);
    await fails({ cause: 'x' }, /cause: expected "x", got "The price is 10 or more"/, {}, dear);
    await fails({ causeContains: 'cheap' }, /cause: expected it to contain "cheap"/, {}, dear);
    await fails({ error: 'TooDear' }, /got no error/);
  });

  it('path (exact) and pathIncludes (ordered subsequence)', async () => {
    await passes({ path: ['Price', 'Cheap?', 'Each', 'Double', 'Double'] });
    await fails({ path: ['Price', 'Cheap?', 'Each'] }, /path: not as expected/);
    await passes({ pathIncludes: ['Price', 'Each'] });
    await fails({ pathIncludes: ['Each', 'Price'] }, /expected 'Price' after 'Each' in the path taken: Price → Cheap\? → Each/);
  });

  it('states: input/output exact, subset and predicate; runs; retries; a later run', async () => {
    await passes({ states: { Price: { input: INPUT, outputContains: { quote: { price: 4 } }, retries: 1, runs: 1 }, Double: { runs: 2, output: { v: 2 } } } });
    await passes({ states: { Double: { run: 1, input: { n: 2 }, outputMatches: 'v = 4' } } });
    await fails({ states: { Double: { runs: 3 } } }, /state 'Double': expected 3 runs, it ran 2 times/);
    await fails({ states: { Price: { retries: 0 } } }, /state 'Price': expected 0 retries, got 1/);
    await fails({ states: { Price: { inputContains: { items: [] } } } }, /state 'Price' input: does not contain/);
    await fails({ states: { Double: { run: 1, output: { v: 2 } } } }, /state 'Double' \(run 1\) output: not as expected/);
    await fails({ states: { Double: { run: 5, input: {} } } }, /ran 2 times; there is no run 5/);
    await fails({ states: { 'Too Dear': { input: {} } } }, /state 'Too Dear' never ran \(path: Price → Cheap\? → Each → Double → Double\)/);
    await fails({ states: { Price: { inputMatches: 'items[0].n = 9' } } }, /state 'Price' input: the predicate .* is false/);
  });

  it('variables (the final top-level variables, as a subset)', async () => {
    await passes({ variables: { seen: 4 } });
    await fails({ variables: { seen: 5 } }, /variables: does not contain .*\$\.seen/);
  });

  it('maxTransitions: a run that goes past it is stopped and fails the expectation', async () => {
    await passes({ maxTransitions: 5 });
    const outcome = await runTestJob({ id: 1, machine: 'm', stateMachineName: 'm', input: INPUT, mocks: CHEAP, expectations: [{ kind: 'maxTransitions', expected: 2, at: [], line: 3 }], maxTransitions: 2, startTime: 0 }, MACHINE, nodeServices);
    assert.equal(outcome.observed.status, 'ABORTED');
    assert.match(outcome.failures[0].message, /expected at most 2, the run entered 3 states \(stopped there\)/);
  });

  it('a caught error: the catcher leads to its Fail state', async () => {
    await passes({ status: 'FAILED', error: 'Broken', path: ['Price', 'Broken'] }, {}, PRICE({ '0-9': { Throw: { Error: 'Down', Cause: 'no' } } }));
  });

  it('one state alone: status, nextState, output, inspectionData, variables', async () => {
    const alone = { state: 'Price', input: { items: [] } };
    await passes({ status: 'SUCCEEDED', nextState: 'Cheap?', output: { items: [], quote: { price: 4 } }, inspectionData: { result: { Payload: 4 } }, variables: { seen: 4 } }, alone, PRICE({ 0: { Return: { Payload: 4 } } }));
    await passes({ status: 'RETRIABLE', error: 'Busy' }, alone);
    await passes({ status: 'CAUGHT_ERROR', nextState: 'Broken' }, alone, PRICE({ 0: { Throw: { Error: 'Down', Cause: 'no' } } }));
    await fails({ nextState: 'Broken' }, /nextState: expected "Broken", got "Cheap\?"/, alone, PRICE({ 0: { Return: { Payload: 4 } } }));
    await fails({ inspectionData: { result: { Payload: 5 } } }, /inspectionData: does not contain/, alone, PRICE({ 0: { Return: { Payload: 4 } } }));
    await passes({ nextState: 'Each' }, { state: 'Cheap?', input: { quote: { price: 1 } } });
  });

  it('a Task with no mock is a setup error, not a failure', async () => {
    const outcome = await run({ expect: { status: 'SUCCEEDED' } }, { responses: {}, testCase: {} });
    assert.match(outcome.setupError ?? '', /Task state 'Price' has no mock/);
    assert.deepEqual(outcome.failures, []);
  });

  it('a predicate that throws fails its expectation with the message', async () => {
    await fails({ outputMatches: '$undefinedFunction(1)' }, /the predicate .* failed:/);
  });
});
