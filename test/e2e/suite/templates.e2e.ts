import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AslWorkbenchApi } from '../../../client/src/extension';
import type { GraphPanel } from '../../../client/src/graph/graphPanel';
import type { StartExecutionRequest } from '../../../server/src/protocol';
import { problemRows, withFileProblems } from './problemsPanel';
import { choose, suggest } from './suggestWidget';
import { chooseCodeAction, openCodeActionMenu } from './codeActionMenu';
import { ui } from './ui';
import { until } from './until';

const root = path.resolve(__dirname, '../../..');
const log = (line: string) => (globalThis as { aslE2eLog?: string[] }).aslE2eLog?.push(line);

/** Copies a template fixture into the e2e workspace and opens it in the first column, everything else closed. */
async function openTemplate(fixture: string, name: string): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const uri = vscode.Uri.file(path.join(root, 'test-artifacts', 'e2e-workspace', name));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(readFileSync(path.join(root, 'test', 'fixtures', 'templates', fixture), 'utf8')));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** Opens a template fixture, once its problems are in, with the cursor on the first line holding `lineText`. */
async function openTemplateAt(fixture: string, name: string, lineText: string, column: number): Promise<{ editor: vscode.TextEditor; text: string; line: number }> {
  const editor = await openTemplate(fixture, name);
  await until('diagnostics', () => vscode.languages.getDiagnostics(editor.document.uri).length > 0 || undefined);
  const text = editor.document.getText();
  const line = text.split('\n').findIndex((l) => l.includes(lineText));
  assert.ok(line >= 0, lineText);
  editor.selection = new vscode.Selection(line, column, line, column);
  return { editor, text, line };
}

/** Shows lines [line, line + count) in the middle of the editor and screenshots them in the light and dark themes. */
async function screenshotLines(editor: vscode.TextEditor, line: number, count: number, name: string): Promise<void> {
  editor.revealRange(new vscode.Range(line, 0, line + count, 0), vscode.TextEditorRevealType.InCenter);
  for (const theme of ['light', 'dark'] as const) {
    await ui.theme(theme);
    await ui.screenshot(`${name}-${theme}`);
  }
  await ui.theme('light');
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

describe('State machines inside a SAM template in a real VS Code', function () {
  before(async function () {
    const extension = await until('the extension', () => vscode.extensions.getExtension<AslWorkbenchApi>('asl-workbench.asl-workbench'));
    await (extension.isActive ? extension.exports : await extension.activate()).ready;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.editorLayoutSingle');
  });

  it('template.yaml stays YAML and shows the broken machine\'s problems in the Problems panel, none for the valid one', async () => {
    const editor = await openTemplate('template.yaml', 'template.yaml');
    const started = Date.now();
    const diagnostics = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(editor.document.uri).filter((x) => x.source === 'asl');
      return d.length >= 3 ? d : undefined;
    });
    log(`template.yaml: ${diagnostics.length} problems ${Date.now() - started} ms after opening`);
    assert.equal(editor.document.languageId, 'yaml', 'the template keeps its language');
    const text = editor.document.getText();
    const nowhere = diagnostics.find((d) => codeOf(d) === 'unknown-state');
    assert.ok(nowhere, JSON.stringify(diagnostics.map((d) => d.message)));
    assert.equal(editor.document.offsetAt(nowhere.range.start), text.indexOf('Nowhere'));
    // The DefinitionUri file was not copied beside this template: a warning on the link, not an error.
    assert.deepEqual(diagnostics.map(codeOf).sort(), ['linked-definition', 'unknown-field', 'unknown-state']);
    assert.equal(diagnostics.find((d) => codeOf(d) === 'linked-definition')?.severity, vscode.DiagnosticSeverity.Warning);
    if (!ui.available) return;
    await withFileProblems(path.basename(editor.document.uri.fsPath), async () => {
      await problemRows(/refers to 'Nowhere'/);
      editor.revealRange(nowhere.range, vscode.TextEditorRevealType.InCenter);
      await ui.theme('light');
      await ui.screenshot('template-problems-light');
      await ui.theme('dark');
      await ui.screenshot('template-problems-dark');
    });
    await ui.theme('light');
  });

  it('hover on DefinitionSubstitutions in template.yaml explains it and lists the machine\'s values', async function () {
    const editor = await openTemplate('template.yaml', 'template-hover.yaml');
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('DefinitionSubstitutions') + 5);
    const hoverText = async (position: vscode.Position) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    };
    const markdown = await until('the hover', async () => ((await hoverText(at)).includes('DefinitionSubstitutions') ? hoverText(at) : undefined));
    assert.match(markdown, /state machine `GoodMachine`/);
    assert.match(markdown, /\| `\$\{Table\}` \| `orders` \|/);
    // Inside the definition the ASL hovers are there too, and a ${Name} says where its value comes from.
    assert.match(await hoverText(editor.document.positionAt(text.indexOf('${Table}') + 3)), /Value: `orders`/);
    if (!ui.available) return;
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    for (const theme of ['light', 'dark'] as const) {
      await ui.theme(theme);
      await vscode.commands.executeCommand('editor.action.showHover');
      await ui.waitFor('.monaco-hover:visible :text("A map of names to values")', { timeoutMs: 10_000 });
      const shown = (await ui.query('.monaco-hover')).map((e) => e.text).join(' ');
      assert.match(shown, /\$\{WorkerArn\}[\s\S]*arn:aws:lambda:/, shown);
      await ui.screenshot(`template-hover-${theme}`);
      await ui.press('Escape');
    }
    await ui.theme('light');
  });

  it('the Graph lens above a state machine opens its graph beside the template', async () => {
    const editor = await openTemplate('template.yaml', 'template-graph.yaml');
    const uri = editor.document.uri;
    const lenses = await until('the template lenses', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const found = all?.filter((l) => l.command?.command === 'asl.templateAction');
      return found && found.length > 0 ? found : undefined;
    });
    const graphLens = lenses.find((l) => l.command?.title === 'Graph' && l.command.arguments?.[1] === 'GoodMachine');
    assert.ok(graphLens?.command, JSON.stringify(lenses.map((l) => l.command?.title)));
    assert.equal(graphLens.range.start.line, editor.document.getText().split('\n').findIndex((l) => l.includes('GoodMachine:')));
    const started = Date.now();
    const panel = (await vscode.commands.executeCommand<GraphPanel>(graphLens.command.command, ...(graphLens.command.arguments ?? [])))!;
    assert.ok(panel, 'the lens opened a graph preview');
    if (!ui.available) return;
    await ui.waitFor('svg.graph g.node text.label:text-is("Save")', { frame: 'webview', timeoutMs: 20_000 });
    log(`template graph: the machine's boxes ${Date.now() - started} ms after the lens`);
    const labels = (await ui.query('svg.graph g.node text.label', { frame: 'webview' })).map((e) => e.text);
    assert.ok(labels.includes('Work') && labels.includes('Save'), labels.join(', '));
    await until('the picture', () => panel.received.find((m) => m.type === 'rendered'));
    // The panel title names the machine drawn, not only the file.
    assert.equal(panel.panel.title, 'Graph: GoodMachine (template-graph.yaml)');
    assert.ok((await ui.query('.tab .label-name')).some((t) => t.text.includes('Graph: GoodMachine')), 'the tab shows the machine');
    await ui.theme('light');
    await ui.screenshot('template-graph-light');
    await ui.theme('dark');
    await ui.screenshot('template-graph-dark');
  });

  it('Add Retry from the light bulb inside a Terraform jsonencode() body writes HCL at the state\'s indentation', async function () {
    if (!ui.available) this.skip();
    const { editor, text, line } = await openTemplateAt('jsonencode.tf', 'main-retry.tf', 'Resource       = aws_lambda_function.worker.arn', 12);
    const rows = await openCodeActionMenu();
    assert.ok(rows.some((r) => r.includes('Add Retry: exponential back-off with jitter')), rows.join(' | '));
    await chooseCodeAction('Add Retry');
    await until('the retrier', () => editor.document.getText() !== text || undefined);
    // The state's one-line Retry tuple gets the new retrier first, written on one line as HCL.
    const retry = '        Retry = [{ ErrorEquals = ["States.TaskFailed"], IntervalSeconds = 2, MaxAttempts = 5, BackoffRate = 2, MaxDelaySeconds = 60, JitterStrategy = "FULL" }, { ErrorEquals = ["States.ALL"], MaxAttempts = 2 }]';
    assert.equal(editor.document.getText(), text.replace('        Retry = [{ ErrorEquals = ["States.ALL"], MaxAttempts = 2 }]', retry));
    await screenshotLines(editor, line, 6, 'template-tf-add-retry');
  });

  it('completing a key inside a Terraform jsonencode() body writes an HCL attribute, not JSON', async function () {
    if (!ui.available) this.skip();
    const { editor, line } = await openTemplateAt('jsonencode.tf', 'main-complete.tf', 'Next           = "Done"', 0);
    await vscode.commands.executeCommand('editor.action.insertLineBefore');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const labels = await suggest();
    assert.ok(labels.some((l) => l.startsWith('Catch')), labels.join(' | '));
    // Enter leaves the cursor on the catcher's Next, the snippet's placeholder.
    assert.equal(await choose(editor, 'Catc', 'Catch'), 'Next = "Handle Error"');
    const edited = editor.document.getText();
    assert.match(edited, /\n {8}Catch = \[\{\n {10}ErrorEquals = \["States\.ALL"\]\n {10}ResultPath = "\$\.error"\n {10}Next = "Handle Error"\n {8}\}\]\n {8}Next {11}= "Done"/, edited);
    assert.doesNotMatch(edited, /"Catch":|"ErrorEquals":/);
    // The new version is analysed (its catcher's Next names a state still to write) and reads as HCL: no syntax problem.
    const after = await until('the catcher checked', () => {
      const d = vscode.languages.getDiagnostics(editor.document.uri);
      return d.some((x) => x.message.includes('Handle Error')) ? d : undefined;
    });
    assert.deepEqual(after.filter((d) => codeOf(d) === 'json-syntax').map((d) => d.message), []);
    await screenshotLines(editor, line, 8, 'template-tf-complete-catch');
  });

  it('Add Retry from the light bulb inside template.yaml writes YAML at the state\'s indentation', async function () {
    if (!ui.available) this.skip();
    const { editor, text, line } = await openTemplateAt('template.yaml', 'template-retry.yaml', 'Resource: arn:aws:states:::dynamodb:putItem', 14);
    const rows = await openCodeActionMenu();
    assert.ok(rows.some((r) => r.includes('Add Retry: exponential back-off with jitter')), rows.join(' | '));
    await ui.theme('light');
    await ui.screenshot('template-add-retry-menu-light');
    await chooseCodeAction('Add Retry');
    await until('the retrier', () => editor.document.getText() !== text || undefined);
    const before = '                  S.$: $.Payload.id\n';
    const retrier = '            Retry:\n              - ErrorEquals:\n                  - States.TaskFailed\n                IntervalSeconds: 2\n                MaxAttempts: 5\n                BackoffRate: 2\n                MaxDelaySeconds: 60\n                JitterStrategy: FULL\n';
    assert.equal(editor.document.getText(), text.replace(before, before + retrier));
    editor.revealRange(new vscode.Range(line, 0, line + 14, 0), vscode.TextEditorRevealType.InCenter);
    await ui.screenshot('template-add-retry-done-light');
    await ui.theme('dark');
    await ui.screenshot('template-add-retry-done-dark');
    await ui.theme('light');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Run from a template asks for a ${Name} nothing gives a value, once, and runs with it', async function () {
    if (!ui.available) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = vscode.Uri.file(path.join(root, 'test-artifacts', 'e2e-workspace', 'run-template.yaml'));
    const text = [
      'Resources:',
      '  Notify:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      Type: EXPRESS',
      '      DefinitionSubstitutions:',
      '        Stage: prod',
      '      Definition:',
      '        StartAt: Say',
      '        States:',
      '          Say:',
      '            Type: Pass',
      '            Result: { stage: "${Stage}", topic: "${TopicArn}" }',
      '            End: true',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    const running = vscode.commands.executeCommand<StartExecutionRequest.Result>('asl.startExecution', uri);
    await ui.waitFor('.quick-input-widget .quick-input-title:has-text("Notify: ${TopicArn}")', { timeoutMs: 20_000 });
    await ui.theme('dark');
    await ui.screenshot('template-run-substitution-dark');
    await ui.type('arn:aws:sns:us-east-1:123456789012:alerts');
    await ui.press('Enter');
    const result = await running;
    assert.equal(result?.status, 'SUCCEEDED', JSON.stringify(result));
    assert.deepEqual(result.output, { stage: 'prod', topic: 'arn:aws:sns:us-east-1:123456789012:alerts' });
    await ui.waitFor('.status.SUCCEEDED', { frame: 'webview', timeoutMs: 20_000 });
    await ui.theme('light');
    await ui.screenshot('template-run-light');
    // Remembered for this machine: the second run asks nothing.
    const again = await vscode.commands.executeCommand<StartExecutionRequest.Result>('asl.startExecution', uri);
    assert.equal((again.output as { topic: string }).topic, 'arn:aws:sns:us-east-1:123456789012:alerts');
  });
});
