import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineStartsIn } from '../core/document/lineIndex';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * The server's copy of an open document, as vscode-languageserver-textdocument keeps it (same positions, same
 * incremental updates), except that its line starts are found with `indexOf`, which runs at native speed from the
 * first call: the library walks the text a character at a time, and on a 2 MB file that loop ran for 20 to 60 ms
 * of the first request after opening it, interpreted while the optimizing compiler was busy with the validator.
 */
export class EditorDocument implements TextDocument {
  /** Offset of each line's first character; computed when a position is first needed. */
  private starts: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private text: string,
  ) {}

  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: this.beforeLineBreak(at, starts[low]) - starts[low] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    return this.beforeLineBreak(Math.min(start + position.character, this.lineEnd(position.line)), start);
  }

  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, starts.length - 1);
    const end = line >= starts.length ? this.text.length : this.beforeLineBreak(this.lineEnd(line), starts[line]);
    return { start: { line: last, character: 0 }, end: { line: last, character: end - starts[last] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return '';
    const next = this.lineEnd(line);
    return this.text.substring(this.beforeLineBreak(next, starts[line]), next);
  }

  /** Applies the editor's changes, in order, and takes the new version number. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.text = change.text;
        this.starts = undefined;
        continue;
      }
      const range = ordered(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.text = this.text.substring(0, start) + change.text + this.text.substring(end);
      let starts = this.lineStarts();
      const insertedEnd = start + change.text.length;
      // A CR and an LF that the edit brings together are one line break, and a range past the last line does not
      // say which lines it replaced: count the lines again.
      if (this.isCrLfAt(start - 1) || this.isCrLfAt(insertedEnd - 1) || range.end.line >= starts.length) {
        this.starts = undefined;
        continue;
      }
      const startLine = Math.max(range.start.line, 0);
      const removed = Math.max(range.end.line, 0) - startLine;
      const added = lineStartsIn(change.text, start);
      if (added.length === removed) {
        for (let i = 0; i < added.length; i++) starts[startLine + 1 + i] = added[i];
      } else if (added.length < 10_000) {
        starts.splice(startLine + 1, removed, ...added);
      } else {
        // Too many to pass as arguments.
        starts = this.starts = starts.slice(0, startLine + 1).concat(added, starts.slice(startLine + 1 + removed));
      }
      const shift = change.text.length - (end - start);
      if (shift !== 0) for (let i = startLine + 1 + added.length; i < starts.length; i++) starts[i] += shift;
    }
    this.version = version;
  }

  private lineStarts(): number[] {
    return (this.starts ??= lineStartsIn(this.text, 0, [0]));
  }

  /** Where line `line` ends, its line break included (the next line's start, or the end of the text). */
  private lineEnd(line: number): number {
    const starts = this.lineStarts();
    return line + 1 < starts.length ? starts[line + 1] : this.text.length;
  }

  /** `offset` moved back before any line break characters, but not before `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }

  private isCrLfAt(offset: number): boolean {
    return this.text.charCodeAt(offset) === CARRIAGE_RETURN && this.text.charCodeAt(offset + 1) === LINE_FEED;
  }
}

/** For `TextDocuments`: the server's documents are EditorDocuments. */
export const editorDocuments: TextDocumentsConfiguration<EditorDocument> = {
  create: (uri, languageId, version, content) => new EditorDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};

function isLineBreak(c: number): boolean {
  return c === LINE_FEED || c === CARRIAGE_RETURN;
}

function ordered(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
