import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXECUTION_CSS } from '../../client/src/execution/executionCss';
import { findTestCase, mockInvoker, readMockConfig } from '../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../server/src/interpreter/runExecution';
import { run } from '../unit/interpreter/runMachine';
import { ARTIFACTS, openWebviewHarness, type WebviewHarness } from './harness';

const EXAMPLES = resolve(__dirname, '../../examples');

// The execution view (dist/webview/execution.js) showing a real run of the donut shop.
describe('execution view in a browser', function () {
  this.timeout(60_000);
  let harness: WebviewHarness;
  before(async function () {
    harness = (await openWebviewHarness(this, 'execution.js', EXECUTION_CSS))!;
  });
  after(async () => {
    await harness?.close();
  });

  for (const testCase of ['ThrottledThenSold', 'NoFunds']) {
    it(`shows status, output or error, and a filterable, expandable history (${testCase})`, async () => {
      const prepared = prepareDefinition(readFileSync(resolve(EXAMPLES, 'donut-shop.asl.json'), 'utf8'));
      assert.ok('definition' in prepared);
      const config = readMockConfig(JSON.parse(readFileSync(resolve(EXAMPLES, 'donut-shop.mocks.json'), 'utf8')));
      const result = await run(prepared.definition, { donut: 'glazed' }, mockInvoker(config, findTestCase(config, 'donut-shop', testCase)));
      const page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(harness.url);
      await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
      await page.evaluate((r) => {
        const w = globalThis as unknown as { postMessage(m: unknown, o: string): void };
        w.postMessage({ type: 'started', machine: 'donut-shop.asl.json', input: 'donut-shop.input.json', testCase: r.testCase }, '*');
        for (const event of r.result.events) w.postMessage({ type: 'event', event }, '*');
        w.postMessage({ type: 'finished', status: r.result.status, output: r.result.output, error: r.result.error, cause: r.result.cause, durationMs: r.result.durationMs }, '*');
      }, { result: JSON.parse(JSON.stringify(result)), testCase });
      await page.waitForSelector(`.status.${result.status}`);
      assert.equal(await page.$$eval('tr.event', (rows) => rows.length), result.events.length);
      await page.click('tr.event:has-text("TaskStateEntered")');
      assert.ok(await page.isVisible('tr.details:not([hidden]) pre'));
      await page.screenshot({ path: resolve(ARTIFACTS, `execution-${testCase}.png`), fullPage: true });
      await page.fill('input[type=search]', 'TaskFailed');
      assert.equal(await page.$$eval('tr.event', (rows) => rows.length), result.events.filter((e) => e.type === 'TaskFailed').length);
      await page.close();
    });
  }
});
