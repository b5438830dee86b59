import assert from 'node:assert/strict';
import type { CodeAction, DocumentSymbol, Location } from 'vscode-languageserver';
import { positionAt } from './features/cursor';
import { LspClient, serverForSuiteOf } from './lspClient';

// Issue 17: a request right after an edit is answered from the new version without waiting for its diagnostics.
// The server's debounce is set far beyond the test, so no re-validation runs before these requests: what they
// answer can only come from the edited text.
describe('language server: a request right after an edit', function () {
  let client: LspClient;
  serverForSuiteOf((started) => (client = started), { initializationOptions: { validationDelayMs: 600_000 } });

  const original = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } } }, null, 2);
  const edited = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Cee' }, Cee: { Type: 'Pass', Next: 'Bb' }, B: { Type: 'Succeed' } } }, null, 2);

  it('sees the new version: definition, symbols and quick fixes of the edited text', async () => {
    const uri = LspClient.uri('after-edit.asl.json');
    await client.open(uri, original);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
    const published = client.publishCounts.get(uri);
    await client.change(uri, edited);

    const next = edited.indexOf('"Cee"') + 2;
    const definition = await client.request<Location[] | Location>('textDocument/definition', { textDocument: { uri }, position: positionAt(edited, next) });
    const target = Array.isArray(definition) ? definition[0] : definition;
    assert.deepEqual(target.range.start, positionAt(edited, edited.indexOf('"Cee": {')));

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    assert.ok(names(symbols).includes('Cee'), names(symbols).join(', '));

    // Cee goes to a state that is not there: the problems of the new version (found for this request) offer the fix.
    const at = positionAt(edited, edited.indexOf('"Bb"') + 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    assert.ok(actions.some((a) => a.title === "Change to 'B'" && a.diagnostics?.some((d) => d.code === 'unknown-state')), actions.map((a) => a.title).join(' | '));
    assert.equal(client.publishCounts.get(uri), published, 'no diagnostics were published for the new version yet');
    await client.close(uri);
  });
});
