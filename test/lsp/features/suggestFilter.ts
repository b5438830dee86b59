import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { applyTextEdits, offsetAt } from './cursor';

const SEPARATORS = new Set('_-. /\\\'":$<>()[]{}');

/**
 * Would VS Code's suggest widget keep this item? It filters by the text from the item's range start to the
 * cursor (the "word") against `filterText ?? label` with `fuzzyScore` and `firstMatchCanBeWeak: false`: the
 * word's characters must appear in order (ignoring case), the first one at the start of the filter text, after a
 * separator (`"`, `.`, `$`, space, ...) or at a lower-to-upper case change. An empty word keeps every item.
 * This is a conservative model of vs/base/common/filters.ts; the end-to-end tests check the real widget.
 */
export function survivesFilter(word: string, item: CompletionItem): boolean {
  const target = item.filterText ?? item.label;
  if (word.length === 0) return true;
  if (word.length > target.length) return false;
  const lower = target.toLowerCase();
  const pattern = word.toLowerCase();
  for (let start = 0; start < target.length; start++) {
    if (lower[start] !== pattern[0] || !strongAt(target, start)) continue;
    let j = 1;
    for (let i = start + 1; i < target.length && j < pattern.length; i++) if (lower[i] === pattern[j]) j++;
    if (j === pattern.length) return true;
  }
  return false;
}

function strongAt(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1];
  if (SEPARATORS.has(before)) return true;
  return text[i] !== text[i].toLowerCase() && before === before.toLowerCase();
}

/** The text VS Code filters an item by: from its edit range's start to the cursor (which the range must hold). */
export function filterWord(text: string, offset: number, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const start = offsetAt(text, edit.range.start);
  const end = offsetAt(text, edit.range.end);
  if (edit.range.start.line !== edit.range.end.line) throw new Error(`${item.label}: range spans lines`);
  if (start > offset || end < offset) throw new Error(`${item.label}: range [${start}, ${end}] does not hold the cursor ${offset}`);
  return text.slice(start, offset);
}

/** Accepts an item as VS Code does: its edit and additional edits, snippet placeholders filled with their defaults. */
export function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText;
  return applyTextEdits(text, [{ range: edit.range, newText }, ...(item.additionalTextEdits ?? [])]);
}

export function expandSnippet(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\\$/g, '$');
}
