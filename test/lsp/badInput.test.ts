import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LspClient, serverForSuiteOf } from './lspClient';

// The server must survive any text: every case ends with a clear diagnostic (or none) and a live server.
describe('language server: bad input', function () {
  this.timeout(180_000);
  let client: LspClient;
  serverForSuiteOf((started) => (client = started));

  // Generous: this checks that the answer comes, not how fast (the benchmarks time it); a 10 MB file took over
  // 30 s on a 2-core machine under a load average of 16.
  async function diagnose(name: string, text: string) {
    const uri = LspClient.uri(name);
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, () => true, 120_000);
    await client.close(uri);
    return diagnostics;
  }

  it('empty file: says the definition is empty', async () => {
    const d = await diagnose('empty.asl.json', '');
    assert.ok(d.some((x) => x.severity === 1 && /empty/i.test(String(x.message))), JSON.stringify(d));
  });

  it('not an object: says so', async () => {
    const d = await diagnose('array.asl.json', '[1, 2, 3]');
    assert.ok(d.some((x) => /object/i.test(String(x.message))), JSON.stringify(d));
  });

  it('binary garbage: syntax errors, no crash', async () => {
    let garbage = '';
    for (let i = 0; i < 4096; i++) garbage += String.fromCharCode((i * 7919) % 65536);
    const d = await diagnose('binary.asl.json', garbage);
    assert.ok(d.length > 0);
  });

  it('deeply nested JSON (100,000 levels): a clear diagnostic, no stack overflow', async () => {
    const depth = 100_000;
    const d = await diagnose('deep.asl.json', '['.repeat(depth) + ']'.repeat(depth));
    assert.ok(d.some((x) => /nest/i.test(String(x.message))), JSON.stringify(d.slice(0, 3)));
  });

  it('a 10 MB file is validated', async () => {
    const states: Record<string, unknown> = {};
    let i = 0;
    let text = '';
    while (text.length < 10 * 1024 * 1024) {
      for (let k = 0; k < 2000; k++, i++) {
        states[`State ${i}`] = { Type: 'Pass', Result: { payload: 'x'.repeat(40) }, Next: `State ${i + 1}` };
      }
      text = JSON.stringify({ StartAt: 'State 0', States: states });
    }
    states[`State ${i}`] = { Type: 'Succeed' };
    text = JSON.stringify({ StartAt: 'State 0', States: states });
    const d = await diagnose('big.asl.json', text);
    assert.deepEqual(d.filter((x) => x.severity === 1), []);
  });

  it('every prefix of a valid file: no crash, and the server still answers', async () => {
    const text = readFileSync(resolve(__dirname, '../fixtures/prefix-source.asl.json'), 'utf8');
    const uri = LspClient.uri('prefix.asl.json');
    await client.open(uri, '');
    for (let end = 1; end <= text.length; end += 1) await client.change(uri, text.slice(0, end));
    const final = await client.waitForDiagnostics(uri, () => true, 30_000);
    assert.deepEqual(final.filter((x) => x.severity === 1), [], JSON.stringify(final));
    assert.equal(client.exited, false);
  });
});
