import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXECUTION_CSS } from '../../client/src/execution/executionCss';
import { findTestCase, mockInvoker, readMockConfig } from '../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../server/src/interpreter/prepareDefinition';
import type { ExecutionResult } from '../../server/src/interpreter/types';
import { run } from '../unit/interpreter/runMachine';
import { ARTIFACTS, openWebviewHarness, type WebviewHarness } from './harness';

const EXAMPLES = resolve(__dirname, '../../examples');
const FIXTURES = resolve(__dirname, '../fixtures/execution');

function machine(file: string): unknown {
  const prepared = prepareDefinition(readFileSync(file, 'utf8'));
  assert.ok('definition' in prepared);
  return prepared.definition;
}

async function mocked(file: string, mocksFile: string, name: string, testCase: string, input: unknown): Promise<ExecutionResult> {
  const config = readMockConfig(JSON.parse(readFileSync(mocksFile, 'utf8')));
  return run(machine(file), input, mockInvoker(config, findTestCase(config, name, testCase)));
}

/** Posts a run to the view as the panel does (events in batches) and returns the ms from the first message to rows drawn. */
async function show(page: Page, url: string, result: ExecutionResult, testCase: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
  return page.evaluate(async ([json, testCase]) => {
    const r = JSON.parse(json) as ExecutionResult;
    const w = globalThis as unknown as { postMessage(m: unknown, o: string): void; document: { querySelector(s: string): { textContent: string | null } | null } };
    const started = performance.now();
    w.postMessage({ type: 'started', machine: 'machine.asl.json', input: 'machine.input.json', testCase }, '*');
    for (let i = 0; i < r.events.length; i += 100) w.postMessage({ type: 'events', events: r.events.slice(i, i + 100) }, '*');
    w.postMessage({ type: 'finished', status: r.status, output: r.output, error: r.error, cause: r.cause, durationMs: r.durationMs }, '*');
    // Events reach the view in batches: done when the status shows and every event is counted in the history.
    // (No named function here: the test loader would wrap it in a helper the page does not have.)
    while (!w.document.querySelector(`.status.${r.status}`) || !w.document.querySelector('.history .row') || w.document.querySelector('.count')?.textContent !== `${r.events.length} events`) {
      await new Promise((done) => setTimeout(done, 5));
    }
    return performance.now() - started;
  }, [JSON.stringify(result), testCase] as const);
}

// The cells' own text joined by spaces: innerText depends on layout (a row read before its style applies comes out
// with its cells run together, as one CI run saw), textContent does not.
const rowTexts = (page: Page, selector = '.history .row') =>
  page.$$eval(selector, (rows) => rows.map((r) => Array.from((r as unknown as { children: ArrayLike<{ textContent: string | null }> }).children, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ')));

// The execution view (dist/webview/execution.js): a history grouped by state, Map iteration and Parallel branch.
for (const theme of ['dark', 'light'] as const) {
  describe(`execution view in a browser (${theme})`, function () {
    this.timeout(90_000);
    let harness: WebviewHarness;
    before(async function () {
      harness = (await openWebviewHarness(this, 'execution.js', EXECUTION_CSS, theme))!;
    });
    after(async () => {
      await harness?.close();
    });

    it('groups the donut shop history by state (folded), unfolds a state, shows an event, and filters by the owning state', async () => {
      const result = await mocked(resolve(EXAMPLES, 'donut-shop.asl.json'), resolve(EXAMPLES, 'donut-shop.mocks.json'), 'donut-shop', 'ThrottledThenSold', { donut: 'glazed' });
      const page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
      await show(page, harness.url, result, 'ThrottledThenSold');
      const rows = await rowTexts(page);
      assert.deepEqual(rows.map((r) => r.replace(/^▸ /, '').split(/ (Task|Pass|Succeed|ExecutionStarted|ExecutionSucceeded)/)[0]), ['1', 'Get Donut Price', 'Sell Donut', 'Enjoy', 'Done', String(result.events.length)]);
      assert.match(rows[2], /^▸ Sell Donut Task 8 events · 1 retry$/);
      await page.click('.row.group:has-text("Sell Donut")');
      await page.waitForSelector('.row.group[aria-expanded=true]');
      await page.click('.row.event:has-text("TaskFailed")');
      assert.match((await page.textContent('.details h3'))!, /TaskFailed/);
      assert.match((await page.textContent('.details'))!, /Rate exceeded/);
      await page.screenshot({ path: resolve(ARTIFACTS, `execution-donut-${theme}.png`), fullPage: true });
      await page.fill('input[type=search]', 'sell donut');
      await page.waitForSelector(`.count:text-is("8 of ${result.events.length} events")`);
      // The filter matches the owning state's name: TaskScheduled and TaskStarted carry no name, but are Sell Donut's.
      const filtered = await rowTexts(page);
      assert.equal(filtered.length, 8);
      assert.ok(filtered.some((r) => /TaskScheduled/.test(r)));
      await page.close();
    });

    it('opens a 200-item Map (1,810 events) grouped by iteration, virtualised, and unfolds one iteration', async () => {
      const result = await mocked(resolve(FIXTURES, 'big-map.asl.json'), resolve(FIXTURES, 'big-map.mocks.json'), 'big-map', 'AllPriced', JSON.parse(readFileSync(resolve(FIXTURES, 'big-map.input.json'), 'utf8')));
      assert.equal(result.events.length, 1810);
      const page = await harness.browser.newPage({ viewport: { width: 1000, height: 800 } });
      const ms = await show(page, harness.url, result, 'AllPriced');
      console.log(`      execution view (${theme}): 1,810 events grouped and drawn in ${ms.toFixed(0)} ms`);
      assert.ok(ms < 10_000, `${ms} ms`);
      assert.deepEqual((await rowTexts(page)).map((r) => r.split(' ')[1]), ['ExecutionStarted', 'Load', 'Price', 'Done', 'ExecutionSucceeded']);
      await page.click('.row.group:has-text("Price Each Item")');
      await page.waitForSelector('.row.group.iteration');
      assert.equal(await page.textContent('.count'), '1810 events');
      // Only the rows in view are in the DOM.
      assert.ok((await page.$$('.history .row')).length < 80);
      await page.click('.row.group.iteration:has-text("Iteration 3")');
      await page.waitForSelector('.row.group.iteration[aria-expanded=true]');
      const rows = await rowTexts(page);
      const at = rows.findIndex((r) => /^▾ Iteration 3 /.test(r));
      assert.match(rows[at + 1], /^\d+ MapIterationStarted Price Each Item/);
      assert.match(rows[at + 2], /^▸ Price Item Task 5 events$/);
      assert.match(rows[at + 3], /^▸ Tag Item Pass 2 events$/);
      await page.screenshot({ path: resolve(ARTIFACTS, `execution-map-${theme}.png`), fullPage: true });
      await page.fill('input[type=search]', 'tag item');
      await page.waitForSelector('.count:text-is("400 of 1810 events")');
      // A click on an event in the history tree (ASL Execution › History) selects it here: the filter goes, the
      // groups around it unfold, its row is scrolled into the list and its details show.
      const deep = [...result.events].reverse().find((e) => e.type === 'TaskSucceeded')!;
      await page.evaluate((id) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage({ type: 'select', id }, '*'), deep.id);
      await page.waitForSelector(`.details h3:has-text("#${deep.id} TaskSucceeded")`);
      assert.equal(await page.inputValue('input[type=search]'), '');
      const selected = await page.$('.row.event.selected');
      assert.ok(selected && (await selected.isVisible()), 'the selected row is drawn in view');
      assert.match((await selected.textContent())!, new RegExp(`^${deep.id}TaskSucceeded`));
      const open = await rowTexts(page, '.row.group[aria-expanded=true]');
      assert.ok(open.some((r) => /^▾ Price Item Task/.test(r)) && open.some((r) => /^▾ Iteration \d+ /.test(r)), open.join(' | '));
      await page.screenshot({ path: resolve(ARTIFACTS, `execution-select-${theme}.png`), fullPage: true });
      await page.close();
    });

    it('hostile input: markup in state names stays text', async () => {
      const name = '<img src=x onerror="window.__pwned=1">';
      const result = await run({ StartAt: name, States: { [name]: { Type: 'Fail', Error: '<b>E</b>', Cause: '<script>x</script>' } } });
      const page = await harness.browser.newPage({ viewport: { width: 1000, height: 600 } });
      await show(page, harness.url, result, '');
      assert.ok((await rowTexts(page)).some((r) => r.includes(name)));
      assert.equal(await page.$$eval('#app img, #app b, #app script', (n) => n.length), 0);
      assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
      await page.close();
    });
  });
}
