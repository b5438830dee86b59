import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findTestCase, mockInvoker, readMockConfig } from '../../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../../server/src/interpreter/prepareDefinition';
import { run } from './runMachine';

const examples = resolve(__dirname, '../../../examples');

/** Every example runs locally with its input and each test case of its mock file, ending as the case says. */
const EXPECTED: Record<string, Record<string, string>> = {
  'donut-shop': { HappyPath: 'SUCCEEDED', SoldOut: 'FAILED', NoFunds: 'FAILED', ThrottledThenSold: 'SUCCEEDED' },
  // Its third test case, AnswerInTheEditor, leaves the token to the user (test/e2e/suite/callbacks.e2e.ts).
  'donut-shop-callback': { CustomerPays: 'SUCCEEDED', CardDeclined: 'FAILED' },
  'credit-line-approval': { Approved: 'SUCCEEDED', Declined: 'SUCCEEDED' },
  'iot-data-load': { AllLoaded: 'SUCCEEDED', PressureFailed: 'FAILED' },
  'shipping-orders': { AllShipped: 'SUCCEEDED', CarrierHiccup: 'SUCCEEDED' },
  'batch-fan-out': { TwoChunks: 'SUCCEEDED' },
  'sentiment-analysis': { Positive: 'SUCCEEDED' },
};

describe('examples run locally', () => {
  for (const [name, cases] of Object.entries(EXPECTED)) {
    for (const [testCase, status] of Object.entries(cases)) {
      it(`${name} / ${testCase} → ${status}`, async () => {
        const prepared = prepareDefinition(readFileSync(resolve(examples, `${name}.asl.json`), 'utf8'));
        assert.ok('definition' in prepared, JSON.stringify(prepared));
        const config = readMockConfig(JSON.parse(readFileSync(resolve(examples, `${name}.mocks.json`), 'utf8')));
        const input = JSON.parse(readFileSync(resolve(examples, `${name}.input.json`), 'utf8'));
        const result = await run(prepared.definition, input, mockInvoker(config, findTestCase(config, name, testCase)));
        assert.equal(result.status, status, `${result.error}: ${result.cause}`);
      });
    }
  }
});
