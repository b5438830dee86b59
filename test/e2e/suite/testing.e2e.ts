import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AslWorkbenchApi } from '../../../client/src/extension';
import { ui } from './ui';
import { until } from './until';

const root = path.resolve(__dirname, '../../..');
const examples = path.join(root, 'examples');
const workspace = path.join(root, 'test-artifacts', 'e2e-workspace', 'tested-examples');
const log = (line: string) => (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(line);

async function api(): Promise<AslWorkbenchApi> {
  const extension = await until('the extension', () => vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench'));
  const exports = extension.isActive ? extension.exports : await extension.activate();
  await exports.ready;
  return exports;
}

/** Runs a command that starts a test run and waits for the controller to report that run's outcome. */
async function runAndWait(a: AslWorkbenchApi, start: () => Thenable<unknown>): Promise<Map<string, string>> {
  const done = new Promise<Map<string, string>>((resolve) => {
    const sub = a.tests.onDidFinishRun((outcome) => {
      sub.dispose();
      resolve(outcome);
    });
  });
  await start();
  return Promise.race([done, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no test run finished within 60 s')), 60_000))]);
}

describe('Testing view in a real VS Code', () => {
  before(() => {
    // The examples with their tests, copied into the workspace the Testing view scans.
    mkdirSync(workspace, { recursive: true });
    for (const f of readdirSync(examples)) cpSync(path.join(examples, f), path.join(workspace, f), { recursive: true });
  });

  it('lists the examples\' tests under each machine, runs them green, and shows a failing one inline after an edit breaks it', async function () {
    this.timeout(180_000);
    const a = await api();
    await a.tests.refresh();
    const machines = new Map<string, vscode.TestItem>();
    a.tests.controller.items.forEach((item) => machines.set(path.basename(item.uri?.fsPath ?? ''), item));
    for (const name of ['donut-shop', 'credit-line-approval', 'iot-data-load', 'sentiment-analysis', 'shipping-orders', 'batch-fan-out']) {
      assert.ok(machines.has(`${name}.asl.json`), `${name} in ${[...machines.keys()].join(', ')}`);
    }
    const donut = machines.get('donut-shop.asl.json')!;
    assert.equal(donut.children.size, 7);
    assert.ok(donut.children.get(`${vscode.Uri.file(path.join(workspace, 'donut-shop.tests.json')).toString()}#sold out ends in Sold Out`));

    await vscode.commands.executeCommand('workbench.view.testing.focus');
    const t0 = Date.now();
    const all = await runAndWait(a, () => vscode.commands.executeCommand('testing.runAll'));
    log(`Testing view: ${all.size} example tests run in ${Date.now() - t0} ms from testing.runAll`);
    assert.ok(all.size >= 16, `${all.size} tests ran`);
    assert.deepEqual([...all.values()].filter((s) => s !== 'passed'), []);
    if (ui.available) {
      await vscode.commands.executeCommand('testing.expandAll').then(undefined, () => undefined);
      await ui.waitFor('.test-explorer .monaco-list-row', { timeoutMs: 10_000 });
      const rows = await ui.query('.test-explorer .monaco-list-row');
      assert.ok(rows.some((r) => /donut-shop\.asl\.json/.test(r.ariaLabel ?? r.text)), rows.map((r) => r.ariaLabel).join(' | '));
      await ui.theme('light');
      await ui.screenshot('testing-view-green-light');
      await ui.theme('dark');
      await ui.screenshot('testing-view-green-dark');
    }

    // A person edits an expectation so it no longer holds, then runs that test from the editor.
    const file = vscode.Uri.file(path.join(workspace, 'donut-shop.tests.json'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), vscode.ViewColumn.One);
    const text = editor.document.getText();
    const at = text.indexOf('"outputContains": { "message": "Enjoy your glazed donut!" }');
    assert.ok(at > 0);
    const start = editor.document.positionAt(at + '"outputContains": { "message": "Enjoy your '.length);
    await editor.edit((e) => e.replace(new vscode.Range(start, start.translate(0, 'glazed'.length)), 'maple'));
    await editor.document.save();
    const line = start.line;
    const testId = `${file.toString()}#a good order is sold and enjoyed`;
    assert.ok(a.tests.controller.items.get(donut.id)?.children.get(testId));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const one = await runAndWait(a, () => vscode.commands.executeCommand('testing.runAtCursor'));
    assert.equal(one.get(testId), 'failed', [...one].join(', '));
    if (ui.available) {
      // The Testing view counts the run as 0 of 1 passed; the failure is drawn inline at the edited expectation's line
      // ("actual != expected" after it) and in the gutter: VS Code draws those as decorations with generated
      // classes, so the screenshots below are where a person checks them (e2e-testing-failure-inline-*.png).
      const header = await until('the Testing view showing the failed run', async () => (await ui.query('.test-explorer')).find((r) => /0\/1/.test(r.text)), 20_000);
      assert.ok(header);
      await ui.theme('light');
      await ui.screenshot('testing-failure-inline-light');
      await ui.theme('dark');
      await ui.screenshot('testing-failure-inline-dark');
    }
    await editor.edit((e) => e.replace(new vscode.Range(start, start.translate(0, 'maple'.length)), 'glazed'));
    await editor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
