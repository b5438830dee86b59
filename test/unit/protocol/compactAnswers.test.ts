import assert from 'node:assert/strict';
import { SymbolKind, type CodeLens, type DocumentSymbol } from 'vscode-languageserver';
import { CodeLensesRequest, DocumentSymbolsRequest } from '../../../server/src/protocol';

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({ start: { line, character }, end: { line: endLine, character: endCharacter } });

describe('compact answers for our client (asl/documentSymbols, asl/codeLenses)', () => {
  it('document symbols come back exactly: nesting, leaves without children, empty children, no detail, ranges over lines', () => {
    const symbols: DocumentSymbol[] = [
      {
        name: 'Machine',
        detail: 'state machine',
        kind: SymbolKind.Module,
        range: range(3, 2, 90, 3),
        selectionRange: range(3, 2, 90, 3),
        children: [
          { name: 'A "quoted" </script> ⚠', detail: 'Task', kind: SymbolKind.Function, range: range(4, 4, 10, 5), selectionRange: range(4, 4, 4, 30) },
          {
            name: 'P',
            detail: 'Parallel',
            kind: SymbolKind.Module,
            range: range(11, 4, 40, 5),
            selectionRange: range(11, 4, 11, 7),
            children: [{ name: 'Branch 1', kind: SymbolKind.Namespace, range: range(12, 8, 20, 9), selectionRange: range(12, 8, 12, 9), children: [] }],
          },
          { name: '', detail: 'Task', kind: SymbolKind.Function, range: range(41, 0, 41, 0), selectionRange: range(41, 0, 42, 1) },
        ],
      },
      { name: 'Second', detail: 'state machine', kind: SymbolKind.Module, range: range(100, 0, 101, 0), selectionRange: range(100, 0, 101, 0) },
    ];
    const compact = DocumentSymbolsRequest.encode(symbols);
    // JSON both ways, as on the wire; the same text as the standard answer (key order included).
    const back = DocumentSymbolsRequest.expand(JSON.parse(JSON.stringify(compact)));
    assert.equal(JSON.stringify(back), JSON.stringify(symbols));
    assert.deepEqual(compact.details, ['state machine', 'Task', 'Parallel']);
    assert.deepEqual(DocumentSymbolsRequest.expand(DocumentSymbolsRequest.encode([])), []);
  });

  it('each state gets one lens per kind in its mask, after the whole lenses, in order', () => {
    const run: CodeLens = { range: range(1, 2, 1, 9), command: { title: 'Run', command: 'asl.startExecution', arguments: ['file:///x'] } };
    const lenses = CodeLensesRequest.expand({
      lenses: [run],
      byDefinition: [
        { data: [0, 7, 0], states: [[4, 4, 4, 17, 0, 0b11], [9, 4, 9, 12, 1, 0b01]] },
        { data: [0, 7, 1], states: [[20, 6, 20, 9, 0, 0b10]] },
      ],
    });
    assert.deepEqual(lenses, [
      run,
      { range: range(4, 4, 4, 17), data: [0, 7, 0, 0, 0] },
      { range: range(4, 4, 4, 17), data: [0, 7, 0, 0, 1] },
      { range: range(9, 4, 9, 12), data: [0, 7, 0, 1, 0] },
      { range: range(20, 6, 20, 9), data: [0, 7, 1, 0, 1] },
    ]);
  });
});
