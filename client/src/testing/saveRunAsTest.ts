import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StartExecutionRequest } from '../../../server/src/protocol';
import { activeMachineUri } from '../activeMachine';
import { ExecutionPanel } from '../execution/executionPanel';
import { appendTest, testFromRun } from './testFromRun';

/** The last run of each machine (by uri) as Start Execution made it: what Save as Test turns into a test. */
export const lastRunsForTests = new Map<string, { input: string; inputLabel: string; testCase?: string; result: StartExecutionRequest.Result }>();

/** Save as Test (execution view title bar): the last run of that machine becomes a test in name.tests.json. */
export function registerSaveRunAsTest(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('asl.saveRunAsTest', async (uri?: unknown) => {
    const machine = uri instanceof vscode.Uri ? uri : (ExecutionPanel.active()?.uri ?? activeMachineUri());
    const run = machine ? lastRunsForTests.get(machine.toString()) : undefined;
    if (!machine || !run || run.result.status === 'INVALID') {
      void vscode.window.showInformationMessage('Run the machine first (ASL: Start Execution); its last run becomes the test.');
      return undefined;
    }
    const stem = machine.fsPath.replace(/\.asl\.json$/i, '').replace(/\.json$/i, '');
    const existing = ['.tests.json', '.tests.yaml', '.tests.yml'].map((ext) => vscode.Uri.file(stem + ext));
    let target = existing[0];
    let text: string | undefined;
    for (const candidate of existing) {
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(candidate));
        target = candidate;
        break;
      } catch {
        // Not there.
      }
    }
    const suggested = `${run.result.status.toLowerCase()} with ${run.inputLabel}${run.testCase ? ` (${run.testCase})` : ''}`;
    const name = typeof uri === 'string' ? uri : await vscode.window.showInputBox({ title: 'Save as Test', prompt: `A name for the test in ${path.basename(target.fsPath)}`, value: suggested });
    if (!name) return undefined;
    const test = testFromRun(name, run);
    const yaml = /\.ya?ml$/i.test(target.fsPath);
    const next = text === undefined ? `${JSON.stringify({ tests: [test] }, null, 2)}\n` : appendTest(text, yaml, test);
    const edit = new vscode.WorkspaceEdit();
    if (text === undefined) edit.createFile(target, { contents: new TextEncoder().encode(next) });
    else {
      const document = await vscode.workspace.openTextDocument(target);
      edit.replace(target, new vscode.Range(0, 0, document.lineCount, 0), next);
    }
    await vscode.workspace.applyEdit(edit);
    const document = await vscode.workspace.openTextDocument(target);
    await document.save();
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const at = document.getText().lastIndexOf(JSON.stringify(name).slice(1, -1));
    if (at >= 0) editor.revealRange(new vscode.Range(document.positionAt(at), document.positionAt(at)), vscode.TextEditorRevealType.InCenter);
    return target;
  }));
}
