import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineStartsOf } from '../core/document/lineIndex';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Edits applied since the text was last read whole: `base`'s [start, end) replaced by `text`. Typing puts each
 * keystroke next to the last, so one window holds them all until someone reads the whole text.
 */
interface PendingEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Edits further apart than this are not gathered into one window: the text between them would be copied into it.
 */
const PENDING_SPAN_LIMIT = 16 * 1024;

/**
 * The server's copy of an open document, as vscode-languageserver-textdocument keeps it (same positions, same
 * incremental updates), except that:
 * - its line starts are found with `indexOf`, which runs at native speed from the first call, and kept in a typed
 *   array (see lineStartsOf): the library walks the text a character at a time, and on a 2 MB file that loop ran
 *   for 20 to 60 ms of the first request after opening it, interpreted while the optimizing compiler was busy with
 *   the validator;
 * - an edit does not make a new whole text: the edits since the text was last read whole are kept beside it (see
 *   PendingEdit) and applied when it is next read whole. Each whole text of a 2 MB document is 2 MB of fresh
 *   memory, so several keystrokes before the next analysis (VS Code sends each as soon as it is typed) cost one
 *   such text, not one each.
 */
export class EditorDocument implements TextDocument {
  /** Offset of each line's first character, found when a position is first needed; its buffer may have room for more (see withTailMoved). */
  private starts: Uint32Array | undefined;
  private pending: PendingEdit | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private base: string,
    private readonly pendingSpanLimit = PENDING_SPAN_LIMIT,
  ) {}

  getText(range?: Range): string {
    if (!range) return this.wholeText();
    return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.length));
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
    if (position.line >= starts.length) return this.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    return this.beforeLineBreak(Math.min(start + position.character, this.lineEnd(position.line)), start);
  }

  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = Math.min(line, starts.length - 1);
    const end = line >= starts.length ? this.length : this.beforeLineBreak(this.lineEnd(line), starts[line]);
    return { start: { line: last, character: 0 }, end: { line: last, character: end - starts[last] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return '';
    const next = this.lineEnd(line);
    return this.slice(this.beforeLineBreak(next, starts[line]), next);
  }

  /** Applies the editor's changes, in order, and takes the new version number. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change)) {
        this.base = change.text;
        this.pending = undefined;
        this.starts = undefined;
        continue;
      }
      const range = ordered(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      this.replace(start, end, change.text);
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
      // The inserted text's own line starts, after its first (0).
      const inserted = lineStartsOf(change.text);
      const added = inserted.length - 1;
      if (added !== removed) starts = this.starts = withTailMoved(starts, startLine + 1 + removed, added - removed);
      for (let i = 1; i <= added; i++) starts[startLine + i] = start + inserted[i];
      const shift = change.text.length - (end - start);
      if (shift !== 0) for (let i = startLine + 1 + added; i < starts.length; i++) starts[i] += shift;
    }
    this.version = version;
  }

  /** The current text's length. */
  private get length(): number {
    const pending = this.pending;
    return pending ? this.base.length - (pending.end - pending.start) + pending.text.length : this.base.length;
  }

  /** The whole current text, the pending edit applied. */
  private wholeText(): string {
    const pending = this.pending;
    if (pending) {
      this.base = this.base.substring(0, pending.start) + pending.text + this.base.substring(pending.end);
      this.pending = undefined;
    }
    return this.base;
  }

  /** The current text's [start, end) replaced by `text`: kept as the pending edit when it can join it. */
  private replace(start: number, end: number, text: string): void {
    const pending = this.pending;
    if (!pending) {
      this.pending = { start, end, text };
      return;
    }
    // The window the pending edit covers in the current text, widened to take this edit.
    const windowEnd = pending.start + pending.text.length;
    const from = Math.min(start, pending.start);
    const to = Math.max(end, windowEnd);
    if (to - from > this.pendingSpanLimit) {
      this.wholeText();
      this.pending = { start, end, text };
      return;
    }
    // `from` is at or before the window: the same offset in the base; `to` is at or after it: shifted back by
    // what the pending edit added.
    this.pending = {
      start: from,
      end: to - pending.text.length + (pending.end - pending.start),
      text: this.slice(from, start) + text + this.slice(end, to),
    };
  }

  /** The current text's [start, end) (swapped when reversed, as `substring` does), without making the whole text. */
  private slice(from: number, to: number): string {
    const start = Math.min(from, to);
    const end = Math.max(from, to);
    const pending = this.pending;
    if (!pending || end <= pending.start) return this.base.substring(start, end);
    const windowEnd = pending.start + pending.text.length;
    const shift = pending.end - windowEnd;
    if (start >= windowEnd) return this.base.substring(start + shift, end + shift);
    const before = start < pending.start ? this.base.substring(start, pending.start) : '';
    const inside = pending.text.substring(Math.max(start, pending.start) - pending.start, Math.min(end, windowEnd) - pending.start);
    const after = end > windowEnd ? this.base.substring(windowEnd + shift, end + shift) : '';
    return before + inside + after;
  }

  private charCodeAt(offset: number): number {
    const pending = this.pending;
    if (!pending || offset < pending.start) return this.base.charCodeAt(offset);
    const inWindow = offset - pending.start;
    if (inWindow < pending.text.length) return pending.text.charCodeAt(inWindow);
    return this.base.charCodeAt(pending.end + inWindow - pending.text.length);
  }

  private lineStarts(): Uint32Array {
    return (this.starts ??= lineStartsOf(this.wholeText()));
  }

  /** Where line `line` ends, its line break included (the next line's start, or the end of the text). */
  private lineEnd(line: number): number {
    const starts = this.lineStarts();
    return line + 1 < starts.length ? starts[line + 1] : this.length;
  }

  /** `offset` moved back before any line break characters, but not before `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.charCodeAt(at - 1))) at--;
    return at;
  }

  private isCrLfAt(offset: number): boolean {
    return this.charCodeAt(offset) === CARRIAGE_RETURN && this.charCodeAt(offset + 1) === LINE_FEED;
  }
}

/**
 * `starts` with its entries from `from` on moved `delta` places (the places opened are the caller's to fill), in
 * the same buffer while it has room: an edit that adds or removes lines moves the lines after it, and makes no new
 * array of every line (300 KB of fresh memory on 5,000 states) unless the buffer is full.
 */
function withTailMoved(starts: Uint32Array, from: number, delta: number): Uint32Array {
  const length = starts.length + delta;
  if (delta < 0) {
    starts.copyWithin(from + delta, from);
    return starts.subarray(0, length);
  }
  if (starts.byteOffset + length * Uint32Array.BYTES_PER_ELEMENT <= starts.buffer.byteLength) {
    const longer = new Uint32Array(starts.buffer, starts.byteOffset, length);
    longer.copyWithin(from + delta, from, starts.length);
    return longer;
  }
  const grown = new Uint32Array(length + (length >> 2) + 16);
  grown.set(starts.subarray(0, from));
  grown.set(starts.subarray(from), from + delta);
  return grown.subarray(0, length);
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
