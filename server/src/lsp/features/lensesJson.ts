import type { CodeLensesRequest } from '../../protocol';

type StateCell = CodeLensesRequest.StateCell;

/**
 * The LSP code lenses of one document as JSON, written from the compact answer: pieces that join into the text of
 * `JSON.stringify(CodeLensesRequest.expand(result))`. Each state's lenses are kept as JSON around the document
 * version they carry, and used again for the next version where the state's cell is the same: after a keystroke,
 * all but those of the states whose names it moved.
 */
export class LensesJson {
  private cells = new Map<string, StateLensTexts>();

  /** The JSON in pieces, for a RawJson. */
  write(result: CodeLensesRequest.Result): string[] {
    const parts: string[] = ['['];
    let first = true;
    for (const lens of result.lenses) {
      if (!first) parts.push(',');
      parts.push(JSON.stringify(lens));
      first = false;
    }
    const cells = new Map<string, StateLensTexts>();
    for (const { data, states } of result.byDefinition) {
      const [document, version, definition] = data;
      const versionText = JSON.stringify(version);
      // Cells are kept by their definition: one of a template's machines is never another's.
      const key = `${document},${definition}`;
      const before = this.cells.get(key);
      const texts: StateLensTexts = { cells: states, texts: [] };
      cells.set(key, texts);
      for (let i = 0; i < states.length; i++) {
        const cell = states[i];
        const lenses = before && sameCell(cell, before.cells[i]) ? before.texts[i] : lensTexts(cell, document, definition);
        texts.texts.push(lenses);
        for (let j = 0; j < lenses.length; j += 2) {
          // Kept with the comma before it: all but the answer's first lens have one.
          parts.push(first ? lenses[j].slice(1) : lenses[j], versionText, lenses[j + 1]);
          first = false;
        }
      }
    }
    parts.push(']');
    this.cells = cells;
    return parts;
  }
}

interface StateLensTexts {
  cells: StateCell[];
  /** Per cell, its lenses' JSON in pairs: what comes before the version (from the comma before the lens), then after it. */
  texts: string[][];
}

function lensTexts(cell: StateCell, document: number, definition: number): string[] {
  const [line, character, endLine, endCharacter, state, mask] = cell;
  // What JSON.stringify writes for `expand`'s lens (whole numbers), joined into flat strings (see symbolsJson.ts).
  const before = [',{"range":{"start":{"line":', line, ',"character":', character, '},"end":{"line":', endLine, ',"character":', endCharacter, '}},"data":[', document, ','].join('');
  const texts: string[] = [];
  for (let kinds = mask, kind = 0; kinds > 0; kinds >>>= 1, kind++) {
    if (kinds & 1) texts.push(before, [',', definition, ',', state, ',', kind, ']}'].join(''));
  }
  return texts;
}

function sameCell(cell: StateCell, before: StateCell | undefined): boolean {
  if (!before) return false;
  for (let i = 0; i < 6; i++) if (cell[i] !== before[i]) return false;
  return true;
}
