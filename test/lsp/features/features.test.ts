import assert from 'node:assert/strict';
import { SymbolKind, type CodeAction, type CodeLens, type CompletionList, type DocumentSymbol, type Hover, type Location, type WorkspaceEdit } from 'vscode-languageserver';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { applyTextEdits, positionAt } from './cursor';
import { serverForSuite } from './serverForSuite';
import { LspClient } from '../lspClient';
import { countStates, generateMachine } from '../../bench/generateMachine';
import { CodeLensesRequest, DocumentSymbolsRequest } from '../../../server/src/protocol';

const MACHINE = `{
  "StartAt": "Fetch",
  "States": {
    "Fetch": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName": "fetch", "Payload.$": "$" },
      "Next": "Decide"
    },
    "Decide": {
      "Type": "Choice",
      "Choices": [{ "Variable": "$.ok", "BooleanEquals": true, "Next": "Done" }],
      "Default": "Failed"
    },
    "Done": { "Type": "Succeed" },
    "Failed": { "Type": "Fail", "Error": "Oops" }
  }
}`;

const errorsOf = (text: string) => analyzeDocument(text).problems.filter((p) => p.severity === 'error');

describe('language features through the server', function () {
  this.timeout(30_000);
  const server = serverForSuite('features', '.asl.json');
  const open = (marked: string) => server.open(marked);

  it('completes state names of the right scope at Next, plus a "new state" item', async () => {
    const { textDocument, position } = await open(MACHINE.replace('"Next": "Decide"', '"Next": "|"'));
    const { items } = await server.client.request<CompletionList>('textDocument/completion', { textDocument, position });
    const labels = items.map((i) => i.label);
    for (const name of ['Fetch', 'Decide', 'Done', 'Failed', 'New state…']) assert.ok(labels.includes(name), labels.join(','));
  });

  it('completes only the fields a Task allows and does not repeat present ones', async () => {
    const { textDocument, position } = await open(MACHINE.replace('"Next": "Decide"', '"Next": "Decide", |'));
    const labels = (await server.client.request<CompletionList>('textDocument/completion', { textDocument, position })).items.map((i) => i.label);
    assert.ok(labels.includes('Retry') && labels.includes('Catch') && labels.includes('TimeoutSeconds'));
    assert.ok(!labels.includes('Resource') && !labels.includes('Choices') && !labels.includes('Arguments'));
  });

  it('completes intrinsic functions and context fields inside a .$ value', async () => {
    const { textDocument, position } = await open(MACHINE.replace('"Payload.$": "$"', '"Payload.$": "States.|"'));
    const labels = (await server.client.request<CompletionList>('textDocument/completion', { textDocument, position })).items.map((i) => i.label);
    assert.ok(labels.includes('States.Format') && labels.includes('$$.Execution.Id'));
  });

  it('hovers a field, a state type and a state name', async () => {
    const field = await open(MACHINE.replace('"Resource"', '"Reso|urce"'));
    const h1 = await server.client.request<Hover>('textDocument/hover', { textDocument: field.textDocument, position: field.position });
    assert.match((h1.contents as { value: string }).value, /\*\*Resource\*\*/);
    const type = await open(MACHINE.replace('"Type": "Choice"', '"Type": "Cho|ice"'));
    const h2 = await server.client.request<Hover>('textDocument/hover', { textDocument: type.textDocument, position: type.position });
    assert.match((h2.contents as { value: string }).value, /Choice state/);
    const name = await open(MACHINE.replace('"Default": "Failed"', '"Default": "Fai|led"'));
    const h3 = await server.client.request<Hover>('textDocument/hover', { textDocument: name.textDocument, position: name.position });
    assert.match((h3.contents as { value: string }).value, /Fail state[\s\S]*Reached from: 'Decide'/);
  });

  it('goes to the definition and finds every reference', async () => {
    const { textDocument, position, text } = await open(MACHINE.replace('"Default": "Failed"', '"Default": "Fai|led"'));
    const [def] = await server.client.request<Location[]>('textDocument/definition', { textDocument, position });
    assert.deepEqual(def.range.start, positionAt(text, text.indexOf('"Failed": {')));
    const refs = await server.client.request<Location[]>('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
    assert.equal(refs.length, 2);
  });

  it('renames a state and every reference to it; the result validates clean', async () => {
    const { textDocument, position, text } = await open(MACHINE.replace('"Next": "Decide"', '"Next": "Dec|ide"'));
    const prepared = await server.client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument, position });
    assert.equal(prepared.placeholder, 'Decide');
    const edit = await server.client.request<WorkspaceEdit>('textDocument/rename', { textDocument, position, newName: 'Route "order"' });
    const renamed = applyTextEdits(text, edit.changes![textDocument.uri]);
    assert.match(renamed, /"Next": "Route \\"order\\""/);
    assert.match(renamed, /"Route \\"order\\"": \{/);
    assert.deepEqual(errorsOf(renamed), []);
  });

  it('refuses a rename to an existing name or one over 80 characters', async () => {
    const { textDocument, position } = await open(MACHINE.replace('"Next": "Decide"', '"Next": "Dec|ide"'));
    await assert.rejects(server.client.request('textDocument/rename', { textDocument, position, newName: 'Done' }), /already exists/);
    await assert.rejects(server.client.request('textDocument/rename', { textDocument, position, newName: 'x'.repeat(81) }), /80/);
  });

  it('gives document symbols as a tree, folding ranges and code lenses', async () => {
    const { textDocument } = await open(`{ "StartAt": "P", "States": { "P": { "Type": "Parallel", "End": true,
      "Branches": [ { "StartAt": "A", "States": { "A": { "Type": "Succeed" } } } ] } } }|`);
    const symbols = await server.client.documentSymbols(textDocument.uri);
    assert.equal(symbols[0].name, 'P');
    assert.equal(symbols[0].children?.[0].children?.[0].name, 'A');
    const folds = await server.client.request<unknown[]>('textDocument/foldingRange', { textDocument });
    assert.ok(folds.length >= 1);
    const lenses = (await server.client.codeLenses(textDocument.uri)) as { command: { title: string; command: string; arguments?: unknown[] } }[];
    assert.equal(lenses.filter((l) => l.command.command === '').length, 2);
    // Each state also offers "Test State", which runs asl.testState for it.
    const test = lenses.filter((l) => l.command.title === 'Test State');
    assert.deepEqual(test.map((l) => [l.command.command, l.command.arguments?.[1]]), [['asl.testState', 'P'], ['asl.testState', 'A']]);
    // The machine offers Run and Debug (issue 16: a Debug lens beside Run), on its StartAt line.
    const machine = lenses.filter((l) => l.command.title === 'Run' || l.command.title === 'Debug');
    assert.deepEqual(machine.map((l) => [l.command.title, l.command.command, l.command.arguments?.[0]]), [['Run', 'asl.startExecution', textDocument.uri], ['Debug', 'asl.debugMachine', textDocument.uri]]);
  });

  it('code lenses say where transitions come from and carry the source locations for a click', async () => {
    const { textDocument, text } = await open(MACHINE.replace('"Next": "Decide"', '"Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Failed" } ],\n      "Next": "Decide"') + '|');
    type Lens = { range: { start: { line: number } }; command: { title: string; command: string; arguments?: [string, unknown, { range: { start: unknown } }[]] } };
    const lenses = (await server.client.codeLenses(textDocument.uri)) as Lens[];
    const byLine = new Map(lenses.filter((l) => l.command.title !== 'Test State').map((l) => [text.split('\n')[l.range.start.line].trim().split('"')[1], l.command]));
    assert.equal(byLine.get('Fetch')?.title, 'start');
    assert.equal(byLine.get('Fetch')?.command, '');
    assert.equal(byLine.get('Decide')?.title, "from 'Fetch'");
    assert.equal(byLine.get('Done')?.title, "from 'Decide'");
    const failed = byLine.get('Failed')!;
    assert.equal(failed.title, "from 'Fetch' on error and 'Decide'");
    assert.equal(failed.command, 'asl.showTransitionSources');
    const [uri, , locations] = failed.arguments!;
    assert.equal(uri, textDocument.uri);
    assert.deepEqual(locations.map((l) => l.range.start), [positionAt(text, text.indexOf('"Fetch": {')), positionAt(text, text.indexOf('"Decide": {'))]);
  });

  it('code lenses come without their command, which each lens gets when VS Code resolves it (only those on screen)', async () => {
    const { textDocument, text } = await open(MACHINE + '|');
    const all = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument });
    // The machine's Run and Debug (two lenses) come with their command; the states' lenses are resolved.
    assert.deepEqual(all.filter((l) => l.command).map((l) => l.command?.command), ['asl.startExecution', 'asl.debugMachine']);
    const lenses = all.filter((l) => !l.command);
    assert.equal(lenses.length, 8);
    assert.ok(lenses.every((l) => l.command === undefined && l.data !== undefined));
    const done = lenses.filter((l) => l.range.start.line === positionAt(text, text.indexOf('"Done": {')).line);
    const resolved = await Promise.all(done.map((l) => server.client.request<CodeLens>('codeLens/resolve', l)));
    assert.deepEqual(resolved.map((l) => l.command?.title), ["from 'Decide'", 'Test State']);
    assert.deepEqual(resolved.map((l) => l.range), done.map((l) => l.range));
    // A lens of an older version resolves to nothing to run (the new version's lenses replace it); so does a made-up one.
    await server.client.change(textDocument.uri, text.replace('"Oops"', '"Oops2"'));
    const stale = await server.client.request<CodeLens>('codeLens/resolve', done[0]);
    assert.deepEqual(stale.command, { title: '', command: '' });
    for (const data of [[99, 1, 0, 0, 0], [0, 1, 0, 1e9, 0], 'x', null, [0, 1, 0, 0, 7], {}]) {
      const made = await server.client.request<CodeLens>('codeLens/resolve', { range: done[0].range, data });
      assert.deepEqual(made.command, { title: '', command: '' });
    }
    assert.equal(server.client.stderr.join('').includes('Error'), false);
  });

  it('our client asks asl/codeLenses and asl/documentSymbols: the standard answers in a fraction of the JSON', async () => {
    const text = generateMachine(300);
    const uri = LspClient.uri('compact-lenses.asl.json');
    await server.client.open(uri, text);
    // codeLenses() asks both and fails when they differ; every state shows both kinds, each resolvable.
    const lenses = await server.client.codeLenses(uri);
    assert.equal(lenses.length, 2 + 2 * countStates(text));
    assert.ok(lenses.every((l) => l.command && l.command.title !== ''));
    const compact = JSON.stringify(await server.client.request(CodeLensesRequest.method, { uri }));
    const standard = JSON.stringify(await server.client.request('textDocument/codeLens', { textDocument: { uri } }));
    assert.ok(compact.length * 4 < standard.length, `${compact.length} vs ${standard.length}`);
    // documentSymbols() too asks both and fails when they differ.
    const symbols = await server.client.documentSymbols(uri);
    // Every state is a symbol (branches and item processors are the Namespace symbols holding theirs).
    const stateSymbols = (list: DocumentSymbol[]): number => list.reduce((n, s) => n + (s.kind === SymbolKind.Namespace ? 0 : 1) + stateSymbols(s.children ?? []), 0);
    assert.equal(stateSymbols(symbols), countStates(text));
    const compactSymbols = JSON.stringify(await server.client.request(DocumentSymbolsRequest.method, { uri }));
    const standardSymbols = JSON.stringify(await server.client.request('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.ok(compactSymbols.length * 3 < standardSymbols.length, `${compactSymbols.length} vs ${standardSymbols.length}`);
    // A document the server does not have, and a missing uri: no lenses, no error.
    assert.deepEqual(await server.client.request(CodeLensesRequest.method, { uri: LspClient.uri('never-opened.asl.json') }), { lenses: [], byDefinition: [] });
    assert.deepEqual(await server.client.request(CodeLensesRequest.method, {}), { lenses: [], byDefinition: [] });
    assert.deepEqual(await server.client.request(DocumentSymbolsRequest.method, { uri: LspClient.uri('never-opened.asl.json') }), { details: [], symbols: [] });
    await server.client.close(uri);
  });

  async function actions(marked: string, only?: string[]) {
    const opened = await open(marked);
    const result = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: opened.textDocument,
      range: { start: opened.position, end: opened.position },
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });
    const apply = (a: CodeAction) => applyTextEdits(opened.text, a.edit!.changes![opened.textDocument.uri]);
    return { result, apply };
  }

  it('quick fix: an unknown state name becomes the nearest existing one', async () => {
    const { result, apply } = await actions(MACHINE.replace('"Default": "Failed"', '"Default": "Fa|iled2"'));
    const fix = result.find((a) => a.title === "Change to 'Failed'");
    assert.ok(fix, result.map((a) => a.title).join(' | '));
    assert.deepEqual(errorsOf(apply(fix)), []);
  });

  it('quick fix: a missing state can be created', async () => {
    const { result, apply } = await actions(MACHINE.replace('"Default": "Failed"', '"Default": "Ret|ry later"'));
    const fix = result.find((a) => a.title === "Create state 'Retry later'");
    assert.ok(fix);
    // 'Failed' was the Default's target: with the Default moved it is unreachable, which AWS refuses (issue 14).
    assert.deepEqual(errorsOf(apply(fix)).map((e) => `${e.code} ${e.message.split(' (')[0]}`), ["unreachable-state State 'Failed' cannot be reached from 'Fetch'"]);
  });

  it('quick fix: States.ALL moves to the last catcher', async () => {
    const marked = MACHINE.replace('"Next": "Decide"', '"Catch": [ { "ErrorEquals": ["States.A|LL"], "Next": "Failed" }, { "ErrorEquals": ["Oops"], "Next": "Done" } ],\n      "Next": "Decide"');
    const { result, apply } = await actions(marked);
    const fix = result.find((a) => a.title.startsWith('Move the States.ALL'));
    assert.ok(fix, result.map((a) => a.title).join(' | '));
    const fixed = apply(fix);
    assert.ok(fixed.indexOf('"Oops"], "Next": "Done"') < fixed.indexOf('"States.ALL"'));
    assert.deepEqual(errorsOf(fixed), []);
  });

  it('quick fix: Parameters becomes Arguments with JSONata expressions in a JSONata state', async () => {
    const marked = MACHINE.replace('"Type": "Task",', '"Type": "Task", "QueryLanguage": "JSONata",').replace('"Parameters"', '"Param|eters"');
    const { result, apply } = await actions(marked);
    const fix = result.find((a) => a.title.startsWith("Replace 'Parameters' with 'Arguments'"));
    assert.ok(fix, result.map((a) => a.title).join(' | '));
    const fixed = apply(fix);
    assert.match(fixed, /"Arguments": \{[\s\S]*"Payload": "\{% \$states\.input %\}"/);
    assert.deepEqual(errorsOf(fixed), []);
  });

  it('the refactoring light bulb shows on a state\'s name, Type and Resource lines, not on every line of its body', async () => {
    const titles = async (marked: string) => (await actions(marked, ['refactor'])).result.map((a) => a.title);
    for (const marked of [MACHINE.replace('"Fetch": {', '"Fe|tch": {'), MACHINE.replace('"Type": "Task"', '"Type": "Ta|sk"'), MACHINE.replace('"Resource"', '"Reso|urce"')]) {
      assert.ok((await titles(marked)).some((t) => t.startsWith('Add Retry')), marked);
    }
    assert.deepEqual(await titles(MACHINE.replace('"FunctionName"', '"Function|Name"')), []);
    assert.deepEqual(await titles(MACHINE.replace('"Next": "Decide"', '"Next": "Dec|ide"')), []);
  });

  it('refactorings: Add Catch (to a new Fail state) and Add Retry keep the file valid and formatted', async () => {
    const { result, apply } = await actions(MACHINE.replace('"Type": "Task"', '"Type": "Ta|sk"'), ['refactor']);
    const addCatch = result.find((a) => a.title.startsWith('Add Catch: States.ALL to a new Fail state'));
    const addRetry = result.find((a) => a.title.startsWith('Add Retry: AWS recommended'));
    assert.ok(addCatch && addRetry, result.map((a) => a.title).join(' | '));
    const caught = apply(addCatch);
    assert.match(caught, /"Catch": \[\n\s+\{\n\s+"ErrorEquals": \[\n?\s*"States.ALL"/);
    assert.match(caught, /"Fetch Failed": \{ "Type": "Fail"/);
    assert.deepEqual(errorsOf(caught), []);
    const retried = apply(addRetry);
    assert.match(retried, /"Lambda.ServiceException"/);
    assert.deepEqual(errorsOf(retried), []);
    // Everything the user wrote is still there, character for character, around the inserted block.
    const [before, after] = MACHINE.split('"Next": "Decide"');
    assert.ok(retried.startsWith(before) && retried.endsWith(after));
  });
});
