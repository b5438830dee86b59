import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPECT_KEYS, FILE_KEYS, STATE_KEYS, TEST_KEYS } from '../../../server/src/testing/parseTestFile';

const ROOT = resolve(__dirname, '../../..');
const schema = JSON.parse(readFileSync(resolve(ROOT, 'schemas/asl-tests.schema.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));

// The JSON Schema gives completion and validation in the editor; the reader gives the runner's messages. They must agree.
describe('the test file JSON Schema', () => {
  it('is contributed for *.tests.json (jsonValidation) and *.tests.yaml (yamlValidation)', () => {
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['*.tests.json'], url: './schemas/asl-tests.schema.json' }]);
    assert.deepEqual(pkg.contributes.yamlValidation[0].fileMatch, ['*.tests.yaml', '*.tests.yml']);
  });

  it('names exactly the fields the reader accepts, at every level', () => {
    const tests = schema.properties.tests.items;
    assert.deepEqual(Object.keys(schema.properties).sort(), [...FILE_KEYS].sort());
    assert.deepEqual(Object.keys(tests.properties).sort(), [...TEST_KEYS].sort());
    assert.deepEqual(Object.keys(tests.properties.expect.properties).sort(), Object.keys(EXPECT_KEYS).sort());
    assert.deepEqual(Object.keys(tests.properties.expect.properties.states.additionalProperties.properties).sort(), [...STATE_KEYS].sort());
    for (const level of [schema, tests, tests.properties.expect]) assert.equal(level.additionalProperties, false);
  });

  it('every example test file holds only fields the schema describes', () => {
    for (const name of ['donut-shop', 'iot-data-load', 'shipping-orders', 'sentiment-analysis', 'batch-fan-out']) {
      const file = JSON.parse(readFileSync(resolve(ROOT, `examples/${name}.tests.json`), 'utf8'));
      for (const test of file.tests) {
        for (const key of Object.keys(test)) assert.ok(Object.hasOwn(schema.properties.tests.items.properties, key), `${name}: ${key}`);
        for (const key of Object.keys(test.expect ?? {})) assert.ok(Object.hasOwn(schema.properties.tests.items.properties.expect.properties, key), `${name}: expect.${key}`);
      }
    }
  });
});
