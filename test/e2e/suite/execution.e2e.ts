import assert from 'node:assert/strict';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AslWorkbenchApi } from '../../../client/src/extension';
import type { GraphPanel } from '../../../client/src/graph/graphPanel';
import type { StartExecutionRequest } from '../../../server/src/protocol';
import { ui } from './ui';
import { until } from './until';

const root = path.resolve(__dirname, '../../..');
const log = (line: string) => (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(line);
/** Rows of the history tree (ASL Execution › History, in the panel), by the start of their aria-label. */
const treeRow = (label: string) => `.part.panel .monaco-list-row[aria-label^="${label}"]`;
/** Issue 11 point 6: a 200-item Map's history opens within 1 s of the command. */
const TARGET_MS = 1000;

/**
 * The target is asserted on a machine that is not overloaded (load average under 3 per core; the e2e run alone, with
 * code-server, Chromium, the extension host and the language server, keeps it at 1.6-1.9 on 2 cores): on the shared
 * 2-core machine with several developers' runs, the workbench's own thread gets a tenth of a core and every figure
 * says more about the load than about the view. The figures are printed in both cases, with the load.
 */
function assertTarget(ms: number, what: string): void {
  const load = loadavg()[0] / availableParallelism();
  if (load < 3) assert.ok(ms < TARGET_MS, `${what} took ${ms} ms (target ${TARGET_MS} ms; load ${load.toFixed(1)} per core)`);
  else log(`  (${what}: ${ms} ms not asserted: load average ${load.toFixed(1)} per core)`);
}

interface Timing {
  tree: number;
  view: number;
  result: StartExecutionRequest.Result;
  /** When the run started, its first events came, it finished; when the execution view was made and said ready (ms). */
  steps: string;
}

/**
 * Starts the run as the Run code lens does and times what a person waits for, from the command: the history tree's
 * rows (the Map state's group and the last event, so the whole history is in) and the execution view's rows.
 */
async function timedRun(uri: vscode.Uri): Promise<Timing> {
  const lastRow = treeRow('ExecutionSucceeded');
  await ui.watchDrawn(lastRow, 'aria-label');
  const started = Date.now();
  const result = await vscode.commands.executeCommand<StartExecutionRequest.Result>('asl.startExecution', uri);
  // This run's rows, not those of a run before it: the last event's time (the run's clock starts at the real time).
  const time = result.events.at(-1)!.timestamp.slice(11, 23);
  await ui.waitFor(`${lastRow}[aria-label*="${time}"]`, { timeoutMs: 30_000 });
  await ui.waitFor(treeRow('Price Each Item, Map'), { timeoutMs: 30_000 });
  const polled = Date.now() - started;
  // The frame that drew the row, recorded in the page (a poll of a busy page comes later than the picture).
  const drawn = (await ui.drawnTimes(lastRow)).find((d) => d.key.includes(time));
  assert.ok(drawn, 'the row was seen drawn');
  const tree = drawn.drawn - started;
  await ui.waitFor(`.history .row.event:has-text("ExecutionSucceeded"):has-text("${time}")`, { frame: 'webview', timeoutMs: 30_000 });
  await ui.waitFor('.status.SUCCEEDED', { frame: 'webview', timeoutMs: 30_000 });
  await ui.waitFor('.row.group:has-text("Price Each Item")', { frame: 'webview', timeoutMs: 30_000 });
  const view = Date.now() - started;
  const api = vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench')!.exports;
  const steps = [...api.executionHistory.timeline, ...(api.executionPanel(uri)?.timeline ?? [])].map(([what, at]) => `${what} +${at - started}`).join(', ');
  return { tree, view, result, steps: `tree rows in the DOM +${drawn.inDom - started}, drawn +${tree}, seen by a poll +${polled}; ${steps}` };
}

describe('Execution view in a real VS Code', () => {
  let api: AslWorkbenchApi;
  const uri = vscode.Uri.file(path.join(root, 'test/fixtures/execution/big-map.asl.json'));
  before(async function () {
    if (!ui.available) this.skip();
    const extension = await until('the extension', () => vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench'));
    api = extension.isActive ? extension.exports : await extension.activate();
    await api.ready;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
  });

  it('a 200-item Map run (1,810 events): the history tree within 1 s of the command, grouped by state and iteration; the execution view follows', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    // big-map.input.json and big-map.mocks.json (one test case) sit beside it: Start Execution asks nothing.
    const first = await timedRun(uri);
    log(`200-item Map, first run: history tree rows ${first.tree} ms after the command, execution view rows ${first.view} ms (target ${TARGET_MS} ms; ${first.steps})`);
    assert.equal(first.result.events.length, 1810);
    assert.equal(api.executionHistory.eventCount, 1810);

    // The tree: top-level rows are the execution's events and the root block's states, each state folded.
    const top = (await ui.query('.part.panel .monaco-list-row')).map((r) => r.ariaLabel ?? '');
    assert.ok(top.some((r) => r.startsWith('Price Each Item, Map · 1')), top.join(' | '));
    assert.ok(top.some((r) => r.startsWith('ExecutionStarted')), top.join(' | '));
    const [count] = await ui.query('.count', { frame: 'webview' });
    assert.equal(count.text, '1810 events');

    // Unfolding the Map shows its 200 iterations folded, with their index; the tree draws only what is in sight.
    await ui.click(treeRow('Price Each Item, Map'));
    await ui.waitFor(treeRow('Iteration 0, '));
    const rows = await ui.query('.part.panel .monaco-list-row');
    assert.ok(rows.length < 100, `${rows.length} tree rows in the DOM for 200 iterations`);
    assert.ok(rows.some((r) => /^Iteration 1, \d+ events/.test(r.ariaLabel ?? '')), rows.map((r) => r.ariaLabel).join(' | '));
    await ui.screenshot('execution-history-tree');

    // A click on an event of an iteration shows it in the execution view: its groups unfolded, its details below.
    await ui.click(treeRow('Iteration 0, '));
    await ui.click(treeRow('MapIterationStarted'));
    const details = await until('the event in the execution view', async () => (await ui.query('.details h3', { frame: 'webview' })).find((h) => h.text.includes('MapIterationStarted')), 10_000);
    assert.match(details.text, /^#\d+ MapIterationStarted/);
    await ui.waitFor('.row.group.iteration[aria-expanded="true"]:has-text("Iteration 0")', { frame: 'webview' });
    await ui.waitFor('.row.event.selected', { frame: 'webview' });

    // The execution view keeps its own grouped, virtualised list and filter.
    const viewRows = await ui.query('.history .row', { frame: 'webview' });
    assert.ok(viewRows.length < 80, `${viewRows.length} rows in the execution view's DOM`);
    await ui.screenshot('execution-map');
    assertTarget(first.tree, 'the history tree on the first run');
  });

  it('with the graph open, the first execution view of the machine: the history tree within 1 s; run again with everything open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const graph = (await vscode.commands.executeCommand<GraphPanel>('asl.openGraphPreviewToSide', editor.document.uri))!;
    await until('the graph drawn', () => graph.received.find((m) => m.type === 'rendered'), 30_000);
    assert.equal(api.executionPanel(uri), undefined, 'no execution view of this machine is open');
    const beside = await timedRun(uri);
    log(`200-item Map with the graph open (a new execution view): history tree rows ${beside.tree} ms after the command, execution view rows ${beside.view} ms (target ${TARGET_MS} ms; ${beside.steps})`);

    const panel = api.executionPanel(uri)!;
    const again = await timedRun(uri);
    assert.equal(api.executionPanel(uri), panel, 'the same execution view');
    log(`200-item Map run again, graph and views open: history tree rows ${again.tree} ms, execution view rows ${again.view} ms (target ${TARGET_MS} ms; ${again.steps})`);
    for (const theme of ['dark', 'light'] as const) {
      await ui.theme(theme);
      await ui.screenshot(`execution-history-${theme}`);
    }
    assertTarget(beside.tree, 'the history tree with the graph open');
    assertTarget(again.tree, 'the history tree on a run again');
  });
});
