import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findTestCase, mockInvoker, readMockConfig } from '../../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import { run } from './runMachine';

const examples = resolve(__dirname, '../../../examples');

describe('interpreter: mocks (Step Functions Local MockConfigFile)', () => {
  const definition = (() => {
    const prepared = prepareDefinition(readFileSync(resolve(examples, 'donut-shop.asl.json'), 'utf8'));
    assert.ok('definition' in prepared);
    return prepared.definition;
  })();
  const config = readMockConfig(JSON.parse(readFileSync(resolve(examples, 'donut-shop.mocks.json'), 'utf8')));
  const mocked = (testCase: string) => mockInvoker(config, findTestCase(config, 'donut-shop', testCase));

  it('runs the donut shop happy path', async () => {
    const r = await run(definition, { donut: 'glazed' }, mocked('HappyPath'));
    assert.equal(r.status, 'SUCCEEDED');
    assert.deepEqual(r.output, { message: 'Enjoy your glazed donut!', receipt: { receiptId: 'r-1001', charged: 2 } });
  });

  it('Throw responses are caught by the matching catcher', async () => {
    const r = await run(definition, { donut: 'maple' }, mocked('SoldOut'));
    assert.deepEqual([r.status, r.error], ['FAILED', 'SoldOut']);
  });

  it('invocation indexes: a throttled first call is retried and the second answer used', async () => {
    const r = await run(definition, { donut: 'glazed' }, mocked('ThrottledThenSold'));
    assert.equal(r.status, 'SUCCEEDED');
    assert.equal(r.events.filter((e) => e.type === 'TaskFailed').length, 1);
  });

  it('refuses a malformed mock file and an unknown test case with a clear message', () => {
    assert.throws(() => readMockConfig({ MockedResponses: { X: { first: { Return: 1 } } } }), /not an invocation index/);
    assert.throws(() => findTestCase(config, 'donut-shop', 'Nope'), /No test case 'Nope' \(available: HappyPath/);
  });

  it('a definition with errors is refused before running', () => {
    const prepared = prepareDefinition('{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" } } }');
    assert.ok('problems' in prepared && prepared.problems.some((p) => p.code === 'unknown-state'));
  });
});
