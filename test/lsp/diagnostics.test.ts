import assert from 'node:assert/strict';
import { LspClient, serverForSuiteOf } from './lspClient';

describe('language server: diagnostics', function () {
  let client: LspClient;
  serverForSuiteOf((started) => (client = started));

  it('announces incremental sync and answers initialize', () => {
    assert.equal(client.initializeResult?.serverInfo?.name, 'asl-workbench');
    assert.deepEqual((client.initializeResult?.capabilities.textDocumentSync as { change: number }).change, 2);
  });

  it('publishes a diagnostic with source, code, link and the exact range', async () => {
    const uri = LspClient.uri('syntax.asl.json');
    const text = '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Succeed" }, }\n}';
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const trailingComma = diagnostics.find((d) => d.code === 'json-syntax');
    assert.ok(trailingComma, JSON.stringify(diagnostics));
    assert.equal(trailingComma.source, 'asl');
    assert.equal(trailingComma.severity, 1);
    assert.match(trailingComma.codeDescription?.href ?? '', /docs\/rules\.md#json-syntax$/);
    const commaOffset = text.indexOf(', }');
    const line = text.slice(0, commaOffset).split('\n').length - 1;
    const character = commaOffset - (text.lastIndexOf('\n', commaOffset) + 1);
    assert.deepEqual(trailingComma.range.start, { line, character });
  });

  it('re-validates after an edit and clears on close', async () => {
    const uri = LspClient.uri('edit.asl.json');
    await client.open(uri, '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } }');
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'json-syntax'));
    await client.change(uri, '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }');
    const after = await client.waitForDiagnostics(uri);
    assert.deepEqual(after.filter((d) => d.severity === 1), []);
    await client.close(uri);
  });

  it('re-validates on a configuration change only when the settings differ', async () => {
    const uri = LspClient.uri('same-settings.asl.json');
    await client.open(uri, '{ "StartAt": "A", "States": {} ');
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'json-syntax'));
    const published = client.publishCounts.get(uri);
    // The same settings again (VS Code sends didChangeConfiguration for any section): nothing to redo.
    client.validationSettings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    // A round trip: the server's configuration request is answered (with the same settings) before this returns.
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    // A changed setting is seen (its diagnostics are published), and after it the unchanged pull had published nothing.
    client.validationSettings = { severity: { 'json-syntax': 'warning' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'json-syntax' && x.severity === 2));
    assert.equal(client.publishCounts.get(uri), published! + 1);
    client.validationSettings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'json-syntax' && x.severity === 1));
    await client.close(uri);
  });

  it('applies severity overrides and enable=false without a restart', async () => {
    const uri = LspClient.uri('settings.asl.json');
    await client.open(uri, '{ "StartAt": "A", "States": {} ');
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'json-syntax' && x.severity === 1));

    client.validationSettings = { severity: { 'json-syntax': 'warning' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'json-syntax' && x.severity === 2));

    client.validationSettings = { enable: false };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    client.validationSettings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
  });
});
