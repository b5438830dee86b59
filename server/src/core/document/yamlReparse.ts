import { isMap, isScalar } from 'yaml';
import { getProperty, spanEnd, type AstNode, type ObjectNode, type PropertyNode } from './ast';
import { changedRange, type ChangedRange } from './changedRange';
import type { ParsedDocument } from './parseDocument';
import { parseYamlDocument, readYamlSlice } from './yamlParser';
import { shiftNode, shiftProperty } from './subtreeReuse';
import { yamlNodeToTree } from './yamlTree';
import { lineEnd, lineStart } from './lineBounds';

/**
 * A new version of a YAML document from the previous one. When the edit lies inside one state of the top-level
 * `States` block mapping (the common case: typing in a state), only that state's lines are read again and its
 * new subtree replaces the old one; every other node is kept and moved in place (so the previous tree must not be
 * used afterwards), and the models and problems of the other states are reused. Otherwise, and whenever the
 * document has syntax problems or aliases, the whole text is read again. Equals `parseYamlDocument(text)`.
 */
export function reparseYamlDocument(previous: ParsedDocument, text: string): ParsedDocument {
  const change = changedRange(previous.text, text);
  if (!change) return previous;
  const simple = previous.root && previous.syntaxProblems.length === 0 && !previous.sharedSpans?.length;
  return (simple && replaceState(previous, text, change)) || parseYamlDocument(text);
}

function replaceState(previous: ParsedDocument, text: string, change: ChangedRange): ParsedDocument | undefined {
  const old = previous.text;
  const root = previous.root;
  if (root?.kind !== 'object' || isFlow(old, root)) return undefined;
  const states = getProperty(root, 'States')?.value;
  if (states?.kind !== 'object' || isFlow(old, states)) return undefined;
  const index = states.properties.findIndex((p) => lineStart(old, p.keySpan.offset) <= change.start && change.oldEnd <= lineEnd(old, spanEnd(p.span)));
  const prop = states.properties[index];
  if (!prop?.value || prop.value.kind !== 'object' || isFlow(old, prop.value) || states.properties.some((p, i) => i !== index && p.key === prop.key)) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const chunkStart = lineStart(old, prop.keySpan.offset);
  const chunkEnd = lineEnd(old, spanEnd(prop.span)) + delta;
  const column = prop.keySpan.offset - chunkStart;
  if (continuesAfter(text, chunkEnd, column)) return undefined;

  const source = readYamlSlice(text, chunkStart, chunkEnd);
  const contents = source.document.contents;
  if (source.problems.length > 0 || !isMap(contents) || contents.items.length !== 1 || !isScalar(contents.items[0].key)) return undefined;
  const tree = yamlNodeToTree(source, contents);
  const replacement = tree.root?.kind === 'object' ? tree.root.properties[0] : undefined;
  if (!replacement?.value || tree.problems.length > 0 || tree.sharedSpans.length > 0) return undefined;
  if (replacement.keySpan.offset - chunkStart !== column || replacement.key !== prop.key && states.properties.some((p) => p.key === replacement.key)) return undefined;

  moveAfter(root, change.oldEnd, delta, prop);
  states.properties[index] = replacement;
  replacement.value!.parent = states;
  // A block collection ends where its last member ends, and the replaced state may now end elsewhere than the old
  // one plus the edit's length (its last line turned into a comment by a typed `#`, trailing spaces): the
  // collections around it take their ends from their members again.
  endAtMembers(states);
  endAtValue(getProperty(root, 'States')!);
  endAtMembers(root);
  return { text, root, syntaxProblems: [], format: 'yaml', sharedSpans: [] };
}

/** Whether the first line after `end` that holds anything is indented past `column` (it would belong to the chunk). */
function continuesAfter(text: string, end: number, column: number): boolean {
  const rest = /^(?:\r?\n(?:[ \t]*(?:#[^\n]*)?(?=\r?\n)|[ \t]*$))*\r?\n([ \t]*)\S/.exec(text.slice(end, end + 10_000));
  return rest ? rest[1].length > column : false;
}

/**
 * Moves the tree's nodes to the new text: nodes after the change shift by `delta`, nodes around it grow by
 * `delta`; `skip` (the property being replaced) is left alone.
 */
function moveAfter(node: AstNode, oldEnd: number, delta: number, skip: PropertyNode): void {
  if (node.span.offset >= oldEnd) return shiftNode(node, delta);
  if (spanEnd(node.span) < oldEnd) return;
  node.span.length += delta;
  if (node.kind === 'object') {
    for (const p of node.properties) {
      if (p === skip) continue;
      if (p.keySpan.offset >= oldEnd) {
        shiftProperty(p, delta);
      } else if (spanEnd(p.span) >= oldEnd) {
        p.span.length += delta;
        if (p.value) moveAfter(p.value, oldEnd, delta, skip);
      }
    }
  } else if (node.kind === 'array') {
    for (const item of node.items) moveAfter(item, oldEnd, delta, skip);
  }
}

function endAtMembers(node: ObjectNode): void {
  node.span.length = Math.max(node.span.offset, ...node.properties.map((p) => spanEnd(p.span))) - node.span.offset;
}

function endAtValue(prop: PropertyNode): void {
  prop.span.length = Math.max(spanEnd(prop.keySpan), prop.value ? spanEnd(prop.value.span) : 0) - prop.keySpan.offset;
}

function isFlow(text: string, node: ObjectNode): boolean {
  return text[node.span.offset] === '{';
}
