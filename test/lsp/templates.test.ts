import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, CompletionList, DocumentLink, Hover } from 'vscode-languageserver';
import { analyzeTemplate } from '../../server/src/core/templates/analyzeTemplate';
import { applyTextEdits } from './features/cursor';
import { LspClient, serverForSuiteOf } from './lspClient';

const FIXTURES = resolve(__dirname, '../fixtures/templates');

/** Opens a fixture under its real path (linked files are read beside it) with the language the editor gives it. */
async function openFixture(client: LspClient, name: string, languageId: string) {
  const uri = pathToFileURL(resolve(FIXTURES, name)).toString();
  const text = readFileSync(resolve(FIXTURES, name), 'utf8');
  await client.open(uri, text, languageId);
  return { uri, text };
}

function at(text: string, needle: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} in the text`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('language server: state machines inside templates', function () {
  let client: LspClient;
  serverForSuiteOf((started) => (client = started));

  it('each template form: diagnostics only for the broken machine, at the template positions', async () => {
    const cases: [string, string, string, string][] = [
      ['template.yaml', 'yaml', 'unknown-state', 'Nowhere'],
      ['cloudformation-definition.json', 'json', 'unknown-state', '"Nowhere"'],
      ['cloudformation-sub.json', 'json', 'unknown-state', '\\"Nowhere\\"'],
      ['cloudformation-sub.yaml', 'yaml', 'unknown-state', '"Nowhere"'],
      ['cloudformation-join.json', 'json', 'unknown-field', '\\"Nxt\\"'],
      ['serverless.yml', 'yaml', 'unknown-state', 'Don\n'],
      ['heredoc.tf', 'terraform', 'unknown-state', '"Nowhere"'],
      ['jsonencode.tf', 'terraform', 'unknown-state', '"Nowhere"'],
      ['sam-uri.json', 'json', 'linked-definition', '"statemachine/broken.asl.json"'],
      ['file.tf', 'terraform', 'linked-definition', '"statemachine/broken.asl.json"'],
    ];
    for (const [name, languageId, code, needle] of cases) {
      const { uri, text } = await openFixture(client, name, languageId);
      const diagnostics = await client.waitForDiagnostics(uri);
      const found = diagnostics.find((d) => d.code === code);
      assert.ok(found, `${name}: ${JSON.stringify(diagnostics)}`);
      const start = at(text, needle, name === 'cloudformation-sub.yaml' ? 0 : 0);
      assert.deepEqual(found.range.start, start, `${name}: ${code} at ${needle}`);
      assert.equal(diagnostics.filter((d) => d.severity === 1).length, name.startsWith('cloudformation-sub') ? 2 : name === 'template.yaml' ? 2 : 1, `${name}: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    }
  });

  it('attaches to other YAML and JSON files without taking them over: no diagnostics, no lenses', async () => {
    const uri = LspClient.uri('docker-compose.yaml');
    await client.open(uri, 'services:\n  web:\n    image: nginx\n    ports: [80:80\n', 'yaml');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, []);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.deepEqual(list.items, []);
    const pkg = LspClient.uri('package.json');
    await client.open(pkg, '{ "name": "x", "scripts": { } ', 'json');
    await client.request('textDocument/hover', { textDocument: { uri: pkg }, position: { line: 0, character: 4 } });
    assert.equal(client.stderr.join('').includes('Error'), false);
  });

  it('hover and completion inside a YAML definition; Graph · Run · Debug · Test State above each machine', async () => {
    const { uri, text } = await openFixture(client, 'template.yaml', 'yaml');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(text, 'Save:') });
    assert.match(JSON.stringify(hover?.contents), /\*\*Save\*\*: Task state.*Reached from: 'Work'/);
    const lenses = await client.codeLenses(uri);
    const machineLenses = lenses.filter((l) => l.command?.command === 'asl.templateAction' && l.command.arguments?.length === 3);
    assert.deepEqual(machineLenses.map((l) => `${l.command!.arguments![1]}:${l.command!.title}`), [
      'GoodMachine:Graph', 'GoodMachine:Run', 'GoodMachine:Debug', 'GoodMachine:Test State',
      'BrokenMachine:Graph', 'BrokenMachine:Run', 'BrokenMachine:Debug', 'BrokenMachine:Test State',
      'LinkedMachine:Graph', 'LinkedMachine:Run', 'LinkedMachine:Debug', 'LinkedMachine:Test State',
    ]);
    assert.deepEqual(machineLenses[0].range.start, at(text, 'GoodMachine'));
    const symbols = await client.documentSymbols(uri);
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [['GoodMachine', ['Work', 'Save']], ['BrokenMachine', ['Work']]]);
  });

  it('Add Retry on a state of a SAM template.yaml is a YAML edit at the state\'s indentation, the rest unchanged', async () => {
    const { uri, text } = await openFixture(client, 'template.yaml', 'yaml');
    const line = at(text, 'Resource: arn:aws:states:::dynamodb:putItem').line;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 14 }, end: { line, character: 14 } }, context: { diagnostics: [] } });
    const retry = actions.find((a) => a.title === 'Add Retry: exponential back-off with jitter');
    assert.ok(retry?.edit?.changes, JSON.stringify(actions.map((a) => a.title)));
    const edited = applyTextEdits(text, retry.edit.changes[uri]);
    const retrier = [
      '            Retry:',
      '              - ErrorEquals:',
      '                  - States.TaskFailed',
      '                IntervalSeconds: 2',
      '                MaxAttempts: 5',
      '                BackoffRate: 2',
      '                MaxDelaySeconds: 60',
      '                JitterStrategy: FULL',
      '',
    ].join('\n');
    const before = '                  S.$: $.Payload.id\n';
    assert.equal(edited, text.replace(before, before + retrier));
    // The template still holds a valid GoodMachine: no new problem appears.
    assert.deepEqual(analyzeTemplate(edited, 'template.yaml')?.definitions.find((d) => d.definition.name === 'GoodMachine')?.problems, []);
  });

  it('inside a JSON string, a quick fix is written escaped; the graph and a run use the picked machine', async () => {
    const { uri, text } = await openFixture(client, 'cloudformation-sub.json', 'json');
    const diagnostics = await client.waitForDiagnostics(uri);
    const unknownField = diagnostics.find((d) => d.code === 'unknown-field')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: unknownField.range, context: { diagnostics: [unknownField] } });
    const change = actions.find((a) => a.title === "Change to 'Result'")?.edit?.changes?.[uri]?.[0];
    assert.equal(change?.newText, '\\"Result\\"');
    const picked = await client.request<{ selected?: string; choices?: string[] }>('asl/selectStateMachine', { uri, position: at(text, 'Nowhere') });
    assert.deepEqual(picked, { selected: 'BrokenMachine' });
    const none = await client.request<{ choices?: string[] }>('asl/selectStateMachine', { uri, position: { line: 0, character: 0 } });
    assert.deepEqual(none, { choices: ['GoodMachine', 'BrokenMachine'] });
    await client.request('asl/selectStateMachine', { uri, name: 'GoodMachine' });
    const graph = await client.request<{ nodes: { label?: string; name?: string }[]; stateMachine?: string }>('asl/graph', { uri });
    assert.equal(graph.stateMachine, 'GoodMachine', 'the graph names the machine it draws (the panel title shows it)');
    const names = JSON.stringify(graph.nodes);
    assert.ok(names.includes('"Done"') && names.includes('"Work"') && !names.includes('Extra'), names);
    const run = await client.request<{ status: string; events: unknown[]; missingMock?: string }>('asl/startExecution', { uri, executionId: 'tpl-1', input: '{}' });
    // No mock for the Task: a setup error naming it; its Resource was filled in from the template: ${Worker.Arn}
    // becomes a placeholder ARN of the Lambda function the template declares.
    assert.equal(run.missingMock, 'Work');
    assert.match(JSON.stringify(run.events), /arn:aws:lambda:us-east-1:123456789012:function:Worker/);
  });

  it('an undefined ${Name} is a warning whose quick fix adds it to DefinitionSubstitutions (JSON and YAML)', async () => {
    const { uri } = await openFixture(client, 'cloudformation-definition.json', 'json');
    const diagnostics = await client.waitForDiagnostics(uri);
    const undefinedSub = diagnostics.find((d) => d.code === 'undefined-substitution')!;
    assert.equal(undefinedSub.severity, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: undefinedSub.range, context: { diagnostics: [undefinedSub] } });
    const fix = actions.find((a) => a.title === "Add 'MissingArn' to DefinitionSubstitutions");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.match(JSON.stringify(fix.edit), /DefinitionSubstitutions.*MissingArn/);

    const yamlUri = LspClient.uri('sub-template.yaml');
    const yamlText = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A: { Type: Task, Resource: "${Fn}", End: true }\n';
    await client.open(yamlUri, yamlText, 'yaml');
    const yd = (await client.waitForDiagnostics(yamlUri)).find((d) => d.code === 'undefined-substitution')!;
    const yActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: yamlUri }, range: yd.range, context: { diagnostics: [yd] } });
    const edit = yActions.find((a) => a.title === "Add 'Fn' to DefinitionSubstitutions")?.edit?.changes?.[yamlUri]?.[0];
    assert.deepEqual(edit, { range: { start: { line: 4, character: 6 }, end: { line: 4, character: 6 } }, newText: "DefinitionSubstitutions:\n        Fn: ''\n      " });
  });

  it('a run from a template: its name and type, the ${Name} nothing gives a value asked for, the values given used', async () => {
    const uri = LspClient.uri('run-template.yaml');
    const text = [
      'Resources:',
      '  Worker: { Type: AWS::Serverless::Function, Properties: { Handler: index.handler } }',
      '  Orders:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      Type: EXPRESS',
      '      DefinitionSubstitutions:',
      '        Table: orders',
      '        WorkerArn: !GetAtt Worker.Arn',
      '      Definition:',
      '        StartAt: P',
      '        States:',
      '          P:',
      '            Type: Pass',
      '            Result: { table: "${Table}", worker: "${WorkerArn}", topic: "${TopicArn}", again: "${TopicArn}" }',
      '            End: true',
      '',
    ].join('\n');
    await client.open(uri, text, 'yaml');
    await client.waitForDiagnostics(uri);
    // The template's literal and placeholder ARN fill in two; ${TopicArn} only the user knows (asked once, used twice).
    assert.deepEqual(await client.request('asl/templateRun', { uri }), { name: 'Orders', type: 'EXPRESS', unset: ['TopicArn'] });
    assert.deepEqual(await client.request('asl/templateRun', { uri, substitutions: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t' } }), { name: 'Orders', type: 'EXPRESS', unset: [] });
    const run = await client.request<{ status: string; output: unknown }>('asl/startExecution', { uri, executionId: 'tpl-subs', input: '{}', substitutions: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:t', ['__proto__']: 'x' } });
    assert.deepEqual(run.output, { table: 'orders', worker: 'arn:aws:lambda:us-east-1:123456789012:function:Worker', topic: 'arn:aws:sns:us-east-1:123456789012:t', again: 'arn:aws:sns:us-east-1:123456789012:t' });
    const test = await client.request<{ status: string; output: unknown }>('asl/testState', { uri, stateName: 'P', input: '{}', substitutions: { TopicArn: 'given' } });
    assert.equal((test.output as { topic: string }).topic, 'given');

    // Terraform: a resource reference becomes a placeholder ARN of its kind; a variable is asked for.
    const tf = LspClient.uri('run.tf');
    await client.open(tf, 'resource "aws_sfn_state_machine" "orders" {\n  type = "EXPRESS"\n  definition = jsonencode({\n    StartAt = "P"\n    States = { P = { Type = "Pass", Result = { fn = aws_lambda_function.worker.arn, env = var.stage }, End = true } }\n  })\n}\n', 'terraform');
    await client.waitForDiagnostics(tf);
    assert.deepEqual(await client.request('asl/templateRun', { uri: tf }), { name: 'orders', type: 'EXPRESS', unset: ['var.stage'] });
    const tfRun = await client.request<{ output: unknown }>('asl/startExecution', { uri: tf, executionId: 'tpl-tf', input: '{}', substitutions: { 'var.stage': 'dev' } });
    assert.deepEqual(tfRun.output, { fn: 'arn:aws:lambda:us-east-1:123456789012:function:worker', env: 'dev' });
    // Any other file: no template run.
    assert.equal(await client.request('asl/templateRun', { uri: LspClient.uri('package.json') }), null);
  });

  it('DefinitionUri, file() and templatefile() are document links to the file', async () => {
    const { uri } = await openFixture(client, 'sam-uri.json', 'json');
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links.map((l) => l.target?.replace(/^.*fixtures\/templates\//, '')), ['statemachine/good.asl.json', 'statemachine/broken.asl.json', 'statemachine/missing.asl.json']);
    // Picking a linked machine names its file: the graph preview draws that file.
    const picked = await client.request<{ selected: string; link?: string }>('asl/selectStateMachine', { uri, name: 'GoodMachine' });
    assert.equal(picked.selected, 'GoodMachine');
    assert.match(picked.link ?? '', /^file:.*\/fixtures\/templates\/statemachine\/good\.asl\.json$/);
    const tf = await openFixture(client, 'file.tf', 'terraform');
    const tfLinks = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: tf.uri } });
    assert.deepEqual(tfLinks.map((l) => l.target?.replace(/^.*fixtures\/templates\//, '')), ['statemachine/good.asl.json', 'statemachine/broken.asl.json']);
  });
});
