import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Hover, Location, WorkspaceEdit } from 'vscode-languageserver';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { LspClient, serverForSuiteOf } from '../lspClient';
import { applyTextEdits, positionAt, withCursor } from './cursor';

// Issue 13 point 1: in an `asl-yaml` document every feature the JSON one has, in YAML form.
const MACHINE = `# Orders, in YAML
StartAt: Fetch
States:
  Fetch:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      FunctionName: fetch
      Payload.$: $
    Next: Decide # route it
  Decide:
    Type: Choice
    Choices:
      - Variable: $.ok
        BooleanEquals: true
        Next: Done
    Default: Failed
  Done:
    Type: Succeed
  Failed:
    Type: Fail
    Error: Oops
`;

const errorsOf = (text: string) => analyzeDocument(text, undefined, 'yaml').problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`);

describe('language features on asl-yaml documents', function () {
  this.timeout(30_000);
  let client: LspClient;
  let n = 0;
  serverForSuiteOf((started) => (client = started));

  async function open(marked: string) {
    const { text, offset } = withCursor(marked.includes('|') ? marked : `|${marked}`);
    const uri = LspClient.uri(`yaml-features-${n++}.asl.yaml`);
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    return { uri, text, position: positionAt(text, offset), textDocument: { uri } };
  }

  const complete = async (marked: string) => {
    const opened = await open(marked);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: opened.textDocument, position: opened.position });
    return { ...opened, items: list.items };
  };
  // As VS Code inserts a completion: the lines after the first get the indentation of the line it goes on.
  const accept = (text: string, item: CompletionItem | undefined) => {
    assert.ok(item?.textEdit && 'range' in item.textEdit);
    const line = text.split('\n')[item.textEdit.range.start.line];
    const indent = /^\s*/.exec(line)![0];
    const edit = { ...item.textEdit, newText: item.textEdit.newText.replace(/\n/g, `\n${indent}`) };
    return applyTextEdits(text, [edit, ...(item.additionalTextEdits ?? [])]).replace(/\$\{\d+(:([^}]*))?\}|\$\d+/g, (_, _c, d: string | undefined) => d ?? '');
  };

  it('completes state names after Next: with nothing typed and after a prefix, leaving a plain YAML scalar', async () => {
    const empty = await complete(MACHINE.replace('Next: Decide # route it', 'Next: | # route it'));
    assert.ok(['Fetch', 'Decide', 'Done', 'Failed', 'New state…'].every((l) => empty.items.some((i) => i.label === l)), empty.items.map((i) => i.label).join());
    assert.equal(accept(empty.text, empty.items.find((i) => i.label === 'Decide')), MACHINE);
    const typed = await complete(MACHINE.replace('Next: Decide', 'Next: Dec|'));
    assert.equal(accept(typed.text, typed.items.find((i) => i.label === 'Decide')), MACHINE);
  });

  it('completes a new Choice rule after `- ` in Choices (with Next) and in And (without), in the state\'s query language', async () => {
    const added = await complete(MACHINE.replace('        Next: Done\n', '        Next: Done\n      - |\n'));
    const rule = added.items.find((i) => i.label === 'Choice rule');
    assert.ok(rule, added.items.map((i) => i.label).join());
    assert.equal(accept(added.text, rule), MACHINE.replace('        Next: Done\n', '        Next: Done\n      - Variable: $.field\n        StringEquals: value\n        Next: \n'));
    // A prefix typed after the dash is replaced by the rule.
    const typed = await complete(MACHINE.replace('        Next: Done\n', '        Next: Done\n      - Var|\n'));
    assert.match(accept(typed.text, typed.items.find((i) => i.label === 'Choice rule')), /\n {6}- Variable: \$\.field\n {8}StringEquals: value\n {8}Next: \n/);
    const nested = await complete(MACHINE.replace('      - Variable: $.ok\n        BooleanEquals: true\n', '      - And:\n          - Variable: $.ok\n            BooleanEquals: true\n          - |\n'));
    const inner = nested.items.find((i) => i.label === 'Choice rule (nested)');
    assert.ok(inner, nested.items.map((i) => i.label).join());
    assert.match(accept(nested.text, inner), /\n {10}- Variable: \$\.field\n {12}StringEquals: value\n {8}Next: Done\n/);
    const jsonata = await complete(MACHINE.replace('    Type: Choice\n', '    Type: Choice\n    QueryLanguage: JSONata\n').replace('      - Variable: $.ok\n        BooleanEquals: true\n', '      - Condition: "{% $states.input.ok %}"\n').replace('        Next: Done\n', '        Next: Done\n      - |\n'));
    assert.match(accept(jsonata.text, jsonata.items.find((i) => i.label === 'Choice rule')), /\n {6}- Condition: "\{% true %\}"\n {8}Next: \n/);
    // Elsewhere after a dash (a list of retriers' ErrorEquals aside) no rule is offered.
    const retry = await complete(MACHINE.replace('    Next: Decide # route it\n', '    Retry:\n      - ErrorEquals: [States.ALL]\n      - |\n    Next: Decide # route it\n'));
    assert.ok(!retry.items.some((i) => i.label.startsWith('Choice rule')));
  });

  it('completes a state\'s fields on a new line, in YAML form, and not the ones present', async () => {
    const { text, items } = await complete(MACHINE.replace('    Next: Decide # route it\n', '    Next: Decide # route it\n    Ti|\n'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('TimeoutSeconds') && labels.includes('Retry') && !labels.includes('Resource'), labels.join());
    const timeout = accept(text, items.find((i) => i.label === 'TimeoutSeconds'));
    assert.match(timeout, /\n {4}TimeoutSeconds: 0\n/);
    const retry = accept(text, items.find((i) => i.label === 'Retry'));
    assert.match(retry, /\n {4}Retry:\n {6}- ErrorEquals:\n {10}- States\.TaskFailed\n/);
    assert.deepEqual(errorsOf(retry), []);
  });

  it('offers whole-state snippets in YAML where a state goes', async () => {
    const { text, items } = await complete(MACHINE.replace('  Done:\n', '  pa|\n  Done:\n'));
    const pass = items.find((i) => i.label === 'Pass (JSONPath)');
    assert.ok(pass, items.map((i) => i.label).join());
    const added = accept(text, pass);
    assert.match(added, /\n {2}Pass:\n {4}Type: Pass\n/);
  });

  it('completes Type values and error names in a block sequence', async () => {
    const type = await complete(MACHINE.replace('    Type: Fail', '    Type: Fa|'));
    assert.equal(accept(type.text, type.items.find((i) => i.label === 'Fail')), MACHINE);
    const errors = await complete(MACHINE.replace('    Next: Decide # route it', '    Retry:\n      - ErrorEquals:\n          - States.T|\n    Next: Decide # route it'));
    assert.ok(errors.items.some((i) => i.label === 'States.Timeout'), errors.items.map((i) => i.label).join());
  });

  it('completes inside an expression in a YAML scalar', async () => {
    const { items } = await complete(MACHINE.replace('Payload.$: $', 'Payload.$: $$.Exe|'));
    assert.ok(items.some((i) => i.label === '$$.Execution.Id'), items.map((i) => i.label).join());
  });

  it('hovers a field and a state name; goes to definition and references', async () => {
    const field = await open(MACHINE.replace('    Resource:', '    Reso|urce:'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: field.textDocument, position: field.position });
    assert.match(JSON.stringify(hover?.contents), /Resource|ARN/);
    const ref = await open(MACHINE.replace('Default: Failed', 'Default: Fai|led'));
    const [def] = await client.request<Location[]>('textDocument/definition', { textDocument: ref.textDocument, position: ref.position });
    assert.equal(def.range.start.line, ref.text.split('\n').indexOf('  Failed:'));
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: ref.textDocument, position: ref.position, context: { includeDeclaration: true } });
    assert.equal(refs.length, 2);
  });

  it('renames a state in YAML; the result validates clean', async () => {
    const { text, textDocument, position } = await open(MACHINE.replace('  Done:', '  Do|ne:'));
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument, position, newName: 'All done: yes' });
    const renamed = applyTextEdits(text, edit.changes![textDocument.uri]);
    assert.match(renamed, /\n {2}"All done: yes":\n/);
    assert.match(renamed, /Next: "All done: yes"\n/);
    assert.deepEqual(errorsOf(renamed), []);
  });

  it('outline, folding ranges and code lenses', async () => {
    const { textDocument } = await open(MACHINE);
    const symbols = await client.documentSymbols(textDocument.uri);
    assert.ok(JSON.stringify(symbols).includes('"Decide"'));
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument });
    assert.ok(folds.some((f) => f.startLine === MACHINE.split('\n').indexOf('  Fetch:') && f.endLine > f.startLine), JSON.stringify(folds));
    const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument });
    assert.ok(lenses.length >= 4);
  });

  it('Add Retry and quick fixes through the server are YAML edits', async () => {
    const { text, textDocument } = await open(MACHINE);
    const line = text.split('\n').indexOf('    Type: Task');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument, range: { start: { line, character: 6 }, end: { line, character: 6 } }, context: { diagnostics: [] } });
    const retry = actions.find((a) => a.title.startsWith('Add Retry'));
    assert.ok(retry?.edit?.changes);
    const retried = applyTextEdits(text, retry.edit.changes[textDocument.uri]);
    assert.match(retried, /\n {4}Retry:\n {6}- ErrorEquals:\n {10}- Lambda\.ServiceException\n/);
    assert.match(retried, /\n {4}Next: Decide # route it\n/);
    assert.deepEqual(errorsOf(retried), []);

    const typo = await open(MACHINE.replace('Default: Failed', 'Default: Faild'));
    const diagnostics = await client.waitForDiagnostics(typo.uri, (d) => d.some((x) => x.code === 'unknown-state'));
    const unknown = diagnostics.find((d) => d.code === 'unknown-state')!;
    const fixes = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: typo.textDocument, range: unknown.range, context: { diagnostics: [unknown] } });
    const change = fixes.find((f) => f.title === "Change to 'Failed'");
    assert.equal(applyTextEdits(typo.text, change!.edit!.changes![typo.uri]), MACHINE);
  });

  it('an edit through an alias is offered disabled, with the reason', async () => {
    const aliased = 'StartAt: A\nStates:\n  A: &task\n    Type: Task\n    Resource: arn:aws:states:::sqs:sendMessage\n    Next: B\n  B:\n    <<: *task\n    Next: C\n  C: {Type: Succeed}\n';
    const { textDocument } = await open(aliased);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument, range: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, context: { diagnostics: [] } });
    const retry = actions.find((a) => a.title.startsWith('Add Retry'));
    assert.ok(retry?.disabled?.reason.includes('alias'), JSON.stringify(actions));
    assert.equal(retry?.edit, undefined);
  });
});
