import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type * as vscode from 'vscode';
import { webviewHtml } from '../../client/src/webviewHtml';
import type { GraphPageData } from '../../client/webview/src/shared/graphMessages';
import { runCli } from '../../server/src/cli/main';
import { analyzeDocument } from '../../server/src/core/analyzeDocument';
import { buildGraph } from '../../server/src/core/graph/buildGraph';
import { layoutGraph } from '../../server/src/core/graph/layoutGraph';
import { GRAPH_STYLE } from '../../client/webview/src/graph/graphStyle';
import { generateMachine } from '../bench/generateMachine';
import { memoryIo } from '../unit/cli/memoryIo';
import { ARTIFACTS, LIGHT_THEME, THEME, openWebviewHarness, type WebviewHarness } from './harness';

type Posted = { type: string; nodes?: number; overlaps?: number; layouts?: number; offscreen?: string[]; stale?: boolean; taken?: number; version?: number };
const posted = (page: Page) => page.evaluate(() => (globalThis as unknown as { __posted: Posted[] }).__posted);
const graphOf = (text: string) => {
  const analysis = analyzeDocument(text);
  return buildGraph(analysis.model, analysis.problems);
};

const EXAMPLES = resolve(__dirname, '../../examples');
const REPO = resolve(__dirname, '../..');
/** Just enough of vscode.Uri and vscode.Webview for webviewHtml: the repository as the extension's folder. */
const repoUri = { scheme: 'file', path: REPO, fsPath: REPO, with: () => repoUri } as unknown as vscode.Uri;
const webview = { cspSource: 'https://webview.test', asWebviewUri: () => ({ toString: () => 'https://webview.test/graph.js' }) } as unknown as vscode.Webview;

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
      w.postMessage({ type: 'init', documentUri: 'file:///x.asl.json' }, '*');
      w.postMessage({ type: 'graph', graph: g, version: 1 }, '*');
    }, graph);
    await page.waitForFunction(() => (globalThis as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'rendered'), undefined, { timeout: 30_000 });
    if (extra) await extra(page);
    await page.screenshot({ path: resolve(ARTIFACTS, `graph-${name}.png`) });
    const rendered = (await posted(page)).find((m) => m.type === 'rendered');
    return { page, graph, analysis, rendered: rendered as unknown as { nodes: number; overlaps: number; ms: number } };
  }

  /** Sends another version of the document's graph and waits for the view to draw it. */
  async function update(page: Page, text: string) {
    const before = (await posted(page)).filter((m) => m.type === 'rendered').length;
    await page.evaluate((g) => (globalThis as unknown as { postMessage(m: unknown, o: string): void }).postMessage({ type: 'graph', graph: g, version: 2 }, '*'), graphOf(text));
    await page.waitForFunction((n) => (globalThis as unknown as { __posted: Posted[] }).__posted.filter((m) => m.type === 'rendered').length > n, before, { timeout: 30_000 });
    return (await posted(page)).filter((m) => m.type === 'rendered').at(-1)!;
  }

  for (const example of ['donut-shop', 'iot-data-load', 'shipping-orders', 'sentiment-analysis', 'credit-line-approval', 'batch-fan-out']) {
    it(`renders ${example}: one box per state, every label, no overlap`, async () => {
      const text = readFileSync(resolve(EXAMPLES, `${example}.asl.json`), 'utf8');
      const { page, analysis, rendered } = await render(text, example);
      assert.equal(rendered.nodes, analysis.model.states.length);
      assert.equal(rendered.overlaps, 0);
      const labels = await page.$$eval('svg.graph g.node text.label', (nodes) => nodes.map((n) => n.textContent));
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
    assert.equal(await page.$$eval('svg.graph g.node.selected', (n) => n.length), 1);
    await page.close();
  });

  it('renders state names with markup, quotes and emoji as text, and shows diagnostics badges', async () => {
    const name = '<img src=x onerror="window.__pwned=1"> "quoted" 🍩';
    const text = JSON.stringify({ StartAt: name, States: { [name]: { Type: 'Pass', Next: 'Missing' } } });
    const { page } = await render(text, 'hostile-names');
    assert.equal(await page.$$eval('img', (n) => n.length), 0);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
    assert.ok(await page.$$eval('svg.graph g.node title', (t, n) => t.some((x) => x.textContent?.startsWith(n)), name));
    assert.equal(await page.$$eval('svg.graph circle.badge.error', (n) => n.length), 1);
    await page.close();
  });

  it('draws a large machine (500 states) with no overlap, and redraws an edit that keeps the structure without laying it out again', async function () {
    this.timeout(120_000);
    const text = generateMachine(500);
    const { page, analysis, rendered } = await render(text, 'large-fit');
    assert.equal(rendered.nodes, analysis.model.states.length);
    assert.equal(rendered.overlaps, 0);
    for (let i = 0; i < 12; i++) await page.click('#zoom-in');
    await page.screenshot({ path: resolve(ARTIFACTS, 'graph-large-zoomed.png') });
    const comment = await update(page, text.replace('Generated machine', 'Generated  machine'));
    assert.equal(comment.layouts, 0, 'no layout for an edit of the Comment');
    const renamed = await update(page, text.replaceAll('"Root step 3"', '"Root step 3, renamed"'));
    assert.equal(renamed.layouts, 1, 'the machine block, once, for a renamed state');
    assert.equal(renamed.overlaps, 0);
    await page.close();
  });

  it('draws a graph that comes laid out (the first graph of a panel) without laying it out, and later edits reuse that work', async () => {
    const text = readFileSync(resolve(EXAMPLES, 'donut-shop.asl.json'), 'utf8');
    const graph = graphOf(text);
    const page = await harness.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(harness.url);
    await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'));
    await page.evaluate(({ g, l }) => {
      const w = globalThis as unknown as { postMessage(m: unknown, origin: string): void };
      w.postMessage({ type: 'init', documentUri: 'file:///x.asl.json' }, '*');
      w.postMessage({ type: 'graph', graph: g, version: 1, layout: l }, '*');
    }, { g: graph, l: layoutGraph(graph) });
    await page.waitForFunction(() => (globalThis as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'rendered'), undefined, { timeout: 30_000 });
    const first = (await posted(page)).find((m) => m.type === 'rendered')!;
    assert.equal(first.layouts, 0, 'drawn from the layout it came with');
    assert.equal(first.nodes, analyzeDocument(text).model.states.length);
    assert.equal(first.overlaps, 0);
    // The view fills its cache when idle: a Comment edit then lays out nothing.
    await page.evaluate(() => new Promise((done) => (globalThis as unknown as { requestIdleCallback(f: () => void): void }).requestIdleCallback(() => done(undefined))));
    const comment = await update(page, text.replace('The donut shop:', 'The donut shop, edited:'));
    assert.equal(comment.layouts, 0, 'an edit that keeps the structure is not laid out again');
    await page.close();
  });

  it('the SVG from asl graph opens as an image in the browser', async () => {
    for (const example of ['donut-shop', 'iot-data-load']) {
      const cli = memoryIo(EXAMPLES);
      assert.equal(await runCli(['graph', `${example}.asl.json`], cli.io), 0);
      const svg = cli.out();
      const page = await harness.browser.newPage({ viewport: { width: 1000, height: 900 } });
      await page.setContent(`<body style="margin:0;background:#777"><img id="g" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
      // A browser refuses an SVG image that is not well-formed XML: decode() fails and the size stays 0.
      const size = await page.$eval('#g', (element) => {
        const img = element as unknown as { decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
        return img.decode().then(() => [img.naturalWidth, img.naturalHeight], () => [0, 0]);
      });
      assert.deepEqual(size, [...svg.matchAll(/<svg [^>]*width="(\d+)" height="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])])[0]);
      await page.screenshot({ path: resolve(ARTIFACTS, `graph-cli-${example}.png`), fullPage: true });
      await page.close();
    }
  });

  // The page exactly as the extension makes it (webviewHtml: the strict policy, the bundle inlined under its nonce, the
  // first graph in a JSON block); VS Code's API and theme colours are given the way VS Code gives them (a script before
  // the page's own, CSS variables on the root), not as markup the policy would stop.
  for (const theme of ['light', 'dark'] as const) {
    it(`draws the graph it came with, before any message, under the policy; hostile names stay text (${theme})`, async () => {
      const name = '</script><img src=x onerror="window.__pwned=1"> <!-- "Q" & 🍩';
      const text = JSON.stringify({ StartAt: name, States: { [name]: { Type: 'Pass', Next: 'Done' }, Done: { Type: 'Succeed' } } });
      const analysis = analyzeDocument(text);
      const graph = buildGraph(analysis.model, analysis.problems);
      const data: GraphPageData = { documentUri: 'file:///x.asl.json', graph, version: 3, layout: layoutGraph(graph) };
      const html = webviewHtml(webview, repoUri, 'graph.js', 'Graph', GRAPH_STYLE.css, data);
      assert.match(html, /<script nonce="[^"]+">/, 'the bundle is inlined (npm run build made dist/webview/graph.js)');

      const page = await harness.browser.newPage({ viewport: { width: 700, height: 500 } });
      const colours = Object.fromEntries([...(theme === 'light' ? LIGHT_THEME : THEME).matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
      // A string: a function would be compiled with helpers that do not exist in the page.
      await page.addInitScript(`
        window.__posted = [];
        window.__received = 0;
        window.__violations = [];
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });
        addEventListener('message', () => window.__received++);
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        document.addEventListener('DOMContentLoaded', () => {
          for (const [k, v] of Object.entries(${JSON.stringify(colours)})) document.documentElement.style.setProperty(k, v);
        });
      `);
      await page.route('https://webview.test/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto('https://webview.test/index.html');
      await page.waitForFunction(() => (globalThis as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'rendered'), undefined, { timeout: 30_000 });
      const state = await page.evaluate(() => {
        const w = globalThis as unknown as { __posted: Posted[]; __received: number; __violations: string[]; __pwned?: number };
        return { posted: w.__posted, received: w.__received, violations: w.__violations, pwned: w.__pwned, images: document.querySelectorAll('img').length, dataBlock: document.getElementById('initial-data') !== null };
      });
      const rendered = state.posted.find((m) => m.type === 'rendered')!;
      assert.equal(state.received, 0, 'no message was needed');
      assert.ok(state.posted.some((m) => m.type === 'ready'));
      assert.deepEqual({ version: rendered.version, layouts: rendered.layouts, nodes: rendered.nodes, overlaps: rendered.overlaps }, { version: 3, layouts: 0, nodes: 2, overlaps: 0 });
      assert.deepEqual(state.violations, [], 'nothing blocked by the policy');
      assert.equal(state.pwned, undefined);
      assert.equal(state.images, 0);
      assert.equal(state.dataBlock, false, 'the data block is gone once read');
      const titles = await page.$$eval('svg.graph g.node title', (t) => t.map((x) => x.textContent ?? ''));
      assert.ok(titles.some((t) => t.startsWith(name)), titles.join(' | '));
      await page.screenshot({ path: resolve(ARTIFACTS, `graph-page-${theme}.png`) });
      await page.close();
    });
  }
});
