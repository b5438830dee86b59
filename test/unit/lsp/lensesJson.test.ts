import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodeLens } from 'vscode-languageserver';
import { LensesJson } from '../../../server/src/lsp/features/lensesJson';
import { CodeLensesRequest } from '../../../server/src/protocol';

const cell: fc.Arbitrary<CodeLensesRequest.StateCell> = fc.tuple(fc.nat(30), fc.nat(9), fc.nat(30), fc.nat(9), fc.nat(20), fc.nat(7));
const wholeLens = fc.record({
  range: fc.record({ start: fc.record({ line: fc.nat(9), character: fc.nat(9) }), end: fc.record({ line: fc.nat(9), character: fc.nat(9) }) }),
  command: fc.record({ title: fc.constantFrom('Run', 'Debug', 'Run "quoted" ⚠'), command: fc.constant('asl.startExecution'), arguments: fc.constant(['file:///m.asl.json'] as unknown[]) }),
}) as fc.Arbitrary<CodeLens>;
/** Versions of one document's answer: the same document number, a version that moves on, a few definitions. */
const answer = (version: number): fc.Arbitrary<CodeLensesRequest.Result> =>
  fc.record({
    lenses: fc.array(wholeLens, { maxLength: 2 }),
    byDefinition: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 3 }).map((definitions) =>
      definitions.map((states, definition) => ({ data: [4, version, definition] as [number, number, number], states })),
    ),
  });

describe('LensesJson: the LSP code lenses written as JSON from the compact answer', () => {
  it('writes the text JSON.stringify gives for the expanded lenses, version after version with one writer', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { minLength: 1, maxLength: 5 }).chain((versions) => fc.tuple(...versions.map((v, i) => answer(i * 10 + v)))), (answers) => {
        const writer = new LensesJson();
        for (const result of answers) assert.equal(writer.write(result).join(''), JSON.stringify(CodeLensesRequest.expand(result)));
      }),
      { numRuns: 400 },
    );
  });

  it('follows a change to any one field of a cell the version before had at the same place', () => {
    fc.assert(
      fc.property(answer(1), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(5)), { minLength: 1, maxLength: 3 }), (before, changes) => {
        fc.pre(before.byDefinition.some((d) => d.states.length > 0));
        const after: CodeLensesRequest.Result = structuredClone(before);
        after.byDefinition.forEach((d) => (d.data[1] = 2));
        const filled = after.byDefinition.filter((d) => d.states.length > 0);
        for (const [which, at, field] of changes) {
          const states = filled[which % filled.length].states;
          states[at % states.length][field] += 1;
        }
        const writer = new LensesJson();
        writer.write(before);
        assert.equal(writer.write(after).join(''), JSON.stringify(CodeLensesRequest.expand(after)));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the kept lenses of an unchanged state the new version, and a moved state its new range', () => {
    const writer = new LensesJson();
    const states: CodeLensesRequest.StateCell[] = [
      [1, 4, 1, 9, 0, 3],
      [8, 4, 8, 12, 1, 1],
    ];
    writer.write({ lenses: [], byDefinition: [{ data: [0, 1, 0], states }] });
    const next: CodeLensesRequest.Result = { lenses: [], byDefinition: [{ data: [0, 2, 0], states: [states[0], [8, 4, 8, 13, 1, 3]] }] };
    const lenses = JSON.parse(writer.write(next).join('')) as { range: unknown; data: number[] }[];
    assert.deepEqual(lenses, CodeLensesRequest.expand(next));
    assert.deepEqual(lenses.map((l) => l.data[1]), [2, 2, 2, 2]);
  });
});
