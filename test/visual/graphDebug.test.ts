import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { runInfo } from '../../client/src/execution/runInfo';
import { runSteps } from '../../client/src/graph/runSteps';
import { GRAPH_STYLE } from '../../client/webview/src/graph/graphStyle';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { buildGraph } from '../../server/src/core/graph/buildGraph';
import { findTestCase, mockInvoker, readMockConfig } from '../../server/src/interpreter/mocks';
import { prepareDefinition } from '../../server/src/interpreter/prepareDefinition';
import type { ExecutionEvent } from '../../server/src/protocol';
import { run } from '../unit/interpreter/runMachine';
import { ARTIFACTS, openWebviewHarness, type WebviewHarness } from './harness';

type Window = { __posted: { type: string }[]; postMessage(m: unknown, o: string): void };

const EXAMPLES = resolve(__dirname, '../../examples');
const read = (name: string) => readFileSync(resolve(EXAMPLES, name), 'utf8');

/** The shipping example's whole history (test case AllShipped), as a debug session would receive it in batches. */
async function shippingHistory(): Promise<ExecutionEvent[]> {
  const prepared = prepareDefinition(read('shipping-orders.asl.json'));
  assert.ok('definition' in prepared);
  const config = readMockConfig(JSON.parse(read('shipping-orders.mocks.json')));
  const result = await run(prepared.definition, JSON.parse(read('shipping-orders.input.json')), mockInvoker(config, findTestCase(config, 'shipping-orders', 'AllShipped')));
  return result.events as ExecutionEvent[];
}

// What the graph preview shows during a debug session (client/src/debug/debugGraph.ts posts it): the path so far,
// the states entered and not finished, and the state the session is paused at, explained in the legend.
describe('graph preview during a debug session, in a browser', function () {
  this.timeout(120_000);
  let harness: WebviewHarness;
  before(async function () {
    harness = (await openWebviewHarness(this, 'graph.js', GRAPH_STYLE.css))!;
  });
  after(async () => {
    await harness?.close();
  });

  const send = (page: Page, message: unknown) => page.evaluate((m) => (globalThis as unknown as Window).postMessage(m, '*'), message);

  for (const theme of ['dark', 'light'] as const) {
    it(`${theme}: paused inside a Map iteration, the state is marked (outline and arrow, legend, status), then cleared when the session ends`, async () => {
      const page = await harness.browser.newPage({ viewport: { width: 900, height: 700 } });
      await page.goto(theme === 'light' ? `${harness.url}light` : harness.url);
      await page.waitForFunction(() => (globalThis as unknown as Window).__posted.some((m) => m.type === 'ready'));
      const analysis = analyzeDocument(read('shipping-orders.asl.json'));
      await send(page, { type: 'graph', graph: buildGraph(analysis.model, analysis.problems), version: 1 });
      await page.waitForSelector('svg.graph g.node');
      assert.equal(await page.isVisible('#legend >> text=Debugging'), false, 'no debugging section before a session');

      // The history up to the second iteration's Ship Item: the Map is entered and not finished.
      const all = await shippingHistory();
      const entered = all.flatMap((e, i) => (e.type === 'TaskStateEntered' ? [i] : []));
      const soFar = all.slice(0, entered[1] + 1);
      await send(page, { type: 'execution', states: runInfo(soFar, true), steps: runSteps(soFar), version: 1 });
      await send(page, { type: 'debug', debug: { paused: { state: 'Ship Item', thread: 'Map "Ship Items" #1' } } });
      await page.waitForSelector('svg.graph g.node.paused');
      const paused = await page.$$eval('svg.graph g.node.paused', (nodes) => nodes.map((n) => ({
        label: n.querySelector('text.label')?.textContent,
        arrow: n.querySelectorAll('.paused-arrow').length,
        note: n.querySelector('title.paused-note')?.textContent,
      })));
      assert.deepEqual(paused, [{ label: 'Ship Item', arrow: 1, note: `Paused at 'Ship Item' (Map "Ship Items" #1)` }]);
      assert.equal(await page.$$eval('svg.graph g.node.run-running:has(text.label:text-is("Ship Items · Map"))', (n) => n.length), 1, 'the Map is entered, not finished');
      assert.equal(await page.$$eval('svg.graph g.node.run-succeeded:has(text.label:text-is("Validate Order"))', (n) => n.length), 1);
      assert.equal(await page.$$eval('svg.graph g.node.run-failed', (n) => n.length), 0, 'a live run has no failed states yet');
      // The paused outline differs from the run colours and from the selection ring.
      const outline = await page.$eval('svg.graph g.node.paused .box', (r) => r.ownerDocument.defaultView!.getComputedStyle(r).stroke);
      const succeeded = await page.$eval('svg.graph g.node.run-succeeded .box', (r) => r.ownerDocument.defaultView!.getComputedStyle(r).stroke);
      assert.notEqual(outline, succeeded);
      assert.equal(await page.isVisible('#legend >> text=Paused here'), true, 'the legend explains the mark');
      assert.equal(await page.isVisible('#legend >> text=Entered, not finished'), true);
      assert.match(await page.textContent('.status') ?? '', /paused at Ship Item \(Map "Ship Items" #1\)/);
      await page.screenshot({ path: resolve(ARTIFACTS, `graph-debug-paused-${theme}.png`) });

      // Resumed: the mark goes; ended: the whole path, and the status says how it ended.
      await send(page, { type: 'debug', debug: {} });
      await page.waitForSelector('svg.graph g.node.paused', { state: 'detached' });
      assert.match(await page.textContent('.status') ?? '', /debugging: running/);
      await send(page, { type: 'execution', states: runInfo(all), steps: runSteps(all), version: 1 });
      await send(page, { type: 'debug', debug: { ended: 'SUCCEEDED' } });
      await page.waitForSelector('.status:text-matches("ended: SUCCEEDED")');
      assert.equal(await page.$$eval('svg.graph g.node.run-running, svg.graph g.node.paused, svg.graph .paused-arrow', (n) => n.length), 0);
      await send(page, { type: 'debug', debug: null });
      await page.waitForSelector('.status:text-matches("debug")', { state: 'detached' });
      assert.equal(await page.isVisible('#legend >> text=Debugging'), false);
      await page.close();
    });
  }
});
