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
import { generateMachine } from '../bench/generateMachine';
import { run } from '../unit/interpreter/runMachine';
import { ARTIFACTS, openWebviewHarness, type WebviewHarness } from './harness';

type Rendered = { type: 'rendered'; nodes: number; ms: number; version: number; offscreen: string[]; stale: boolean; taken: number };
type Window = { __posted: { type: string }[]; postMessage(m: unknown, o: string): void };

const EXAMPLES = resolve(__dirname, '../../examples');
/** The donut shop's one Retry: on Sell Donut, with one retrier. */
const RETRY_MARKS = ['Sell Donut: ↻1'];
const graphOf = (text: string) => {
  const analysis = analyzeDocument(text);
  return buildGraph(analysis.model, analysis.problems);
};
const renders = async (page: Page) => (await page.evaluate(() => (globalThis as unknown as Window).__posted.filter((m) => m.type === 'rendered'))) as Rendered[];

async function donutRun(testCase: string): Promise<ExecutionEvent[]> {
  const text = readFileSync(resolve(EXAMPLES, 'donut-shop.asl.json'), 'utf8');
  const prepared = prepareDefinition(text);
  assert.ok('definition' in prepared);
  const config = readMockConfig(JSON.parse(readFileSync(resolve(EXAMPLES, 'donut-shop.mocks.json'), 'utf8')));
  const result = await run(prepared.definition, { donut: 'glazed' }, mockInvoker(config, findTestCase(config, 'donut-shop', testCase)));
  return result.events as ExecutionEvent[];
}

// The graph preview's overlays in headless Chromium: the first picture, Retry marks, labels on edges, the run's
// colours and taken edges, the legend, stale colours after an edit, and keeping new states in view.
describe('graph preview overlays in a browser', function () {
  this.timeout(120_000);
  let harness: WebviewHarness;
  before(async function () {
    harness = (await openWebviewHarness(this, 'graph.js', GRAPH_STYLE.css))!;
  });
  after(async () => {
    await harness?.close();
  });

  /** Opens the view (dark or light), sends version 1 of `text`, waits for its picture. */
  async function open(text: string, theme: 'dark' | 'light' = 'dark', viewport = { width: 1100, height: 800 }) {
    const page = await harness.browser.newPage({ viewport });
    await page.goto(theme === 'light' ? `${harness.url}light` : harness.url);
    await page.waitForFunction(() => (globalThis as unknown as Window).__posted.some((m) => m.type === 'ready'));
    await send(page, { type: 'graph', graph: graphOf(text), version: 1 });
    await page.waitForFunction(() => (globalThis as unknown as Window).__posted.some((m) => m.type === 'rendered'), undefined, { timeout: 60_000 });
    return page;
  }
  const send = (page: Page, message: unknown) => page.evaluate((m) => (globalThis as unknown as Window).postMessage(m, '*'), message);
  /** Sends a message and waits for the next picture. */
  async function redraw(page: Page, message: unknown): Promise<Rendered> {
    const before = (await renders(page)).length;
    await send(page, message);
    await page.waitForFunction((n) => {
      const all = (globalThis as unknown as Window).__posted.filter((m) => m.type === 'rendered') as Rendered[];
      return all.length > n;
    }, before, { timeout: 60_000 });
    return (await renders(page)).at(-1)!;
  }

  for (const theme of ['dark', 'light'] as const) {
    it(`${theme}: a test run with coverage marks the states no test reached, and only those`, async () => {
      const page = await open(readFileSync(resolve(EXAMPLES, 'donut-shop.asl.json'), 'utf8'), theme);
      await send(page, { type: 'coverage', untested: ['Sold Out', 'Payment Declined'] });
      await page.waitForSelector('svg.graph g.node.untested');
      const marked = await page.$$eval('svg.graph g.node.untested', (nodes) => nodes.map((n) => `${n.querySelector('text.label')?.textContent}: ${n.querySelector('title.untested-note')?.textContent}`));
      assert.deepEqual(marked.sort(), ["Payment Declined: No test reaches 'Payment Declined'", "Sold Out: No test reaches 'Sold Out'"]);
      assert.equal(await page.isVisible('#legend >> text=No test reaches it'), true, 'the legend explains the marking');
      await page.screenshot({ path: resolve(ARTIFACTS, `graph-coverage-${theme}.png`) });
      await page.close();
    });
  }

  for (const theme of ['dark', 'light'] as const) {
    it(`${theme}: Retry marks before any run, Catch labels on their edges, legend; then a run's colours and taken edges`, async () => {
      const text = readFileSync(resolve(EXAMPLES, 'donut-shop.asl.json'), 'utf8');
      const page = await open(text, theme);
      // ↻ and the number of retriers on each state with a Retry, before any run.
      const marks = await page.$$eval('svg.graph g.node', (nodes) => nodes.flatMap((n) => {
        const mark = n.querySelector('text.retry-mark');
        return mark ? [`${n.querySelector('text.label')?.textContent}: ${mark.textContent}`] : [];
      }));
      assert.deepEqual(marks, RETRY_MARKS);
      // Each label's box is crossed by its own edge's path.
      const labels = await page.$$eval('svg.graph g[data-label-of]', (groups) => groups.map((g) => {
        const rect = g.querySelector('rect')!;
        const path = g.ownerDocument.querySelector(`svg.graph g.edge[data-id="${g.getAttribute('data-label-of')}"] path`)!;
        return { text: g.textContent, box: ['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a))), d: path.getAttribute('d')! };
      }));
      assert.ok(labels.length >= 3, 'the donut shop has three Catch labels');
      for (const { text: label, box: [x, y, w, h], d } of labels) {
        const points = [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
        const crosses = points.slice(1).some((b, i) => {
          const a = points[i];
          return Math.min(a.x, b.x) <= x + w && Math.max(a.x, b.x) >= x && Math.min(a.y, b.y) <= y + h && Math.max(a.y, b.y) >= y;
        });
        assert.ok(crosses, `label ${label} is off its edge`);
      }
      assert.equal(await page.isVisible('#legend'), true);
      assert.equal(await page.isVisible('#legend >> text=Last run'), false, 'no run section before a run');
      assert.equal(await page.isVisible('#legend >> text=Test coverage'), false, 'no coverage section before a test run');

      const events = await donutRun('ThrottledThenSold');
      const rendered = await redraw(page, { type: 'execution', states: runInfo(events), steps: runSteps(events), version: 1 });
      assert.equal(rendered.stale, false);
      assert.equal(rendered.taken, 5, 'start, three Next edges and the end');
      assert.equal(await page.$$eval('svg.graph g.edge.taken', (n) => n.length), 5);
      assert.equal(await page.$$eval('svg.graph g.node.run-succeeded', (n) => n.length), 4);
      assert.match(await page.textContent('svg.graph g.node.run-succeeded:has(text:text-is("Sell Donut")) .run-note') ?? '', /retried 1×/);
      assert.equal(await page.isVisible('#legend >> text=Last run'), true);
      assert.equal(await page.isVisible('#legend >> text=Edge taken'), true);
      // Selection is a dashed ring around the box: the box keeps its run colour.
      const stroke = () => page.$eval('svg.graph g.node:has(text:text-is("Enjoy")) .box', (r) => r.ownerDocument.defaultView!.getComputedStyle(r).stroke);
      const runStroke = await stroke();
      await page.click('svg.graph g.node:has(text:text-is("Enjoy"))');
      assert.equal(await stroke(), runStroke);
      const ring = await page.$eval('svg.graph g.node.selected .select-ring', (r) => {
        const style = r.ownerDocument.defaultView!.getComputedStyle(r);
        return { display: style.display, stroke: style.stroke, dash: style.strokeDasharray };
      });
      assert.notEqual(ring.display, 'none');
      assert.notEqual(ring.stroke, runStroke);
      assert.notEqual(ring.dash, 'none');
      await page.screenshot({ path: resolve(ARTIFACTS, `graph-run-${theme}.png`) });

      // An edit: the colours stay, marked stale, until the next run.
      const stale = await redraw(page, { type: 'graph', graph: graphOf(text.replace('"Enjoy your', '"Enjoy our')), version: 2 });
      assert.equal(stale.stale, true);
      assert.equal(await page.$$eval('svg.graph g.stale-run', (n) => n.length), 1);
      assert.equal(await page.isVisible('#legend .legend-stale'), true);
      assert.match(await page.textContent('.status') ?? '', /stale/);
      await page.screenshot({ path: resolve(ARTIFACTS, `graph-stale-${theme}.png`) });
      await page.close();
    });
  }

  it('after an edit that adds a state, the new state is in view: refitted while following, scrolled to once zoomed in', async () => {
    const machine = (extra: number) => {
      const states: Record<string, unknown> = {};
      for (let i = 0; i < 30; i++) states[`Step ${i}`] = { Type: 'Pass', Next: i < 29 ? `Step ${i + 1}` : 'Last' };
      for (let i = 0; i < extra; i++) states[`Added ${i}`] = { Type: 'Pass', Next: 'Last' };
      states.Last = { Type: 'Succeed' };
      return JSON.stringify({ StartAt: extra ? 'Added 0' : 'Step 0', States: { ...states, ...(extra ? { 'Added 0': { Type: 'Pass', Next: 'Step 0' } } : {}) } });
    };
    const page = await open(machine(0), 'dark', { width: 700, height: 500 });
    const followed = await redraw(page, { type: 'graph', graph: graphOf(machine(1)), version: 2 });
    assert.deepEqual(followed.offscreen, [], 'fitted: everything in view');
    for (let i = 0; i < 8; i++) await page.click('#zoom-in');
    // Zoomed in on the top: the end of the machine is out of view; a state added there is scrolled to.
    const text = JSON.parse(machine(1)) as { States: Record<string, { Next?: string }> };
    text.States['Step 29'].Next = 'New at the end';
    text.States['New at the end'] = { Type: 'Pass', Next: 'Last' } as { Next: string };
    const scrolled = await redraw(page, { type: 'graph', graph: graphOf(JSON.stringify(text)), version: 3 });
    assert.ok(scrolled.offscreen.length > 0, 'zoomed in: some states are out of view');
    assert.ok(!scrolled.offscreen.includes('New at the end'), `the new state is in view (out of view: ${scrolled.offscreen.join(', ')})`);
    await page.screenshot({ path: resolve(ARTIFACTS, 'graph-added-in-view.png') });
    await page.close();
  });

  it('draws a large machine (2,000 states) at once', async function () {
    const page = await open(generateMachine(2000), 'dark');
    const [first] = await renders(page);
    assert.equal(first.nodes, analyzeDocument(generateMachine(2000)).model.states.length);
    console.log(`      2,000 states: laid out and drawn ${first.ms} ms after the graph came`);
    await page.screenshot({ path: resolve(ARTIFACTS, 'graph-2000-dark.png') });
    await page.close();
  });
});
