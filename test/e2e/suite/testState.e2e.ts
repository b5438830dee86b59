import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestStateRequest } from '../../../server/src/protocol';
import { ui } from './ui';

const root = path.resolve(__dirname, '../../..');
const examples = path.join(root, 'examples');
const log = (line: string) => (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(line);

async function open(file: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), vscode.ViewColumn.One);
}

/** The Test State view's rows as a person reads them (whitespace collapsed). */
async function stepRows(): Promise<string[]> {
  // Four cells a row: the step, the field as written, the value after it, what changed.
  const cells = await ui.query('tr.step > th, tr.step > td', { frame: 'webview' });
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 4) rows.push(cells.slice(i, i + 4).map((c) => c.text).join(' ').replace(/\s+/g, ' ').trim());
  return rows;
}

describe('Test State in a real VS Code', () => {
  it('tests a Task of the donut shop with its mock file (the test case picked as a person does) and shows the step rows', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = vscode.Uri.file(path.join(examples, 'donut-shop.asl.json'));
    await open(uri.fsPath);
    const running = vscode.commands.executeCommand<TestStateRequest.Result>('asl.testState', uri, 'Get Donut Price');
    // The mock file has four test cases: the picker asks (unless an earlier run already chose one).
    const picker = ui.waitFor('.quick-input-widget .monaco-list-row', { timeoutMs: 10_000 }).then(() => 'picker', () => 'none');
    if ((await Promise.race([running.then(() => 'done'), picker])) === 'picker') {
      await ui.type('HappyPath');
      await ui.press('Enter');
    }
    const result = await running;
    assert.equal(result.status, 'SUCCEEDED', JSON.stringify(result));
    await ui.waitFor('tr.step[data-step="ResultPath"]', { frame: 'webview', timeoutMs: 20_000 });
    const rows = await stepRows();
    assert.deepEqual(rows.map((r) => r.split(' ')[0]), ['Input', 'InputPath', 'Parameters', 'Result', 'ResultSelector', 'ResultPath', 'OutputPath', 'Assign']);
    assert.match(rows[4], /^ResultSelector \{ "price\.\$": "\$\.Item\.Price\.N" \} \{ "price": "2" \}/);
    assert.match(rows[5], /^ResultPath "\$\.catalog" .*\+ \$\.catalog: \{"price"\}$/);
    const [heading] = await ui.query('h2', { frame: 'webview' });
    assert.equal(heading.text, 'Test State: Get Donut Price');
    await ui.screenshot('test-state');
  });

  it('offers a "Test State" code lens on each state; clicking it runs that state in the view', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const file = path.join(root, 'test-artifacts', 'e2e-workspace', 'lens.asl.json');
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), Buffer.from('{\n  "StartAt": "Greet",\n  "States": {\n    "Greet": {\n      "Type": "Pass",\n      "Parameters": { "greeting.$": "States.Format(\'Hello, {}!\', $.who)" },\n      "End": true\n    }\n  }\n}\n'));
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file.replace('.asl.json', '.input.json')), Buffer.from('{ "who": "Ana" }\n'));
    await open(file);
    await ui.waitFor('.codelens-decoration a:has-text("Test State")', { timeoutMs: 20_000 });
    // The lenses are redrawn when the server answers again: a click may land on a detached one, so try twice.
    await ui.click('.codelens-decoration a:has-text("Test State")').catch(async () => {
      await ui.waitFor('.codelens-decoration a:has-text("Test State")', { timeoutMs: 20_000 });
      await ui.click('.codelens-decoration a:has-text("Test State")');
    });
    await ui.waitFor('tr.step[data-step="Parameters"]', { frame: 'webview', timeoutMs: 20_000 });
    const rows = await stepRows();
    // The input came from lens.input.json beside the machine.
    assert.match(rows[0], /^Input \{ "who": "Ana" \}$/);
    assert.match(rows.find((r) => r.startsWith('Parameters'))!, /\{ "greeting": "Hello, Ana!" \} − \$\.who ?\+ \$\.greeting: "Hello, Ana!"$/);
    const [meta] = await ui.query('.meta', { frame: 'webview' });
    assert.equal(meta.text, 'lens.asl.json · Input: lens.input.json');
    log('Test State code lens: ran Greet from lens.input.json');
  });
  it('offers "Test State" on a state box of the graph (right-click menu); choosing it runs that state in the view', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const file = path.join(root, 'test-artifacts', 'e2e-workspace', 'graph-menu.asl.json');
    const machine = {
      StartAt: 'Greet',
      States: {
        Greet: { Type: 'Pass', Next: 'Shout' },
        Shout: { Type: 'Pass', Parameters: { 'loud.$': "States.Format('{}!', $.who)" }, End: true },
      },
    };
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file), Buffer.from(JSON.stringify(machine, null, 2)));
    await vscode.workspace.fs.writeFile(vscode.Uri.file(file.replace('.asl.json', '.input.json')), Buffer.from('{ "who": "Ana" }\n'));
    await open(file);
    await vscode.commands.executeCommand('asl.openGraphPreviewToSide');
    const box = 'svg.graph g.node:has(text:text-is("Shout"))';
    await ui.waitFor(box, { frame: 'webview', timeoutMs: 20_000 });
    await ui.click(box, { frame: 'webview', button: 'right' });
    const item = '.context-view .monaco-menu .action-item:has-text("Test State")';
    await ui.waitFor(item, { timeoutMs: 10_000 });
    await ui.screenshot('graph-context-menu');
    await ui.click(item);
    await ui.waitFor('tr.step[data-step="Parameters"]', { frame: 'webview', timeoutMs: 20_000 });
    const [heading] = await ui.query('h2', { frame: 'webview' });
    assert.equal(heading.text, 'Test State: Shout');
    const rows = await stepRows();
    assert.match(rows.find((r) => r.startsWith('Parameters'))!, /\{ "loud": "Ana!" \}/);
    log('graph right-click: Test State ran Shout from graph-menu.input.json');
  });
});
