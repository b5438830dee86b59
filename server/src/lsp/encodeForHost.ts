import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import type { AnalyzedDocument } from './featureContext';

/**
 * Text meant for a definition written inside a template string (JSON in a `DefinitionString`, a heredoc, a
 * block scalar) as the file must hold it: escaped, indented; undefined when it cannot be written there. Any
 * other document takes the text as it is.
 */
export function encodeForHost(doc: AnalyzedDocument, text: string): string | undefined {
  const definition = doc.definition;
  if (!definition || definition.embedding === 'inline') return text;
  // A jsonencode() body is HCL, not JSON: only what reads the same in both (a replaced word or string) goes in.
  // Quick fixes, refactorings and rename write HCL themselves (see encodeEdits).
  if (definition.embedding === 'hcl') return /[\n:{}[\]]/.test(text) ? undefined : text;
  return definition.encode(text);
}

/**
 * The edits encoded for the template, or undefined when one cannot be written there. Edits made for the
 * document's own syntax (quick fixes, refactorings, rename: YAML, JSON or the HCL of a jsonencode() body) need no
 * encoding where the definition is the file's own text.
 */
export function encodeEdits(doc: AnalyzedDocument, edits: TextEdit[]): TextEdit[] | undefined {
  if (doc.definition?.embedding === 'hcl' && doc.analysis.doc.format === 'hcl') return edits;
  const out: TextEdit[] = [];
  for (const edit of edits) {
    const newText = encodeForHost(doc, edit.newText);
    if (newText === undefined) return undefined;
    out.push({ ...edit, newText });
  }
  return out;
}

/** Completion items whose insertions are encoded for the template; items that cannot be written there are dropped. */
export function encodeCompletions(doc: AnalyzedDocument, list: CompletionList): CompletionList {
  if (!doc.definition || doc.definition.embedding === 'inline') return list;
  // Completion writes a jsonencode() body's keys and snippets as HCL itself.
  if (doc.definition.embedding === 'hcl' && doc.analysis.doc.format === 'hcl') return list;
  const items: CompletionItem[] = [];
  for (const item of list.items) {
    const edit = item.textEdit;
    const newText = edit ? encodeForHost(doc, edit.newText) : item.insertText !== undefined ? encodeForHost(doc, item.insertText) : item.label;
    const extra = item.additionalTextEdits ? encodeEdits(doc, item.additionalTextEdits) : undefined;
    if (newText === undefined || (item.additionalTextEdits && !extra)) continue;
    items.push({
      ...item,
      ...(edit ? { textEdit: { ...edit, newText } } : item.insertText !== undefined ? { insertText: newText } : {}),
      ...(extra ? { additionalTextEdits: extra } : {}),
    });
  }
  return { ...list, items };
}
