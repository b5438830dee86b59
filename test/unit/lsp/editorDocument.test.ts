import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../../server/src/core/document/lineIndex';
import { EditorDocument } from '../../../server/src/lsp/editorDocument';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['a', 'bc', ' ', '"Next": "X"', '\n', '\r\n', '\r', '\n\n', '\r\r\n', 'é', '😀', '{', '}'];

function text(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

/** Every question a feature may ask, answered by both documents alike. */
function assertSame(ours: EditorDocument, theirs: TextDocument, context: string): void {
  const content = theirs.getText();
  assert.equal(ours.getText(), content, context);
  assert.equal(ours.lineCount, theirs.lineCount, `${context}: lineCount`);
  assert.equal(ours.version, theirs.version, `${context}: version`);
  for (let offset = -1; offset <= content.length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${context}: positionAt(${offset}) in ${JSON.stringify(content)}`);
  }
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${context}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${context}: getEOLCharacters(${line})`);
    for (let character = -1; character <= 12; character++) {
      const position = { line, character };
      assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${context}: offsetAt(${line}:${character}) in ${JSON.stringify(content)}`);
    }
  }
}

describe('EditorDocument', () => {
  it('answers positions, offsets, lines and line breaks as vscode-languageserver-textdocument does, through random edits', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const next = random(seed);
      const initial = text(next, Math.floor(next() * 40));
      const ours = new EditorDocument('file:///m.asl.json', 'asl', 1, initial);
      let theirs = TextDocument.create('file:///m.asl.json', 'asl', 1, initial);
      assertSame(ours, theirs, `seed ${seed}, created`);
      for (let step = 0; step < 12; step++) {
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let n = 1 + Math.floor(next() * 2); n > 0; n--) {
          // Ranges as an editor sends them: positions in the text as the event's earlier changes left it, start and
          // end in either order, now and then the whole text instead.
          const lines = theirs.lineCount;
          const at = () => ({ line: Math.floor(next() * lines), character: Math.floor(next() * 8) });
          const change = next() < 0.05 ? { text: text(next, Math.floor(next() * 30)) } : { range: { start: at(), end: at() }, text: next() < 0.3 ? '' : text(next, Math.floor(next() * 8)) };
          changes.push(change);
          theirs = TextDocument.update(theirs, [change], theirs.version);
        }
        // The library's document, updated change by change, has the text the whole event gives; the one it makes
        // from that text, lines counted afresh, is what ours must answer after the event.
        const version = theirs.version + 1;
        ours.update(changes, version);
        theirs = TextDocument.create(theirs.uri, theirs.languageId, version, theirs.getText());
        assertSame(ours, theirs, `seed ${seed}, step ${step}, after ${JSON.stringify(changes)}`);
      }
    }
  });

  it('takes a paste of 20,000 lines and its removal as the library does (too many lines for one splice call)', () => {
    const initial = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const ours = new EditorDocument('file:///paste.asl.json', 'asl', 1, initial);
    let theirs = TextDocument.create('file:///paste.asl.json', 'asl', 1, initial);
    const pasted = Array.from({ length: 20_000 }, (_, i) => `"pasted ${i}": true,`).join('\r\n');
    const steps: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 10, character: 2 }, end: { line: 12, character: 3 } }, text: pasted },
      { range: { start: { line: 5, character: 0 }, end: { line: 19_000, character: 4 } }, text: 'x\ny' },
    ];
    for (const [i, change] of steps.entries()) {
      ours.update([change], i + 2);
      theirs = TextDocument.update(theirs, [change], i + 2);
      const fresh = TextDocument.create(theirs.uri, theirs.languageId, i + 2, theirs.getText());
      assert.equal(ours.lineCount, fresh.lineCount);
      for (let offset = 0; offset <= fresh.getText().length; offset += 101) assert.deepEqual(ours.positionAt(offset), fresh.positionAt(offset), `step ${i}, offset ${offset}`);
      for (let line = 0; line < fresh.lineCount; line += 97) assert.equal(ours.offsetAt({ line, character: 3 }), fresh.offsetAt({ line, character: 3 }), `step ${i}, line ${line}`);
    }
  });

  it('finds the lines of a 2 MB document with LF, CR LF and lone CR breaks', () => {
    const content = Array.from({ length: 75_000 }, (_, i) => `  "line ${i}": ${i}${['\n', '\r\n', '\r'][i % 3]}`).join('');
    const ours = new EditorDocument('file:///big.asl.json', 'asl', 1, content);
    const theirs = TextDocument.create('file:///big.asl.json', 'asl', 1, content);
    assert.equal(ours.lineCount, theirs.lineCount);
    // LineIndex (the CLI's and the debugger's) counts lines with the same function.
    const index = new LineIndex(content);
    for (let offset = 0; offset <= content.length; offset += 997) {
      assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
      assert.equal(index.positionAt(offset).line, theirs.positionAt(offset).line);
    }
  });
});
