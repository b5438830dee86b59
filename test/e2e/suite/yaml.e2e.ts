import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { problemRows, withFileProblems } from './problemsPanel';
import { chooseCodeAction, openCodeActionMenu } from './codeActionMenu';
import { ui } from './ui';
import { until } from './until';

// Issue 13: an `.asl.yaml` file opens as ASL (YAML), shows its problems in the Problems panel, Add Retry edits the
// YAML through the light bulb, completion works in the real suggest widget, and Convert to JSON writes the file.
const root = path.resolve(__dirname, '../../..');
const MACHINE = `# An order flow, in YAML
StartAt: Charge
States:
  Charge:
    Type: Task # the payment
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: charge
      Payload.$: $
    Next: Ship
  Ship:
    Type: Pass
    Parameters:
      note.$: >-
        States.Format('shipping {}',
        $.order.id
    Next: Nowhere
`;

const VALID = MACHINE.replace('Next: Nowhere', 'End: true').replace('$.order.id\n', '$.order.id)\n');

async function scratch(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path.join(root, 'test-artifacts', 'e2e-workspace', name));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

describe('.asl.yaml files in a real VS Code', function () {
  this.timeout(120_000);

  it('open as ASL (YAML) and show their problems, at the YAML positions, in the Problems panel', async () => {
    const editor = await scratch('orders.asl.yaml', MACHINE);
    assert.equal(editor.document.languageId, 'asl-yaml');
    const diagnostics = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(editor.document.uri);
      return d.length >= 2 ? d : undefined;
    });
    const unknown = diagnostics.find((d) => codeOf(d) === 'unknown-state');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.equal(editor.document.getText(unknown.range), 'Nowhere');
    const intrinsic = diagnostics.find((d) => codeOf(d) === 'invalid-intrinsic');
    assert.ok(intrinsic, JSON.stringify(diagnostics));
    assert.equal(intrinsic.range.start.line, 14);
    if (!ui.available) return;
    await withFileProblems(path.basename(editor.document.uri.fsPath), async () => {
      const rows = await problemRows(/Nowhere/);
      assert.ok(rows.some((r) => /States\.Format|intrinsic/i.test(r.ariaLabel ?? r.text)), JSON.stringify(rows.map((r) => r.ariaLabel ?? r.text)));
      editor.selection = new vscode.Selection(unknown.range.start, unknown.range.start);
      await ui.theme('light');
      await ui.screenshot('yaml-problems-light');
      await ui.theme('dark');
      await ui.screenshot('yaml-problems-dark');
    });
    await ui.theme('light');
  });

  it('colours ASL in YAML: keys, state types, state names, JSONata in a block scalar, tags and comments', async function () {
    if (!ui.available) this.skip();
    const editor = await scratch('colours.asl.yaml', [
      '# Colours of the asl-yaml grammar',
      'QueryLanguage: JSONata',
      'StartAt: Price',
      'States:',
      '  Price: &price',
      '    Type: Pass',
      '    Output: |-',
      '      {% $sum($states.input.items.price)',
      '         * 1.2 %}',
      '    Next: Done',
      '  Done: {Type: Succeed}',
      '',
    ].join('\n'));
    assert.equal(editor.document.languageId, 'asl-yaml');
    await ui.waitFor('.view-line span:text-is("Succeed")');
    const classOf = async (text: string) => (await ui.query(`.view-line span span:text-is("${text}")`))[0]?.className ?? '(none)';
    for (const theme of ['light', 'dark'] as const) {
      await ui.theme(theme);
      const [keyword, type, reference, jsonata, comment, plain] = await Promise.all(['QueryLanguage', 'Pass', 'Done', '$states', ' Colours of the asl-yaml grammar', 'JSONata'].map(classOf));
      // Each kind has its own colour (VS Code gives each token a class per colour: mtkN).
      assert.equal(new Set([type, jsonata, comment, plain]).size, 4, JSON.stringify({ keyword, type, reference, jsonata, comment, plain }));
      assert.notEqual(keyword, plain);
      // A state's name where States defines it has the colour of the name where StartAt and Next refer to it.
      for (const name of ['Price', 'Done']) {
        const classes = (await ui.query(`.view-line span span:text-is("${name}")`)).map((s) => s.className);
        assert.equal(classes.length, 2, name);
        assert.equal(new Set(classes).size, 1, `${name}: ${classes.join(' | ')}`);
        assert.notEqual(classes[0], keyword, name);
      }
      await ui.screenshot(`yaml-colours-${theme}`);
    }
    await ui.theme('light');
  });

  it('Add Retry through the light bulb writes YAML at the state\'s indentation, keeping the comment', async function () {
    if (!ui.available) this.skip();
    const editor = await scratch('retry.asl.yaml', VALID);
    await until('diagnostics', () => vscode.languages.getDiagnostics(editor.document.uri).length > 0 || undefined).catch(() => undefined);
    const position = new vscode.Position(4, 7);
    editor.selection = new vscode.Selection(position, position);
    const rows = await openCodeActionMenu();
    assert.ok(rows.some((r) => r.includes('Add Retry: AWS recommended retrier for Lambda transient errors')), rows.join(' | '));
    await ui.screenshot('yaml-add-retry-menu');
    await chooseCodeAction('Add Retry');
    await until('the retrier', () => editor.document.getText().includes('Retry:') || undefined);
    assert.match(editor.document.getText(), /\n {6}Payload\.\$: \$\n {4}Retry:\n {6}- ErrorEquals:\n {10}- Lambda\.ServiceException\n[^]* {8}JitterStrategy: FULL\n {4}Next: Ship\n/);
    assert.match(editor.document.getText(), /Type: Task # the payment\n/);
    await until('no errors', () => vscode.languages.getDiagnostics(editor.document.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error) || undefined);
    await ui.screenshot('yaml-add-retry-done');
  });

  it('completes a state name after Next: in the suggest widget, leaving a plain scalar', async function () {
    if (!ui.available) this.skip();
    const text = VALID.replace('End: true', 'Next: ');
    const editor = await scratch('complete.asl.yaml', text);
    const line = text.split('\n').findIndex((l) => l === '    Next: ');
    const position = new vscode.Position(line, 10);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await ui.press('Control+Space');
    await ui.waitFor('.suggest-widget.visible .monaco-list-row');
    const labels = await until('suggestions', async () => {
      const found = (await ui.query('.suggest-widget.visible .monaco-list-row')).filter((r) => r.visible).map((r) => r.ariaLabel ?? r.text);
      return found.some((l) => l.includes('Charge')) ? found : undefined;
    });
    assert.ok(labels.some((l) => l.includes('New state')), labels.join(' | '));
    await ui.screenshot('yaml-completion');
    await until('Charge focused', async () => {
      const focused = (await ui.query('.suggest-widget.visible .monaco-list-row.focused'))[0];
      if ((focused?.ariaLabel ?? focused?.text ?? '').startsWith('Charge')) return true;
      await ui.press('ArrowDown');
      return undefined;
    });
    await ui.press('Enter');
    await until('the name', () => editor.document.lineAt(line).text === '    Next: Charge' || undefined);
  });

  it('Convert to JSON writes the machine beside the YAML file, with the same meaning and key order', async () => {
    await scratch('convert.asl.yaml', VALID);
    const target = await vscode.commands.executeCommand<string | undefined>('asl.convertToJson');
    assert.ok(target?.endsWith('convert.asl.json'), target);
    const json = JSON.parse((await vscode.workspace.openTextDocument(vscode.Uri.parse(target!))).getText());
    assert.deepEqual(Object.keys(json.States), ['Charge', 'Ship']);
    assert.equal(json.States.Ship.Parameters['note.$'], "States.Format('shipping {}', $.order.id)");
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'asl');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
