import assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver';
import { LspClient } from './lspClient';

const states: Record<string, unknown> = {};
for (let i = 0; i < 40; i++) states[`S${i}`] = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'] }], Next: `S${i + 1}` };
states.S40 = { Type: 'Succeed' };
const machine = JSON.stringify({ StartAt: 'S0', States: states }, null, 2);

// vscode-languageclient announces a rangeLimit of 5,000 (VS Code keeps that many a file): the server keeps to the
// client's limit with the outermost levels instead of sending every range for the client to drop.
describe('language server: folding ranges', function () {
  this.timeout(60_000);

  for (const limit of [undefined, 50]) {
    it(limit === undefined ? 'gives every object and array over several lines' : `keeps to the client's rangeLimit (${limit})`, async () => {
      const client = await LspClient.start({ foldingRangeLimit: limit });
      try {
        const uri = LspClient.uri('folding.asl.json');
        await client.open(uri, machine);
        const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        const lines = machine.split('\n');
        assert.deepEqual(folds[0], { startLine: 0, endLine: lines.length - 2 });
        assert.ok(folds.every((f) => f.kind === undefined && f.endLine >= f.startLine), JSON.stringify(folds.slice(0, 3)));
        const stateFolds = folds.filter((f) => /^ {4}"S\d+": \{$/.test(lines[f.startLine]));
        const retryFolds = folds.filter((f) => /"Retry": \[$/.test(lines[f.startLine]));
        if (limit === undefined) {
          // The root, States, 41 states, 40 Retry arrays, 40 retriers and their 40 ErrorEquals arrays.
          assert.equal(folds.length, 2 + 41 + 40 * 3);
        } else {
          // Root, States and the 41 states fit (43); the 40 Retry arrays below them would not.
          assert.equal(folds.length, 43);
          assert.equal(stateFolds.length, 41);
          assert.equal(retryFolds.length, 0);
        }
      } finally {
        await client.shutdown();
      }
    });
  }
});
