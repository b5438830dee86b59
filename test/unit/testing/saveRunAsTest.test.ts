import assert from 'node:assert/strict';
import { appendTest, testFromRun } from '../../../client/src/testing/testFromRun';
import { parseTestFile } from '../../../server/src/testing/parseTestFile';

const result = {
  status: 'FAILED' as const, error: 'SoldOut', cause: 'No donuts left.', events: [
    { id: 1, previousEventId: 0, timestamp: '', type: 'ExecutionStarted' },
    { id: 2, previousEventId: 1, timestamp: '', type: 'TaskStateEntered', stateEnteredEventDetails: { name: 'Sell' } },
    { id: 3, previousEventId: 2, timestamp: '', type: 'FailStateEntered', stateEnteredEventDetails: { name: 'Sold Out' } },
  ],
};

describe('Save as Test: a run becomes a test', () => {
  it('keeps the input, the test case and what the run did (status, error and cause, path)', () => {
    assert.deepEqual(testFromRun('sold out', { input: '{"donut": "maple"}', testCase: 'SoldOut', result }), {
      name: 'sold out', input: { donut: 'maple' }, testCase: 'SoldOut', expect: { status: 'FAILED', error: 'SoldOut', cause: 'No donuts left.', path: ['Sell', 'Sold Out'] },
    });
    const ok = testFromRun('ok', { input: '', result: { status: 'SUCCEEDED', output: { a: 1 }, events: [] } });
    assert.deepEqual(ok.expect, { status: 'SUCCEEDED', output: { a: 1 }, path: [] });
  });

  it('appends to a JSON or YAML test file, leaving what is there as it was; the result reads back as a valid test', () => {
    const test = testFromRun('sold out', { input: '{}', testCase: 'SoldOut', result });
    const json = '{\n    "tests": [\n        { "name": "first" }\n    ]\n}\n';
    const outJson = appendTest(json, false, test);
    assert.ok(outJson.startsWith('{\n    "tests": [\n        { "name": "first" },\n'), outJson);
    const yaml = '# mine\ntests:\n  - name: first   # keep\n';
    const outYaml = appendTest(yaml, true, test);
    assert.ok(outYaml.startsWith(yaml), outYaml);
    for (const [text, name] of [[outJson, 'x.tests.json'], [outYaml, 'x.tests.yaml']]) {
      const file = parseTestFile(text, name);
      assert.deepEqual(file.problems, []);
      assert.deepEqual(file.tests.map((t) => t.name), ['first', 'sold out']);
      assert.deepEqual(file.tests[1].expectations.map((e) => e.kind), ['status', 'error', 'cause', 'path']);
    }
  });
});
