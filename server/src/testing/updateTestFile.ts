import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { isMap, isSeq, parseDocument as parseYaml, stringify as yamlStringify, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../core/document/lineIndex';
import type { KeyPath } from './testTypes';

export interface ValueEdit {
  at: KeyPath;
  value: unknown;
}

/**
 * Writes values into a test file at key paths and leaves every other character as it was: JSON through
 * jsonc-parser's edits (with the file's indentation and line ends), YAML by replacing only the text of the value
 * changed (or adding a key at the end of its map), written in the style of what it replaces.
 */
export function updateTestFile(text: string, format: 'json' | 'yaml', edits: ValueEdit[]): string {
  if (edits.length === 0) return text;
  if (format === 'yaml') return updateYaml(text, edits);
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  let out = text;
  for (const edit of edits) {
    const node = findNodeAtLocation(parseTree(out) ?? { type: 'null', offset: 0, length: 0 }, edit.at);
    if (!node) {
      out = applyEdits(out, modify(out, edit.at, edit.value, { formattingOptions }));
      continue;
    }
    // A value already there is written in its own style: on one line if it was, else expanded at its indentation.
    const old = out.slice(node.offset, node.offset + node.length);
    const lineStart = out.lastIndexOf('\n', node.offset) + 1;
    const lineIndent = /^[ \t]*/.exec(out.slice(lineStart))?.[0] ?? '';
    const written = old.includes('\n') ? JSON.stringify(edit.value, null, indent).replace(/\n/g, `${formattingOptions.eol}${lineIndent}`) : oneLine(edit.value);
    out = out.slice(0, node.offset) + written + out.slice(node.offset + node.length);
  }
  return out;
}

/** JSON on one line as people write it by hand: `{ "a": 1, "b": [1, 2] }`. */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

function updateYaml(text: string, edits: ValueEdit[]): string {
  const doc = parseYaml(text);
  const lines = new LineIndex(text);
  const column = (offset: number) => lines.positionAt(offset).character;
  const changes: TextEdit[] = [];
  for (const edit of edits) {
    const node = doc.getIn(edit.at, true) as YamlNode | undefined;
    if (node?.range) {
      const [start, end] = node.range;
      const block = (isMap(node) || isSeq(node)) && !node.flow;
      if (block && isCollection(edit.value)) changes.push({ offset: start, length: end - start, text: blockText(edit.value, column(start), true) });
      else changes.push({ offset: start, length: end - start, text: `${JSON.stringify(edit.value)}${block ? '\n' : ''}` });
      continue;
    }
    const parent = doc.getIn(edit.at.slice(0, -1), true) as YamlNode | undefined;
    if (!isMap(parent) || parent.flow || !parent.range) {
      // Not a place a key can be added as text: let the document model write it (it may restyle the file).
      doc.setIn(edit.at, doc.createNode(edit.value));
      return doc.toString({ lineWidth: 0 });
    }
    const end = parent.range[1];
    const indent = ' '.repeat(column(parent.range[0]));
    const key = String(edit.at[edit.at.length - 1]);
    const value = isCollection(edit.value) ? `\n${indent}  ${blockText(edit.value, indent.length + 2, true)}` : ` ${JSON.stringify(edit.value)}\n`;
    changes.push({ offset: end, length: 0, text: `${text[end - 1] === '\n' ? '' : '\n'}${indent}${key}:${value}` });
  }
  let out = text;
  for (const change of changes.sort((a, b) => b.offset - a.offset)) out = out.slice(0, change.offset) + change.text + out.slice(change.offset + change.length);
  return out;
}

function isCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

/** A value in block style, its first line starting where the cursor is, the others indented to `column`. */
function blockText(value: unknown, column: number, trailingNewline: boolean): string {
  const body = yamlStringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  const pad = ' '.repeat(column);
  return body.split('\n').map((line, i) => (i === 0 ? line : pad + line)).join('\n') + (trailingNewline ? '\n' : '');
}
