import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { chooseCodeAction, openCodeActionMenu } from './codeActionMenu';
import { choose, rowLabels, suggest } from './suggestWidget';
import { ui } from './ui';
import { until as untilWithin } from './until';

const until = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000) => untilWithin(what, probe, timeoutMs);

// Completion and refactorings as a person meets them: the cursor inside `""`, Ctrl+Space, the suggest widget's
// rows, Enter, and the line read back. The API (executeCompletionItemProvider) would pass where the widget
// shows "No suggestions", so these tests look at the widget.
const root = path.resolve(__dirname, '../../..');

const MACHINE = `{
  "StartAt": "Fetch",
  "States": {
    "Fetch": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "fetch", "Payload.$": "$.order", "ExecutionId.$": "" },
      "Retry": [ { "ErrorEquals": [ "" ], "JitterStrategy": "FULL" } ],
      "Next": ""
    },
    "Check": {
      "Type": "",
      "QueryLanguage": "JSONata",
      "Output": "{%  %}",
      "Next": "Done"
    },
    "Store": {
      "Type": "Task",
      "Resource": "",
      "End": true
    },
    "Done": { "Type": "Succeed" }
  }
}
`;


let files = 0;
/** A fresh scratch file with the cursor where the `|` of `marker` falls on its first occurrence, focused. */
async function editAt(text: string, marker: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path.join(root, 'test-artifacts', 'e2e-workspace', `completion-${files++}.asl.json`));
  const at = text.indexOf(marker.replace('|', ''));
  assert.ok(at >= 0 && marker.includes('|'), marker);
  const offset = at + marker.indexOf('|');
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
  await until('diagnostics', () => vscode.languages.getDiagnostics(uri).length > 0 || undefined).catch(() => undefined);
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return editor;
}

describe('completion in the suggest widget, inside quotes', function () {
  before(function () {
    if (!ui.available) this.skip();
  });
  afterEach(async () => {
    await ui.press('Escape');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // `filled` is what the marker (without its |) must read after Enter: the rest of the line stays as it was.
  const sites = [
    { site: 'a state name in Next', marker: '"Next": "|"', expect: ['Fetch', 'Check', 'Store', 'Done'], prefix: 'Sto', label: 'Store', filled: '"Next": "Store"' },
    { site: 'a state Type', marker: '"Type": "|"', expect: ['Task', 'Choice', 'Pass'], prefix: 'Pas', label: 'Pass', filled: '"Type": "Pass"' },
    { site: 'a Resource ARN', marker: '"Resource": "|"', expect: ['arn:aws:states:::athena:startQueryExecution.sync'], prefix: 'arn:aws:states:::sqs:send', label: 'arn:aws:states:::sqs:sendMessage', filled: '"Resource": "arn:aws:states:::sqs:sendMessage"' },
    { site: 'an error name in ErrorEquals', marker: '"ErrorEquals": [ "|" ]', expect: ['States.ALL', 'States.TaskFailed'], prefix: 'States.Tim', label: 'States.Timeout', filled: '"ErrorEquals": [ "States.Timeout" ]' },
    { site: 'a $$. context field in a .$ value', marker: '"ExecutionId.$": "|"', expect: ['$$.Execution.Id'], prefix: '$$.Execution.Na', label: '$$.Execution.Name', filled: '"ExecutionId.$": "$$.Execution.Name"' },
    { site: 'an intrinsic function in a .$ value', marker: '"ExecutionId.$": "|"', expect: ['$$.Execution.Id'], prefix: 'States.UU', label: 'States.UUID', filled: '"ExecutionId.$": "States.UUID()"' },
    { site: '$states inside {% %}', marker: '"Output": "{% | %}"', expect: ['$abs', '$append'], prefix: '$states.inp', label: '$states.input', filled: '"Output": "{% $states.input %}"' },
  ];

  for (const s of sites) {
    it(`${s.site}: the items show inside "" and Enter leaves one pair of quotes`, async () => {
      const editor = await editAt(MACHINE, s.marker);
      const before = editor.document.lineAt(editor.selection.active.line).text.trim();
      const labels = await suggest();
      for (const wanted of s.expect) assert.ok(labels.some((l) => l.startsWith(wanted)), `${wanted} not among ${labels.join(' | ')}`);
      assert.equal(await choose(editor, s.prefix, s.label), before.replace(s.marker.replace('|', ''), () => s.filled));
    });
  }

  it('a property name typed inside "" gets one pair of quotes and a ": " value', async () => {
    const editor = await editAt(MACHINE.replace('      "End": true\n', '      "End": true,\n      ""\n'), '      "|"\n');
    const labels = await suggest();
    assert.ok(labels.some((l) => l.startsWith('Comment')), labels.join(' | '));
    assert.ok(!labels.some((l) => /\((JSONPath|JSONata)\)/.test(l)), `no whole-state snippet inside a state: ${labels.join(' | ')}`);
    const line = await choose(editor, 'Comm', 'Comment');
    assert.equal(line, '"Comment": ""');
  });

  it('a state name typed with no quote yet gets one pair of quotes', async () => {
    const editor = await editAt(MACHINE.replace('"Next": ""', '"Next": '), '"Next": |\n');
    await suggest();
    const line = await choose(editor, 'Chec', 'Check');
    assert.equal(line, '"Next": "Check"');
  });

  it('the suggest widget in a light and a dark theme (screenshots)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await ui.theme(theme);
      await editAt(MACHINE, '"Next": "|"');
      await suggest();
      await ui.screenshot(`completion-next-${theme}`);
      await ui.press('Escape');
      await editAt(MACHINE, '"ExecutionId.$": "|"');
      await suggest();
      await ui.type('$$.Ex');
      await until('filtered rows', async () => (await rowLabels())[0]?.startsWith('$$.Execution') || undefined);
      await ui.screenshot(`completion-context-${theme}`);
      await ui.press('Escape');
    }
    await ui.theme('light');
  });
});

describe('Add Retry through the light bulb (Ctrl+.)', function () {
  before(function () {
    if (!ui.available) this.skip();
  });

  it('on a Lambda Task offers the Lambda retrier and writes it like the file', async () => {
    const text = MACHINE.replace('      "Retry": [ { "ErrorEquals": [ "" ], "JitterStrategy": "FULL" } ],\n', '').replace(', "ExecutionId.$": ""', '').replace('"Next": ""', '"Next": "Check"').replace('"Type": ""', '"Type": "Pass"');
    const editor = await editAt(text, '      "Type": "T|ask",\n      "Resource": "arn:aws:states:::lambda:invoke"');
    const rows = await openCodeActionMenu();
    assert.ok(rows.some((r) => r.includes('Add Retry: AWS recommended retrier for Lambda transient errors')), rows.join(' | '));
    assert.ok(!rows.some((r) => r.includes('exponential back-off')), rows.join(' | '));
    await ui.screenshot('add-retry-lambda');
    // Down to the Add Retry row, then Enter, as a person does with the keyboard.
    await chooseCodeAction('Add Retry');
    await until('the retrier', () => editor.document.getText().includes('"Retry"') || undefined);
    assert.match(
      editor.document.getText(),
      / {6}"Parameters": \{ [^\n]*\},\n {6}"Retry": \[\n {8}\{\n {10}"ErrorEquals": \["Lambda\.ServiceException", "Lambda\.AWSLambdaException", "Lambda\.SdkClientException", "Lambda\.TooManyRequestsException"\],\n {10}"IntervalSeconds": 1,\n {10}"MaxAttempts": 3,\n {10}"BackoffRate": 2,\n {10}"JitterStrategy": "FULL"\n {8}\}\n {6}\],\n {6}"Next": "Check"/,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
