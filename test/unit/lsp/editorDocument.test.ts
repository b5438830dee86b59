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

/**
 * Every question a feature may ask, answered by both documents alike; the whole text is asked for last, so that the
 * other answers are read through the edits not yet applied to it.
 */
function assertSame(ours: EditorDocument, theirs: TextDocument, context: string): void {
  const content = theirs.getText();
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
      // A range from here to a few places further on, and reversed.
      for (const [endLine, endCharacter] of [[line, character + 3], [line + 1, 2], [line - 1, 5]]) {
        const range = { start: position, end: { line: endLine, character: endCharacter } };
        assert.equal(ours.getText(range), theirs.getText(range), `${context}: getText(${JSON.stringify(range)}) in ${JSON.stringify(content)}`);
      }
    }
  }
  assert.equal(ours.getText(), content, context);
}

describe('EditorDocument', () => {
  it('answers positions, offsets, lines and line breaks as vscode-languageserver-textdocument does, through random edits', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const next = random(seed);
      const initial = text(next, Math.floor(next() * 40));
      // Edits are gathered while they stay within this many characters of each other (the server's: 16 KB, more
      // than these texts): small limits, so that both gathering and applying happen.
      const spanLimit = Math.floor(next() * 24);
      const ours = new EditorDocument('file:///m.asl.json', 'asl', 1, initial, spanLimit);
      let theirs = TextDocument.create('file:///m.asl.json', 'asl', 1, initial);
      assertSame(ours, theirs, `seed ${seed}, created`);
      for (let step = 0; step < 12; step++) {
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let n = 1 + Math.floor(next() * 2); n > 0; n--) {
          // Ranges as an editor sends them: positions in the text as the event's earlier changes left it, start and
          // end in either order, now and then the whole text instead; often next to the last edit, as typing is.
          const lines = theirs.lineCount;
          const last = changes.at(-1);
          const near = last && 'range' in last && next() < 0.5 ? last.range.start : undefined;
          const at = () => (near ? { line: near.line, character: Math.max(0, near.character + Math.floor(next() * 5) - 2) } : { line: Math.floor(next() * lines), character: Math.floor(next() * 8) });
          const change = next() < 0.05 ? { text: text(next, Math.floor(next() * 30)) } : { range: { start: at(), end: at() }, text: next() < 0.3 ? '' : text(next, Math.floor(next() * 8)) };
          changes.push(change);
          theirs = TextDocument.update(theirs, [change], theirs.version);
        }
        // The library's document, updated change by change, has the text the whole event gives; the one it makes
        // from that text, lines counted afresh, is what ours must answer after the event.
        const version = theirs.version + 1;
        ours.update(changes, version);
        theirs = TextDocument.create(theirs.uri, theirs.languageId, version, theirs.getText());
        // Now and then several events come before any question (keystrokes before the next request).
        if (next() < 0.6) assertSame(ours, theirs, `seed ${seed}, step ${step}, after ${JSON.stringify(changes)}`);
      }
      assertSame(ours, theirs, `seed ${seed}, at the end`);
    }
  });

  it('keeps the keystrokes typed in one place beside the text until the whole text is read', () => {
    const initial = `{\n  "Comment": "${'x'.repeat(100_000)}",\n  "StartAt": "A"\n}\n`;
    const ours = new EditorDocument('file:///typing.asl.json', 'asl', 1, initial);
    let theirs = TextDocument.create('file:///typing.asl.json', 'asl', 1, initial);
    const whole = ours.getText();
    let version = 1;
    for (const [i, letter] of [...'Hello'].entries()) {
      const change = { range: { start: { line: 2, character: 15 + i }, end: { line: 2, character: 15 + i } }, text: letter };
      ours.update([change], ++version);
      theirs = TextDocument.update(theirs, [change], version);
      assert.deepEqual(ours.getLineRange(2), theirs.getLineRange(2));
      assert.equal(ours.getText(ours.getLineRange(2)), theirs.getText(theirs.getLineRange(2)));
    }
    // Nothing read the whole text: the one read before the edits is still the document's base (a whole text each
    // keystroke would have been a new 100 KB string each), and the next read makes the one with all five.
    assert.equal(Reflect.get(ours, 'base'), whole);
    assert.equal(ours.getText(), theirs.getText());
    assert.ok(ours.getText().includes('"StartAt": "AHello"'));
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

  it('finds the lines of a text of line breaks only (more lines than the room first made for them), and edits them', () => {
    const content = '\n\r\n\r'.repeat(3_000);
    const ours = new EditorDocument('file:///breaks.asl.json', 'asl', 1, content);
    const theirs = TextDocument.create('file:///breaks.asl.json', 'asl', 1, content);
    const index = new LineIndex(content);
    assert.equal(ours.lineCount, theirs.lineCount);
    for (let offset = 0; offset <= content.length; offset += 7) {
      assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
      assert.equal(index.positionAt(offset).line, theirs.positionAt(offset).line);
    }
    const edits: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '\n'.repeat(20_000) },
      { range: { start: { line: 5, character: 0 }, end: { line: 15_000, character: 0 } }, text: 'x\r\ny' },
    ];
    ours.update(edits, 2);
    TextDocument.update(theirs, edits, 2);
    assert.equal(ours.lineCount, theirs.lineCount);
    for (let offset = 0; offset <= theirs.getText().length; offset += 7) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset));
  });
});
