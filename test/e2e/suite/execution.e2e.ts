import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AslWorkbenchApi } from '../../../client/src/extension';
import type { StartExecutionRequest } from '../../../server/src/protocol';
import { ui } from './ui';
import { until } from './until';

const root = path.resolve(__dirname, '../../..');
const log = (line: string) => (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(line);

describe('Execution view in a real VS Code', () => {
  it('opens a 200-item Map run (1,810 events) grouped by state and iteration, timed from the command to the rows', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = vscode.Uri.file(path.join(root, 'test/fixtures/execution/big-map.asl.json'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    // big-map.input.json and big-map.mocks.json (one test case) sit beside it: Start Execution asks nothing.
    const started = Date.now();
    let resolvedMs = 0;
    const running = vscode.commands.executeCommand<StartExecutionRequest.Result>('asl.startExecution', uri).then((r) => {
      resolvedMs = Date.now() - started;
      return r;
    });
    await ui.waitFor('.status.SUCCEEDED', { frame: 'webview', timeoutMs: 30_000 });
    await ui.waitFor('.row.group:has-text("Price Each Item")', { frame: 'webview', timeoutMs: 30_000 });
    const ms = Date.now() - started;
    log(`200-item Map: execution view with 1,810 events grouped in ${ms} ms from the command to the rows visible`);
    const result = await running;
    const api = vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench')!.exports;
    const steps = api.executionPanel(uri)?.timeline.map(([what, at]) => `${what} +${at - started}`).join(', ');
    log(`  (the command itself resolved after ${resolvedMs} ms; ${steps}; target under 1,000 ms)`);
    assert.equal(result.events.length, 1810);
    // The target is under 1 s; on this shared machine it is printed, not asserted (README: speed is benchmarked).
    const [count] = await ui.query('.count', { frame: 'webview' });
    assert.equal(count.text, '1810 events');
    await ui.click('.row.group:has-text("Price Each Item")', { frame: 'webview' });
    await ui.waitFor('.row.group.iteration:has-text("Iteration 199")', { frame: 'webview', timeoutMs: 10_000 }).catch(() => 0);
    const rows = await ui.query('.history .row', { frame: 'webview' });
    assert.ok(rows.length < 80, `${rows.length} rows in the DOM`);
    assert.ok(rows.some((r) => r.text.startsWith('▸Iteration 0')), rows.map((r) => r.text).join(' | '));
    await ui.screenshot('execution-map');

    // Run again: the view of this machine is reused (no new webview to load), so this is the wait a person
    // has on every run after the first.
    const panel = api.executionPanel(uri)!;
    const again = Date.now();
    const second = vscode.commands.executeCommand<StartExecutionRequest.Result>('asl.startExecution', uri);
    await until('the second run drawn', () => panel.drawn && panel.timeline[0]?.[0] === 'started' && panel.timeline[0][1] >= again);
    await ui.waitFor('.row.group:has-text("Price Each Item")', { frame: 'webview', timeoutMs: 10_000 });
    const rerunMs = Date.now() - again;
    assert.equal(api.executionPanel(uri), panel, 'the same view');
    assert.equal((await second).events.length, 1810);
    log(`200-item Map, run again in the open view: rows visible ${rerunMs} ms after the command (target under 1,000 ms)`);
  });
});
