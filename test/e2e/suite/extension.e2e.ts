import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AslWorkbenchApi } from '../../../client/src/extension';
import type { GraphPanel } from '../../../client/src/graph/graphPanel';
import type { StartExecutionRequest } from '../../../server/src/protocol';
import { backgroundThreadArgs } from '../../../server/src/backgroundThreads';
import { ui } from './ui';
import { until } from './until';

const EXTENSION_ID = 'asl-workbench.asl-workbench';
const root = path.resolve(__dirname, '../../..');
const examples = path.join(root, 'examples');


/** Saves a screenshot of the live workbench (test-artifacts/e2e-NAME.png); a no-op without the UI bridge. */
async function checkpoint(name: string, focusProblems = false): Promise<void> {
  if (!ui.available) return;
  if (focusProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
  await new Promise((r) => setTimeout(r, 1500));
  await ui.screenshot(name);
}

async function open(file: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

async function scratch(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path.join(root, 'test-artifacts', 'e2e-workspace', name));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  return open(uri.fsPath);
}

describe('ASL Workbench in a real VS Code', () => {
  let api: AslWorkbenchApi;

  before(async () => {
    await open(path.join(examples, 'donut-shop.asl.json'));
    const extension = await until('the extension', () => vscode.extensions.getExtension<AslWorkbenchApi>(EXTENSION_ID));
    api = extension.isActive ? extension.exports : await extension.activate();
    await api.ready;
  });

  it('opens *.asl.json as Amazon States Language, activating in well under a second of extension-host time (22 ms on a quiet machine)', () => {
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'asl');
    (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(`activate() took ${api.activationMs.toFixed(1)} ms of extension-host time`);
    assert.ok(api.activationMs < 300, `activate() took ${api.activationMs} ms`);
  });

  it('starts the language server with no more V8 background threads than the cores it leaves free (a Node extension host)', function () {
    if (process.versions.electron || process.platform !== 'linux') this.skip();
    // The server is a child of this extension host; its command line and its threads are in /proc.
    const servers = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(path.join('dist', 'server.js'));
      } catch {
        return false;
      }
    });
    assert.equal(servers.length, 1, 'one language server process');
    const argv = readFileSync(`/proc/${servers[0]}/cmdline`, 'utf8').split('\0');
    const expected = backgroundThreadArgs();
    for (const arg of expected) assert.ok(argv.includes(arg), `${arg} in ${argv.join(' ')}`);
    (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(`language server: ${argv.filter((a) => a.startsWith('--')).join(' ') || 'no options'}, ${readdirSync(`/proc/${servers[0]}/task`).length} threads, ${availableParallelism()} cores`);
  });

  it('shows the validator diagnostics with their rule codes', async () => {
    const editor = await scratch('broken.asl.json', '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "Nowhere" }\n  }\n}\n');
    const diagnostics = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(editor.document.uri);
      return d.length > 0 ? d : undefined;
    });
    const unknown = diagnostics.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'unknown-state');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.equal(unknown.source, 'asl');
    assert.equal(unknown.range.start.line, 3);
    await checkpoint('problems', true);
    if (ui.available) {
      // What a person sees: the squiggle's problem in the Problems panel, in a dark and a light theme.
      const rows = await ui.query('.markers-panel .monaco-list-row');
      assert.ok(rows.some((r) => /refers to 'Nowhere'/.test(r.ariaLabel ?? r.text)), JSON.stringify(rows.map((r) => r.ariaLabel ?? r.text)));
      await ui.theme('light');
      await ui.screenshot('problems-light');
      await ui.theme('dark');
    }
  });

  it('completes state names at Next', async () => {
    const editor = await scratch('complete.asl.json', '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "" },\n    "Done": { "Type": "Succeed" }\n  }\n}\n');
    const position = new vscode.Position(3, editor.document.lineAt(3).text.indexOf('"Next": ""') + 9);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Done') && labels.includes('A'), labels.join(', '));
  });

  it('shows hover documentation', async () => {
    const editor = await open(path.join(examples, 'donut-shop.asl.json'));
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('"Retry"'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, editor.document.lineAt(line).text.indexOf('Retry') + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Retriers/);
  });

  it('shows the states in the Outline (branches nested) and follows an edit; the lenses come through the same compact path', async function () {
    const editor = await scratch(
      'outline.asl.json',
      '{\n  "StartAt": "Fetch",\n  "States": {\n    "Fetch": { "Type": "Pass", "Next": "Fan out" },\n    "Fan out": {\n      "Type": "Parallel",\n      "Branches": [ { "StartAt": "Left <b>", "States": { "Left <b>": { "Type": "Succeed" } } } ],\n      "End": true\n    }\n  }\n}\n',
    );
    const uri = editor.document.uri;
    // Our client asks asl/documentSymbols and asl/codeLenses (client/src/languageClient.ts): what VS Code gets.
    const symbols = await until('symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return found?.length ? found : undefined;
    });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.range.start.line, s.selectionRange.end.character]), [['Fetch', 'Pass', 3, 11], ['Fan out', 'Parallel', 4, 13]]);
    assert.deepEqual(symbols[1].children.map((b) => [b.name, b.children.map((c) => c.name)]), [['Branch 1', ['Left <b>']]]);
    const lenses = await until('lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
      return found?.length ? found : undefined;
    });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]).sort(), [
      [1, 'Debug'], [1, 'Run'], [3, 'Test State'], [3, 'start'], [4, 'Test State'], [4, "from 'Fetch'"], [6, 'Test State'], [6, 'start'],
    ]);
    if (!ui.available) return;
    await vscode.commands.executeCommand('outline.focus');
    await ui.waitFor('.outline-pane .monaco-list-row:has-text("Fan out")', { timeoutMs: 20_000 });
    // A state renamed by an edit shows in the outline under its new name (the state name is shown as text).
    await editor.edit((edit) => edit.replace(new vscode.Range(3, 5, 3, 10), 'Download'));
    await ui.waitFor('.outline-pane .monaco-list-row:has-text("Download")', { timeoutMs: 20_000 });
    await ui.theme('dark');
    await ui.screenshot('outline-dark');
    await ui.theme('light');
    await ui.screenshot('outline-light');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('folds objects and arrays: Fold All hides the states, Fold All Regions (for #region markers) folds nothing', async () => {
    const editor = await scratch(
      'folding.asl.json',
      '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "Next": "B"\n    },\n    "B": {\n      "Type": "Succeed"\n    }\n  }\n}\n',
    );
    const ranges = await until('folding ranges', async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      return found?.length ? found : undefined;
    });
    assert.deepEqual(ranges.map((r) => [r.start, r.end, r.kind]), [[0, 10, undefined], [2, 9, undefined], [3, 5, undefined], [7, 8, undefined]]);
    // Lines the editor hides (folded away), as a person sees them.
    const hidden = () => editor.document.lineCount - editor.visibleRanges.reduce((n, r) => n + r.end.line - r.start.line + 1, 0);
    editor.selection = new vscode.Selection(4, 0, 4, 0);
    await vscode.commands.executeCommand('editor.foldAllMarkerRegions');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(hidden(), 0, 'Fold All Regions folded a JSON object');
    await vscode.commands.executeCommand('editor.foldAll');
    await until('everything folded but the first and last lines', () => (hidden() === editor.document.lineCount - 3 ? true : undefined));
    await vscode.commands.executeCommand('editor.unfoldAll');
    // Fold the states only (level 3: root, States, then each state), for the screenshots.
    await vscode.commands.executeCommand('editor.foldLevel3');
    await until('the two states folded', () => (hidden() === 3 ? true : undefined));
    if (ui.available) {
      await ui.theme('dark');
      await ui.screenshot('folding-dark');
      await ui.theme('light');
      await ui.screenshot('folding-light');
    }
    await vscode.commands.executeCommand('editor.unfoldAll');
  });

  it('Add Catch edits the file and leaves it valid', async () => {
    const editor = await scratch('catch.asl.json', '{\n  "StartAt": "Work",\n  "States": {\n    "Work": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "End": true\n    }\n  }\n}\n');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(4, 10, 4, 10), vscode.CodeActionKind.Refactor.value);
    const addCatch = actions.find((a) => a.title.startsWith('Add Catch'));
    assert.ok(addCatch?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(addCatch.edit));
    assert.match(editor.document.getText(), /"Catch": \[/);
    await until('clean diagnostics', () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length === 0 || undefined);
  });

  it('Test State runs one state and reports its processing steps', async () => {
    const uri = vscode.Uri.file(path.join(examples, 'donut-shop.asl.json'));
    const result = await vscode.commands.executeCommand<{ status: string; nextState?: string; inspectionData?: Record<string, unknown> }>('asl.testState', uri, { stateName: 'Enjoy', input: '{"donut":"maple","sale":{"receipt":{"id":1}}}' });
    assert.equal(result.status, 'SUCCEEDED');
    assert.equal(result.nextState, 'Done');
    assert.deepEqual(result.inspectionData?.afterParameters, { message: 'Enjoy your maple donut!', receipt: { id: 1 } });
  });

  it('opens the graph preview, renders every state, and a click on a node reveals the state', async () => {
    const uri = vscode.Uri.file(path.join(examples, 'donut-shop.asl.json'));
    await open(uri.fsPath);
    const panel = await vscode.commands.executeCommand<GraphPanel>('asl.openGraphPreviewToSide', uri);
    const rendered = await until('the graph', () => panel.received.find((m) => m.type === 'rendered'), 60_000);
    assert.equal(rendered.type === 'rendered' && rendered.nodes, 7);
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const offset = text.indexOf('"Sell Donut": {');
    await panel.handleMessage({ type: 'reveal', offset, length: '"Sell Donut"'.length });
    const editor = await until('the revealed state', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString() && e.document.offsetAt(e.selection.start) === offset));
    assert.equal(editor.document.getText(editor.selection), '"Sell Donut"');
    await checkpoint('graph');
  });
  it('Start Execution runs the donut shop with a mocked test case and opens the execution view', async () => {
    const uri = vscode.Uri.file(path.join(examples, 'donut-shop.asl.json'));
    const result = await vscode.commands.executeCommand<StartExecutionRequest.Result>('asl.startExecution', uri, { input: '{"donut":"glazed"}', inputLabel: 'e2e', testCase: 'HappyPath' });
    assert.equal(result.status, 'SUCCEEDED', JSON.stringify(result));
    assert.deepEqual(result.output, { message: 'Enjoy your glazed donut!', receipt: { receiptId: 'r-1001', charged: 2 } });
    await until('the execution view', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith('Execution: donut-shop')));
    // The open graph preview colours the path the run took.
    await checkpoint('execution');
  });

});
