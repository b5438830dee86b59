import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_STATE_CSS } from '../../client/src/execution/testStateCss';
import { findTestCase, missingMockState, mockInvoker, readMockConfig, unmockedInvoker } from '../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../server/src/interpreter/prepareDefinition';
import { testState } from '../../server/src/interpreter/testState';
import { VirtualClock } from '../../server/src/interpreter/virtualClock';
import { testServices } from '../unit/interpreter/runMachine';
import { ARTIFACTS, openWebviewHarness, type WebviewHarness } from './harness';

const EXAMPLES = resolve(__dirname, '../../examples');

async function show(page: Page, url: string, running: Record<string, unknown>, outcome: unknown): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  await page.evaluate(([r, o]) => {
    const w = globalThis as unknown as { postMessage(m: unknown, origin: string): void };
    w.postMessage({ type: 'running', ...r }, '*');
    w.postMessage({ type: 'result', outcome: o }, '*');
  }, [running, JSON.parse(JSON.stringify(outcome))] as const);
  await page.waitForSelector('tr.step');
}

const rowText = (page: Page) => page.$$eval('tr.step', (rows) => rows.map((r) => (r as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()));

// The Test State view (dist/webview/testState.js) showing real results of the donut shop's states.
for (const theme of ['dark', 'light'] as const) {
  describe(`Test State view in a browser (${theme})`, function () {
    this.timeout(60_000);
    let harness: WebviewHarness;
    before(async function () {
      harness = (await openWebviewHarness(this, 'testState.js', TEST_STATE_CSS, theme))!;
    });
    after(async () => {
      await harness?.close();
    });

    /** Test State of the donut shop's 'Get Donut Price' with the HappyPath mocks. */
    async function donutPriceResult() {
      const prepared = prepareDefinition(readFileSync(resolve(EXAMPLES, 'donut-shop.asl.json'), 'utf8'));
      assert.ok('definition' in prepared);
      const config = readMockConfig(JSON.parse(readFileSync(resolve(EXAMPLES, 'donut-shop.mocks.json'), 'utf8')));
      return testState({ definition: prepared.definition, stateName: 'Get Donut Price', input: { donut: 'glazed', customer: 'ana' }, invokeTask: mockInvoker(config, findTestCase(config, 'donut-shop', 'HappyPath')), clock: new VirtualClock(0), services: testServices });
    }

    it('shows each processing step of a mocked Task as a row with the field, the value after it and what changed', async () => {
      const result = await donutPriceResult();
      const page = await harness.browser.newPage({ viewport: { width: 1100, height: 820 } });
      await show(page, harness.url, { machine: 'donut-shop.asl.json', state: 'Get Donut Price', input: 'donut-shop.input.json', testCase: 'HappyPath', mocks: 'donut-shop.mocks.json' }, result);
      assert.equal(await page.textContent('h2'), 'Test State: Get Donut Price');
      assert.equal(await page.textContent('.status'), 'SUCCEEDED');
      assert.equal(await page.textContent('.next'), '→ Sell Donut');
      const rows = await rowText(page);
      assert.deepEqual(rows.map((r) => r.split(' ')[0]), ['Input', 'InputPath', 'Parameters', 'Result', 'ResultSelector', 'ResultPath', 'OutputPath', 'Assign']);
      assert.match(rows[1], /^InputPath not set \{ "donut": "glazed", "customer": "ana" \} unchanged$/);
      assert.match(rows[4], /ResultSelector \{ "price\.\$": "\$\.Item\.Price\.N" \} \{ "price": "2" \} − \$\.Item \+ \$\.price: "2"/);
      assert.match(rows[5], /ResultPath "\$\.catalog" .* \+ \$\.catalog: \{"price"\}$/);
      assert.match(rows[3], /^Result not set \{ "Item": .* the state's result$/);
      await page.screenshot({ path: resolve(ARTIFACTS, `test-state-${theme}.png`), fullPage: true });
      await page.close();
    });

    it('in a narrow view (a panel beside the graph) stacks each step\'s cells so values keep their width', async () => {
      const result = await donutPriceResult();
      const page = await harness.browser.newPage({ viewport: { width: 380, height: 900 } });
      await show(page, harness.url, { machine: 'donut-shop.asl.json', state: 'Get Donut Price', input: 'donut-shop.input.json', testCase: 'HappyPath', mocks: 'donut-shop.mocks.json' }, result);
      // At 380 px the four columns left the value about 10 px: JSON stood one character a line.
      const valueWidth = await page.$eval('tr[data-step="Input"] td[data-label="Value after"] pre', (pre) => pre.getBoundingClientRect().width);
      assert.ok(valueWidth > 300, `the Input value is ${valueWidth} px wide`);
      assert.equal(await page.isVisible('tr.head'), false);
      await page.screenshot({ path: resolve(ARTIFACTS, `test-state-narrow-${theme}.png`), fullPage: true });
      await page.close();
    });

    it('shows a Task with no mock as a setup problem with a way to the mock file, and the steps it reached', async () => {
      const definition = { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'amount.$': '$.total' }, End: true } } };
      const result = await testState({ definition, stateName: 'Charge', input: { total: 3 }, invokeTask: unmockedInvoker, clock: new VirtualClock(0), services: testServices });
      const page = await harness.browser.newPage({ viewport: { width: 1100, height: 700 } });
      await show(page, harness.url, { machine: 'pay.asl.json', state: 'Charge', input: '{}' }, { ...result, missingMock: missingMockState(result) });
      assert.equal(await page.textContent('.problem h3'), "Setup: Task 'Charge' has no mock");
      assert.match((await page.textContent('.problem p'))!, /Add it to the test case in the mock file/);
      await page.click('text=Open mock file');
      assert.ok(await page.evaluate(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'openMocks')));
      const rows = await rowText(page);
      assert.match(rows[2], /^Parameters .*"amount": 3/);
      assert.match(rows[3], /^Result not set not reached/);
      assert.equal(await page.isHidden('text=Test case…'), true);
      await page.screenshot({ path: resolve(ARTIFACTS, `test-state-missing-mock-${theme}.png`), fullPage: true });
      await page.close();
    });

    it('hostile input: markup in a state name stays text; a huge value is cut with "Show all" and does not freeze the view', async () => {
      const name = '<img src=x onerror="window.__pwned=1">Evil';
      const huge = { items: Array.from({ length: 20_000 }, (_, i) => ({ id: i, text: 'x'.repeat(50) })) };
      const steps = [
        { step: 'Input', value: huge, reached: true },
        { step: 'InputPath', field: '$.items[0]', value: huge.items[0], reached: true },
        { step: 'OutputPath', value: huge, reached: true },
      ];
      const page = await harness.browser.newPage({ viewport: { width: 1100, height: 700 } });
      await show(page, harness.url, { machine: '<b>m</b>.asl.json', state: name, input: '<script>' }, { status: 'SUCCEEDED', nextState: '<i>next</i>', steps: [{ step: 'Input', value: 1, reached: true }] });
      // Timed inside the page, from the message to the rows drawn (moving 1.4 MB through Playwright is not the view's time).
      const ms = await page.evaluate(async (json) => {
        const w = globalThis as unknown as { postMessage(m: unknown, origin: string): void; document: { querySelectorAll(s: string): { length: number } } };
        const started = performance.now();
        w.postMessage({ type: 'result', outcome: { status: 'SUCCEEDED', nextState: '<i>next</i>', steps: JSON.parse(json) } }, '*');
        while (w.document.querySelectorAll('tr.step').length < 3) await new Promise((r) => setTimeout(r, 5));
        return performance.now() - started;
      }, JSON.stringify(steps));
      assert.equal(await page.textContent('h2'), `Test State: ${name}`);
      assert.equal(await page.$$eval('#app img, #app b, #app i, #app script', (n) => n.length), 0);
      assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
      const shown = await page.$eval('tr.step[data-step="Input"] pre.value', (p) => p.textContent!.length);
      assert.ok(shown <= 4002, `the preview holds ${shown} characters`);
      assert.ok(ms < 10_000, `rendering took ${ms} ms`);
      console.log(`      Test State view: 3 rows of a 1.4 MB value drawn in ${ms.toFixed(0)} ms`);
      await page.click('tr.step[data-step="Input"] button.link');
      const full = await page.$eval('tr.step[data-step="Input"] pre.value', (p) => p.textContent!.length);
      assert.ok(full > 500_000 && full < 530_000, `after "Show all" it holds ${full} characters (cut at 512 KB)`);
      await page.close();
    });
  });
}
