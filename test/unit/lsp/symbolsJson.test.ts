import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { SymbolsJson } from '../../../server/src/lsp/features/symbolsJson';
import { DocumentSymbolsRequest } from '../../../server/src/protocol';

const position = fc.record({ line: fc.nat(40), character: fc.nat(12) });
const range = fc.record({ start: position, end: position });

/** Outlines of any shape: leaves with or without an empty `children`, detail or none, names that need escaping. */
const symbols: fc.Arbitrary<DocumentSymbol[]> = fc.letrec<{ symbol: DocumentSymbol; list: DocumentSymbol[] }>((tie) => ({
  symbol: fc
    .record({
      name: fc.oneof(fc.constantFrom('Fetch', 'Branch 1', '', 'a "quoted" </script> \\ ⚠ 😀', '\u2028\n', 'lone \ud800 surrogate', '\u0000\u001f'), fc.string({ maxLength: 6 })),
      detail: fc.option(fc.constantFrom('Task', 'Choice', 'state machine', 'unknown type'), { nil: undefined }),
      kind: fc.constantFrom(SymbolKind.Function, SymbolKind.Enum, SymbolKind.Module, SymbolKind.Namespace),
      range,
      selectionRange: range,
      children: fc.option(tie('list'), { nil: undefined, freq: 2 }),
    })
    .map(({ detail, children, ...rest }) => ({ name: rest.name, ...(detail !== undefined ? { detail } : {}), kind: rest.kind, range: rest.range, selectionRange: rest.selectionRange, ...(children ? { children } : {}) }) as DocumentSymbol),
  list: fc.array(tie('symbol'), { maxLength: 4, depthIdentifier: 'outline' }) as fc.Arbitrary<DocumentSymbol[]>,
})).list;

/** What the LSP answer is made of without SymbolsJson: the expansion, stringified. */
const expected = (result: DocumentSymbolsRequest.Result) => JSON.stringify(DocumentSymbolsRequest.expand(result));

describe('SymbolsJson: the LSP outline written as JSON from the compact cells', () => {
  it('writes the text JSON.stringify gives for the expanded symbols, version after version with one writer', () => {
    // Successive versions of one document through one writer: each reuses what it can of the one before.
    fc.assert(
      fc.property(fc.array(symbols, { minLength: 1, maxLength: 5 }), (versions) => {
        const writer = new SymbolsJson();
        for (const version of versions) {
          const result = DocumentSymbolsRequest.encode(version);
          assert.equal(writer.write(result).join(''), expected(result));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('follows a change to any one field of a cell the version before had at the same place', () => {
    fc.assert(
      fc.property(symbols, fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)), { minLength: 1, maxLength: 3 }), (outline, changes) => {
        const before = DocumentSymbolsRequest.encode(outline);
        fc.pre(before.symbols.length > 0);
        const after: DocumentSymbolsRequest.Result = structuredClone(before);
        for (const [at, field] of changes) {
          const cell = after.symbols[at % after.symbols.length];
          if (field === 0) cell[0] += 'x';
          else if (field === 3) cell[3] = cell[3] >= 0 ? -1 : after.details.push('Pass') - 1;
          else (cell[field] as number) += 1;
        }
        const writer = new SymbolsJson();
        writer.write(before);
        assert.equal(writer.write(after).join(''), expected(after));
      }),
      { numRuns: 400 },
    );
  });

  it('follows edits that keep the cells in place but change a name, a range, a detail or the nesting', () => {
    const base: DocumentSymbol[] = [
      { name: 'A', detail: 'Task', kind: SymbolKind.Function, range: { start: { line: 1, character: 4 }, end: { line: 5, character: 5 } }, selectionRange: { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } } },
      {
        name: 'P',
        detail: 'Parallel',
        kind: SymbolKind.Module,
        range: { start: { line: 6, character: 4 }, end: { line: 20, character: 5 } },
        selectionRange: { start: { line: 6, character: 4 }, end: { line: 6, character: 7 } },
        children: [{ name: 'Branch 1', kind: SymbolKind.Namespace, range: { start: { line: 7, character: 8 }, end: { line: 19, character: 9 } }, selectionRange: { start: { line: 7, character: 8 }, end: { line: 7, character: 9 } }, children: [] }],
      },
    ];
    const writer = new SymbolsJson();
    const write = (symbols: DocumentSymbol[]) => {
      const result = DocumentSymbolsRequest.encode(symbols);
      const text = writer.write(result).join('');
      assert.equal(text, expected(result));
      return JSON.parse(text) as DocumentSymbol[];
    };
    write(base);
    const edited = structuredClone(base);
    edited[0].range.end.character = 6;
    assert.equal(write(edited)[0].range.end.character, 6);
    edited[0].detail = 'Pass';
    assert.equal(write(edited)[0].detail, 'Pass');
    delete edited[0].detail;
    assert.equal(write(edited)[0].detail, undefined);
    edited[1].children![0].children = undefined;
    assert.equal(write(edited)[1].children![0].children, undefined);
    // The same cells with other details at the same indexes: the detail strings are what is compared.
    const swapped = DocumentSymbolsRequest.encode(edited);
    swapped.details.reverse();
    assert.equal(writer.write(swapped).join(''), expected(swapped));
  });

  it('writes what `expand` reads of cells that end before a list is full', () => {
    const result = DocumentSymbolsRequest.encode([{ name: 'P', kind: SymbolKind.Module, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 1 } }, selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, children: [] }]);
    result.symbols[0][1] = 3;
    assert.equal(new SymbolsJson().write(result).join(''), expected(result));
    assert.equal(new SymbolsJson().write({ details: [], symbols: [] }).join(''), '[]');
  });
});
