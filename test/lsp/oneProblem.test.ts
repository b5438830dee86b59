import assert from 'node:assert/strict';
import { LspClient, serverForSuiteOf } from './lspClient';

/** Position of `offset` in `text` as LSP counts it (UTF-16 units, a BOM included if the text has one). */
const positionOf = (text: string, offset: number) => {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
};

describe('language server: one mistake, one problem', function () {
  let client: LspClient;
  serverForSuiteOf((started) => (client = started), { initializationOptions: { validationDelayMs: 0 } });

  it('a broken Next in a chain is one diagnostic, with the states it cuts off as related information', async () => {
    const uri = LspClient.uri('broken-chain.asl.json');
    const states = ['A', 'B', 'C', 'D', 'E'].map((name, i, all) => `    "${name}": { "Type": "Pass", ${i < all.length - 1 ? `"Next": "${all[i + 1]}"` : '"End": true'} }`);
    const good = `{\n  "StartAt": "A",\n  "States": {\n${states.join(',\n')}\n  }\n}`;
    const broken = good.replace('"Next": "C"', '"Next": "Cx"');
    await client.open(uri, broken);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-state'], JSON.stringify(diagnostics));
    const [problem] = diagnostics;
    assert.equal(problem.severity, 1);
    assert.deepEqual(problem.range.start, positionOf(broken, broken.indexOf('"Cx"')));
    const related = problem.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => r.message),
      [
        "State 'C' cannot be reached while this reference is broken",
        "State 'D' cannot be reached while this reference is broken",
        "State 'E' cannot be reached while this reference is broken",
        "No path from 'A' leads to a terminal state: the execution could never finish",
      ],
    );
    assert.ok(related.every((r) => r.location.uri === uri));
    assert.deepEqual(related[0].location.range.start, positionOf(broken, broken.indexOf('"C": {')));

    await client.change(uri, good);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
  });

  it('a document that starts with a byte order mark has no syntax error, and ranges land on the right characters', async () => {
    const uri = LspClient.uri('bom.asl.json');
    const text = '\uFEFF{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Nxet": "B", "End": true } } }';
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-field']);
    const at = text.indexOf('"Nxet"');
    assert.deepEqual(diagnostics[0].range, { start: positionOf(text, at), end: positionOf(text, at + '"Nxet"'.length) });
  });
});
