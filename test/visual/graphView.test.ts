import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { buildGraph } from '../../server/src/core/graph/buildGraph';
import { GRAPH_STYLE } from '../../client/webview/src/graph/graphStyle';
import { ARTIFACTS, openWebviewHarness, type WebviewHarness } from './harness';

const EXAMPLES = resolve(__dirname, '../../examples');

// The graph preview rendered in headless Chromium from the built webview bundle (dist/webview/graph.js).
describe('graph preview in a browser', function () {
  this.timeout(60_000);
  let harness: WebviewHarness;
  before(async function () {
    harness = (await openWebviewHarness(this, 'graph.js', GRAPH_STYLE.css))!;
  });
  after(async () => {
    await harness?.close();
  });

  async function render(text: string, name: string, extra?: (page: Page) => Promise<void>) {
    const analysis = analyzeDocument(text);
    const graph = buildGraph(analysis.model, analysis.problems);
    const page = await harness.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(harness.url);
    await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    await page.evaluate((g) => {
      const w = globalThis as unknown as { postMessage(m: unknown, origin: string): void };
      w.postMessage({ type: 'init', workerUri: '/layoutWorker.js', documentUri: 'file:///x.asl.json' }, '*');
      w.postMessage({ type: 'graph', graph: g, version: 1 }, '*');
    }, graph);
    await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'rendered'), undefined, { timeout: 30_000 });
    if (extra) await extra(page);
    await page.screenshot({ path: resolve(ARTIFACTS, `graph-${name}.png`) });
    const rendered = await page.evaluate(() => (globalThis as unknown as { __posted: { type: string; nodes?: number; overlaps?: number }[] }).__posted.find((m) => m.type === 'rendered'));
    return { page, graph, analysis, rendered: rendered as unknown as { nodes: number; overlaps: number; ms: number } };
  }

  for (const example of ['donut-shop', 'iot-data-load', 'shipping-orders', 'sentiment-analysis']) {
    it(`renders ${example}: one box per state, every label, no overlap`, async () => {
      const text = readFileSync(resolve(EXAMPLES, `${example}.asl.json`), 'utf8');
      const { page, analysis, rendered } = await render(text, example);
      assert.equal(rendered.nodes, analysis.model.states.length);
      assert.equal(rendered.overlaps, 0);
      const labels = await page.$$eval('g.node text.label', (nodes) => nodes.map((n) => n.textContent));
      for (const state of analysis.model.states) assert.ok(labels.some((l) => l?.startsWith(state.name.slice(0, 20))), state.name);
      await page.close();
    });
  }

  it('clicking a node asks the editor to reveal that state', async () => {
    const text = readFileSync(resolve(EXAMPLES, 'donut-shop.asl.json'), 'utf8');
    const { page } = await render(text, 'click');
    await page.click('g.node:has(text:text-is("Sell Donut"))');
    const reveal = await page.evaluate(() => (globalThis as unknown as { __posted: { type: string; offset?: number }[] }).__posted.find((m) => m.type === 'reveal'));
    assert.equal(reveal?.offset, text.indexOf('"Sell Donut": {'));
    assert.equal(await page.$$eval('g.node.selected', (n) => n.length), 1);
    await page.close();
  });

  it('renders state names with markup, quotes and emoji as text, and shows diagnostics badges', async () => {
    const name = '<img src=x onerror="window.__pwned=1"> "quoted" 🍩';
    const text = JSON.stringify({ StartAt: name, States: { [name]: { Type: 'Pass', Next: 'Missing' } } });
    const { page } = await render(text, 'hostile-names');
    assert.equal(await page.$$eval('img', (n) => n.length), 0);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
    assert.ok(await page.$$eval('g.node title', (t, n) => t.some((x) => x.textContent?.startsWith(n)), name));
    assert.equal(await page.$$eval('circle.badge.error', (n) => n.length), 1);
    await page.close();
  });
});
