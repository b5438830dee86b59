import { isMap, isScalar } from 'yaml';
import { getProperty, ownSpan, spanEnd, type ArrayNode, type AstNode, type ObjectNode, type PropertyNode } from './ast';
import { changedRange, type ChangedRange } from './changedRange';
import type { ParsedDocument } from './parseDocument';
import { parseYamlDocument, readYamlSlice } from './yamlParser';
import { shiftNode, shiftProperty } from './subtreeReuse';
import { yamlNodeToTree } from './yamlTree';
import { lineEnd, lineStart } from './lineBounds';

/**
 * A new version of a YAML document from the previous one. When the edit lies inside one state of a `States` block
 * mapping (the common case: typing in a state; the innermost one, inside Parallel branches and Map processors),
 * only that state's lines are read again and its
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

/** A node on the way from the root to the edited state: its end is set again from its members after the edit. */
type PathNode = ObjectNode | ArrayNode | PropertyNode;

/** The state whose lines hold the whole change, in the innermost States block that does, with the way to it. */
interface Target {
  states: ObjectNode;
  index: number;
  /** From the root down to `states` (included), outermost first. */
  path: PathNode[];
  /** The states that hold `states` (a Parallel's or Map's), outermost first: their nodes change. */
  owners: PropertyNode[];
}

function replaceState(previous: ParsedDocument, text: string, change: ChangedRange): ParsedDocument | undefined {
  const old = previous.text;
  const root = previous.root;
  if (root?.kind !== 'object' || isFlow(old, root)) return undefined;
  const target = innermostState(old, root, change);
  if (!target) return undefined;
  const { states, index } = target;
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
  // The key must stay on the chunk's first line at its column (a newline typed in its indentation moves it out).
  if (lineStart(text, replacement.keySpan.offset) !== chunkStart || replacement.keySpan.offset - chunkStart !== column) return undefined;
  if (replacement.key !== prop.key && states.properties.some((p) => p.key === replacement.key)) return undefined;

  moveAfter(root, change.oldEnd, delta, prop);
  states.properties[index] = replacement;
  replacement.value!.parent = states;
  // A block collection ends where its last member ends, and the replaced state may now end elsewhere than the old
  // one plus the edit's length (its last line turned into a comment by a typed `#`, trailing spaces): the
  // collections around it take their ends from their members again, innermost first.
  for (const node of [...target.path].reverse()) endAtMembers(node);
  // The Parallel and Map states around the edited one hold other text now: they get new nodes, so what was derived
  // from the old ones (their models and problems, cached by node) is not reused; their other states' nodes are.
  for (const owner of target.owners) renew(owner);
  return { text, root, syntaxProblems: [], format: 'yaml', sharedSpans: [] };
}

/**
 * The state of the innermost States block whose lines hold the whole change: down from the root's States into a
 * Parallel's Branches and a Map's ItemProcessor (or Iterator), through block collections only.
 */
function innermostState(text: string, root: ObjectNode, change: ChangedRange): Target | undefined {
  const holds = (span: { offset: number; length: number }) => lineStart(text, span.offset) <= change.start && change.oldEnd <= lineEnd(text, spanEnd(span));
  let found: Target | undefined;
  let holder: ObjectNode = root;
  let path: PathNode[] = [root];
  const owners: PropertyNode[] = [];
  for (let depth = 0; depth < 64; depth++) {
    const statesProp = getProperty(holder, 'States');
    const states = statesProp?.value;
    if (!statesProp || states?.kind !== 'object' || isFlow(text, states)) return found;
    const index = states.properties.findIndex((p) => holds(p.span));
    const prop = states.properties[index];
    if (!prop) return found;
    path = [...path, statesProp, states];
    found = { states, index, path, owners: [...owners] };
    const state = prop.value;
    if (state?.kind !== 'object' || isFlow(text, state)) return found;
    const inner = nestedHolder(text, state, holds);
    if (!inner) return found;
    owners.push(prop);
    path = [...path, prop, state, ...inner.path];
    holder = inner.holder;
  }
  return found;
}

/** The Branches item or ItemProcessor / Iterator object of a state that holds the change, with the nodes to it. */
function nestedHolder(text: string, state: ObjectNode, holds: (span: { offset: number; length: number }) => boolean): { holder: ObjectNode; path: PathNode[] } | undefined {
  const branches = getProperty(state, 'Branches');
  if (branches?.value?.kind === 'array' && text[branches.value.span.offset] !== '[') {
    const item = branches.value.items.find((i) => i.kind === 'object' && holds(i.span));
    if (item?.kind === 'object' && !isFlow(text, item)) return { holder: item, path: [branches, branches.value, item] };
  }
  for (const key of ['ItemProcessor', 'Iterator']) {
    const processor = getProperty(state, key);
    if (processor?.value?.kind === 'object' && !isFlow(text, processor.value) && holds(processor.value.span)) return { holder: processor.value, path: [processor, processor.value] };
  }
  return undefined;
}

function endAtMembers(node: PathNode): void {
  if ('key' in node) {
    node.span.length = Math.max(spanEnd(node.keySpan), node.value ? spanEnd(node.value.span) : 0) - node.keySpan.offset;
    return;
  }
  const members = node.kind === 'object' ? node.properties.map((p) => p.span) : node.items.map((i) => i.span);
  node.span.length = Math.max(node.span.offset, ...members.map(spanEnd)) - node.span.offset;
}

/** Gives a state's object a new identity (a copy holding the same members), its members' parent links moved to it. */
function renew(prop: PropertyNode): void {
  const old = prop.value;
  if (old?.kind !== 'object') return;
  const copy = ownSpan<ObjectNode>({ ...old, properties: [...old.properties] });
  for (const p of copy.properties) if (p.value) p.value.parent = copy;
  prop.value = copy;
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

function isFlow(text: string, node: ObjectNode): boolean {
  return text[node.span.offset] === '{';
}
