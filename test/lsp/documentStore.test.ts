import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_VALIDATION_SETTINGS } from '../../server/src/core/validation/types';
import { DocumentStore } from '../../server/src/lsp/documentStore';

const machine = (name: string) => JSON.stringify({ StartAt: name, States: { [name]: { Type: 'Pass', Next: 'Missing' } } }, null, 2);
const open = (name: string, version = 1) => TextDocument.create(`file:///tmp/${name}.asl.json`, 'asl', version, machine(name));

// Issue 17: ten big files open must not keep ten analyses in memory; the least recently used drop theirs and
// are analysed again, with the same result, when next used.
describe('document store: memory budget', () => {
  it('keeps every analysis while the texts fit the budget', () => {
    const store = new DocumentStore(DEFAULT_VALIDATION_SETTINGS, 10_000);
    const docs = ['a', 'b', 'c'].map((n) => open(n));
    for (const d of docs) store.get(d);
    assert.deepEqual(docs.map((d) => store.has(d.uri)), [true, true, true]);
    assert.equal(store.get(docs[0]), store.get(docs[0]), 'the same version is analysed once');
  });

  it('drops the least recently used analyses past the budget, never the one just asked for', () => {
    const size = machine('a').length;
    const store = new DocumentStore(DEFAULT_VALIDATION_SETTINGS, size * 2);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => open(n));
    const first = store.get(a);
    store.get(b);
    store.get(a); // a is now more recent than b
    store.get(c);
    assert.deepEqual([a, b, c].map((d) => store.has(d.uri)), [true, false, true]);
    // b comes back when used, with the same problems (an unknown Next), and pushes out the oldest (a).
    const again = store.get(b);
    assert.deepEqual(again.analysis.problems.map((p) => p.code), first.analysis.problems.map((p) => p.code));
    assert.ok(again.analysis.problems.some((p) => p.code === 'unknown-state'));
    assert.deepEqual([a, b, c].map((d) => store.has(d.uri)), [false, true, true]);
  });

  it('keeps a single document bigger than the budget', () => {
    const store = new DocumentStore(DEFAULT_VALIDATION_SETTINGS, 10);
    const a = open('a');
    assert.equal(store.get(a), store.get(a));
    assert.ok(store.has(a.uri));
  });
});
