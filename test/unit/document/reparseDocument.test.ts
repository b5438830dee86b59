import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { changedRange } from '../../../server/src/core/document/changedRange';
import { parseDocument, reparseDocument, type ParsedDocument } from '../../../server/src/core/document/parseDocument';
import { generateMachine } from '../../bench/generateMachine';
import { CORPUS, definitionFiles } from '../../support/corpusFiles';
import { treeSnapshot } from '../../support/treeSnapshot';

function assertSameParse(actual: ParsedDocument, text: string): void {
  const expected = parseDocument(text);
  assert.deepEqual(actual.syntaxProblems, expected.syntaxProblems);
  assert.deepEqual(treeSnapshot(actual.root), treeSnapshot(expected.root));
}

const SOURCES = [
  ...['examples', 'test/fixtures'].flatMap((dir) => (existsSync(dir) ? definitionFiles(resolve(dir)) : [])),
  ...(existsSync(CORPUS) ? definitionFiles(join(CORPUS, 'aws-samples-workflows')).slice(0, 40) : []),
].map((file) => readFileSync(file, 'utf8'));

/** Small edits of the kinds typing makes: insert a token or a character, delete or replace a range. */
const edit = (length: number) =>
  fc.record({
    at: fc.nat({ max: length }),
    remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
    insert: fc.oneof(
      fc.constantFrom('', '"', ',', '{', '}', '[', ']', ':', ' ', '\n', '1', '0', 'a', '\\', '"x": 1,', '{"Type": "Pass"}', '/'),
      fc.string({ maxLength: 4 }),
    ),
  });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('reparseDocument', () => {
  it('finds the changed range of two texts', () => {
    assert.equal(changedRange('abc', 'abc'), undefined);
    assert.deepEqual(changedRange('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(changedRange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.deepEqual(changedRange('aaaaa', 'aaaa'), { start: 4, oldEnd: 5, newEnd: 4 });
    const long = 'x'.repeat(10_000);
    assert.deepEqual(changedRange(long + 'A' + long, long + 'BB' + long), { start: 10_000, oldEnd: 10_001, newEnd: 10_002 });
  });

  it('takes the untouched members of the previous tree and shifts them', () => {
    const text = generateMachine(100);
    const previous = parseDocument(text);
    const states = previous.root?.kind === 'object' ? previous.root.properties.find((p) => p.key === 'States')?.value : undefined;
    const at = text.indexOf('Generated machine') + 'Generated'.length;
    const next = reparseDocument(previous, text.slice(0, at) + '__' + text.slice(at));
    const statesAfter = next.root?.kind === 'object' ? next.root.properties.find((p) => p.key === 'States')?.value : undefined;
    assert.ok(states && states === statesAfter, 'the States object is the same node, moved');
    assertSameParse(next, text.slice(0, at) + '__' + text.slice(at));
  });

  it("a key's span, once asked for, is the same object and moves with its property; it is written as {offset, length}", () => {
    const text = generateMachine(20);
    const previous = parseDocument(text);
    const states = previous.root?.kind === 'object' ? previous.root.properties.find((p) => p.key === 'States')?.value : undefined;
    const state = states?.kind === 'object' ? states.properties[3] : undefined;
    assert.ok(state);
    const keySpan = state.keySpan;
    const before = keySpan.offset;
    assert.equal(text.slice(keySpan.offset, keySpan.offset + keySpan.length), JSON.stringify(state.key));
    const next = reparseDocument(previous, '   ' + text);
    const statesAfter = next.root?.kind === 'object' ? next.root.properties.find((p) => p.key === 'States')?.value : undefined;
    assert.ok(statesAfter?.kind === 'object' && statesAfter.properties[3] === state, 'the state is the same property, moved');
    assert.equal(state.keySpan, keySpan);
    assert.equal(keySpan.offset, before + 3);
    assert.equal(JSON.stringify(keySpan), JSON.stringify({ offset: before + 3, length: JSON.stringify(state.key).length }));
  });

  it('does not take a member whose token the edit extends', () => {
    for (const [before, after] of [
      ['[12, 3]', '[123, 3]'],
      ['[1,23]', '[123]'],
      ['{"a": 1, "b": true}', '{"a": 1, "b": truex}'],
      ['{"a": "x", "b": 2}', '{"a": "x\\", "b": 2}'],
      ['{"a": [1, 2], "b": {"c": null}}', '{"a": [1, 2], "b": {"c": null}, "d": 4}'],
      ['{"a": 1}', '{"a": 1}}'],
      ['{"a": 1}', ' {"a": 1}'],
    ]) {
      assertSameParse(reparseDocument(parseDocument(before), after), after);
    }
  });

  it('gives the same tree as a full parse after any sequence of edits (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES.keys()),
        fc.array(edit(4000), { minLength: 1, maxLength: 6 }),
        (source, edits) => {
          let text = SOURCES[source];
          let doc = parseDocument(text);
          for (const e of edits) {
            text = applyEdit(text, { ...e, at: Math.floor((e.at / 4000) * text.length) });
            doc = reparseDocument(doc, text);
            assertSameParse(doc, text);
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});
