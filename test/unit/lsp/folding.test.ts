import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../../server/src/core/analyzeDocument';
import { foldingRanges } from '../../../server/src/lsp/features/folding';
import type { AnalyzedDocument } from '../../../server/src/lsp/featureContext';

const analyzed = (text: string): AnalyzedDocument => {
  const textDocument = TextDocument.create('file:///f.asl.json', 'asl', 1, text);
  return { uri: textDocument.uri, version: 1, textDocument, analysis: analyzeDocument(text) };
};

// Lines:               0  1              2            3                      4                          5    6     7                       8   9
const text = ['{', '  "States": {', '    "A": {', '      "Retry": [', '        { "ErrorEquals": [] }', '      ],', '    "x": [1,', '      2]', '    }', '  }', '}'].join('\n');

describe('folding ranges', () => {
  it('fold every object and array over more than one line, in document order, without a kind', () => {
    assert.deepEqual(foldingRanges([analyzed(text)]), [
      { startLine: 0, endLine: 9 },
      { startLine: 1, endLine: 8 },
      { startLine: 2, endLine: 7 },
      { startLine: 3, endLine: 4 },
      { startLine: 6, endLine: 6 },
    ]);
  });

  it("keep to the client's limit with the outermost levels that fit whole", () => {
    const all = foldingRanges([analyzed(text)]);
    assert.deepEqual(foldingRanges([analyzed(text)], 5), all);
    // Levels: 1 range at 0, 1 at 1, 1 at 2, 2 at 3 ("Retry" and "x").
    assert.deepEqual(foldingRanges([analyzed(text)], 4), all.slice(0, 3));
    assert.deepEqual(foldingRanges([analyzed(text)], 3), all.slice(0, 3));
    assert.deepEqual(foldingRanges([analyzed(text)], 2), all.slice(0, 2));
    assert.deepEqual(foldingRanges([analyzed(text)], 0), []);
  });

  it('of a first level larger than the limit, give its first ranges', () => {
    const two = analyzed('[\n{\n},\n{\n}\n]');
    assert.deepEqual(foldingRanges([two]), [{ startLine: 0, endLine: 4 }, { startLine: 1, endLine: 1 }, { startLine: 3, endLine: 3 }]);
    const docs = [analyzed('{\n}'), analyzed('[\n]'), analyzed('{\n"a": [\n]\n}')];
    assert.deepEqual(foldingRanges(docs, 2), [{ startLine: 0, endLine: 0 }, { startLine: 0, endLine: 0 }]);
  });
});
