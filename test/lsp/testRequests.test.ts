// The Testing view's requests on the real server: list a test file's tests (with problems at their lines), run
// them in the isolated test workers with failures at the expectation's line and coverage per machine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ListTestsRequest, RunTestsRequest } from '../../server/src/protocol';
import type { LspClient} from './lspClient';
import { serverForSuiteOf } from './lspClient';

const examples = resolve(__dirname, '../../examples');
const uriOf = (name: string) => pathToFileURL(join(examples, name)).toString();

describe('Testing view requests (asl/listTests, asl/runTests)', function () {
  this.timeout(120_000);
  let client: LspClient;
  serverForSuiteOf((started) => (client = started));

  it('lists the tests of a test file with 0-based lines and its machine; a broken test is listed with its problem', async () => {
    const text = readFileSync(join(examples, 'donut-shop.tests.json'), 'utf8');
    const listed = await client.request<ListTestsRequest.Result>('asl/listTests', { uri: uriOf('donut-shop.tests.json'), text });
    assert.equal(listed.machineUri, uriOf('donut-shop.asl.json'));
    assert.equal(listed.tests.length, 7);
    assert.equal(listed.tests[0].line, text.split('\n').findIndex((l) => l.includes('"a good order is sold and enjoyed"')));
    const broken = await client.request<ListTestsRequest.Result>('asl/listTests', { uri: uriOf('donut-shop.tests.json'), text: '{"tests": [{"name": "x", "expect": {"status": 1}}]}' });
    assert.deepEqual(broken.tests, [{ name: 'x', line: 0 }]);
    assert.match(broken.problems[0].message, /'status' must be one of/);
    assert.equal(broken.problems[0].testName, 'x');
    const bad = await client.request<ListTestsRequest.Result>('asl/listTests', { uri: uriOf('donut-shop.tests.json'), text: '{ nope' });
    assert.deepEqual(bad.tests, []);
    assert.match(bad.problems[0].message, /^JSON: /);
  });

  it('runs the tests picked, from the text the editor has, with failures at the expectation line and coverage', async () => {
    const text = readFileSync(join(examples, 'donut-shop.tests.json'), 'utf8').replace('"status": "SUCCEEDED",\n        "path"', '"status": "FAILED",\n        "path"');
    const result = await client.request<RunTestsRequest.Result>('asl/runTests', { files: [{ uri: uriOf('donut-shop.tests.json'), text, names: ['a good order is sold and enjoyed', 'sold out ends in Sold Out'] }], coverage: true });
    assert.deepEqual(result.results.map((r) => [r.name, r.state]), [['a good order is sold and enjoyed', 'failed'], ['sold out ends in Sold Out', 'passed']]);
    const failure = result.results[0].failures[0];
    assert.equal(failure.line, text.split('\n').findIndex((l) => l.includes('"status": "FAILED",')));
    assert.equal(failure.expected, '"FAILED"');
    assert.equal(failure.actual, '"SUCCEEDED"');
    assert.deepEqual(result.results[0].path, ['Get Donut Price', 'Sell Donut', 'Enjoy', 'Done']);
    const coverage = result.coverage?.[0];
    assert.equal(coverage?.machineUri, uriOf('donut-shop.asl.json'));
    const machine = readFileSync(join(examples, 'donut-shop.asl.json'), 'utf8').split('\n');
    const saleFailed = coverage?.items.find((i) => i.kind === 'state' && i.state === 'Sale Failed');
    assert.equal(saleFailed?.hits, 0);
    assert.equal(saleFailed?.line, machine.findIndex((l) => l.includes('"Sale Failed": {')));
    assert.equal(coverage?.items.find((i) => i.kind === 'state' && i.state === 'Sold Out')?.hits, 1);
  });
});
