import { findNodeAt, spanContains, spanEnd, type AstNode, type ObjectNode, type PropertyNode } from '../document/ast';
import type { StateMachineModel } from '../model/types';
import { cursorContext, siteOf, type CursorContext } from './cursorContext';

/**
 * What the cursor is on in a YAML document. A block mapping's tree ends at its last value, so a cursor on a new
 * line (where a key is being typed) or after `Next: ` with nothing yet is not inside any node: the line says what it
 * is, and the mapping is the one whose keys sit at the cursor's column. Flow collections and existing scalars are
 * found as in JSON.
 */
export function yamlCursorContext(model: StateMachineModel, text: string, offset: number): CursorContext {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  const node = findNodeAt(model.root, offset);
  if (node?.kind === 'string' && node.parent?.kind === 'array' && offset > node.span.offset) return arrayItem(node.parent, node);

  const keyLine = /^(\s*)(-\s+)?([^\s:#'"{[][^:#]*|"[^"]*|'[^']*)?$/.exec(before);
  if (keyLine) {
    const column = keyLine[1].length + (keyLine[2]?.length ?? 0);
    if (keyLine[2]) {
      const array = blockArrayAt(model.root, text, keyLine[1].length, offset);
      if (array && arrayHolder(array)?.key === 'ErrorEquals') return arrayItem(array, node?.kind === 'string' ? node : undefined);
      // A new item of a list of Choice rules (Choices, And, Or): a rule is typed after the dash.
      if (array && RULE_LISTS.has(arrayHolder(array)?.key ?? '') && keyLine[3]?.includes(' ') !== true) return arrayItem(array, undefined);
      if (array) return { kind: 'none' };
    }
    const object = blockObjectAt(model.root, text, column, offset);
    if (!object) return { kind: 'none' };
    const property = object.properties.find((p) => spanContains(p.keySpan, offset) && offset > p.keySpan.offset);
    return { kind: 'key', object, property, site: siteOf(model, object) };
  }

  const valueLine = /^(\s*)(-\s+)?([^\s:#][^:#]*?|"[^"]*"|'[^']*'):(\s+)(\S[^#]*)?$/.exec(before);
  if (valueLine) {
    const keyOffset = start + valueLine[1].length + (valueLine[2]?.length ?? 0);
    const found = propertyAtKey(model.root, keyOffset);
    if (found && found.object.properties.length > 0) {
      const value = found.property.value;
      const onValue = value && value.kind !== 'object' && value.kind !== 'array' && !(value.kind === 'null' && value.span.length === 0) ? value : undefined;
      return { kind: 'value', object: found.object, property: found.property, node: onValue, site: siteOf(model, found.object) };
    }
  }
  return cursorContext(model, offset);
}

const RULE_LISTS = new Set(['Choices', 'And', 'Or']);

function arrayItem(array: AstNode, node: AstNode | undefined): CursorContext {
  const holder = array.parent;
  const property = holder?.kind === 'object' ? holder.properties.find((p) => p.value === array) : undefined;
  return { kind: 'arrayItem', array, node, property, object: holder?.kind === 'object' ? holder : undefined };
}

function arrayHolder(array: AstNode): PropertyNode | undefined {
  const holder = array.parent;
  return holder?.kind === 'object' ? holder.properties.find((p) => p.value === array) : undefined;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Whether a line between `from` and the cursor's line is indented less than `column` (the block ended there). */
function endedBefore(text: string, from: number, offset: number, column: number): boolean {
  const cursorLine = text.lastIndexOf('\n', offset - 1) + 1;
  let at = text.indexOf('\n', from);
  while (at >= 0 && at + 1 < cursorLine) {
    const line = text.slice(at + 1, text.indexOf('\n', at + 1) < 0 ? undefined : text.indexOf('\n', at + 1));
    const indent = /^\s*/.exec(line)![0].length;
    if (line.trim() !== '' && !line.trim().startsWith('#') && indent < column) return true;
    at = text.indexOf('\n', at + 1);
  }
  return false;
}

/** The block mapping above the cursor whose keys sit at `column`, closest first, if the cursor is still inside it. */
function blockObjectAt(root: AstNode | undefined, text: string, column: number, offset: number): ObjectNode | undefined {
  let best: ObjectNode | undefined;
  visit(root, (node) => {
    if (node.kind !== 'object' || node.properties.length === 0 || node.span.offset >= offset || text[node.span.offset] === '{') return;
    const first = node.properties[0];
    if (first.keySpan.offset !== node.span.offset || columnOf(text, first.keySpan.offset) !== column) return;
    if (!best || node.span.offset > best.span.offset) best = node;
  });
  if (!best) return undefined;
  const members = best.properties.filter((p) => p.keySpan.offset < offset);
  const last = members.at(-1);
  return last && !endedBefore(text, spanEnd(last.span), offset, column) ? best : undefined;
}

/** The block sequence above the cursor whose dashes sit at `column`, if the cursor is still inside it. */
function blockArrayAt(root: AstNode | undefined, text: string, column: number, offset: number): AstNode | undefined {
  let best: AstNode | undefined;
  visit(root, (node) => {
    if (node.kind !== 'array' || node.items.length === 0 || node.span.offset >= offset || text[node.span.offset] === '[') return;
    const dash = text.lastIndexOf('-', node.items[0].span.offset);
    if (dash < 0 || columnOf(text, dash) !== column) return;
    if (!best || node.span.offset > best.span.offset) best = node;
  });
  if (!best || best.kind !== 'array') return undefined;
  const last = best.items.filter((i) => i.span.offset < offset).at(-1);
  return last && !endedBefore(text, spanEnd(last.span), offset, column) ? best : undefined;
}

function propertyAtKey(root: AstNode | undefined, keyOffset: number): { object: ObjectNode; property: PropertyNode } | undefined {
  let found: { object: ObjectNode; property: PropertyNode } | undefined;
  visit(root, (node) => {
    if (found || node.kind !== 'object') return;
    const property = node.properties.find((p) => p.keySpan.offset === keyOffset);
    if (property) found = { object: node, property };
  });
  return found;
}

function visit(root: AstNode | undefined, each: (node: AstNode) => void): void {
  const stack: AstNode[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    each(node);
    if (node.kind === 'object') for (const p of node.properties) if (p.value) stack.push(p.value);
    if (node.kind === 'array') stack.push(...node.items);
  }
}
