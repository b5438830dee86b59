import { memoized } from '../model/modelMemo';
import { findNodeAt, spanContains, type AstNode, type ObjectNode, type PropertyNode } from '../document/ast';
import type { StateMachineModel, StateModel } from '../model/types';
import { schemaSites, type SchemaSite } from '../validation/schemaSites';

/** What the cursor is on, in terms the features understand. */
export type CursorContext =
  | { kind: 'key'; object: ObjectNode; property?: PropertyNode; site?: SchemaSite }
  | { kind: 'value'; object: ObjectNode; property: PropertyNode; node?: AstNode; site?: SchemaSite }
  | { kind: 'arrayItem'; array: AstNode; node?: AstNode; property?: PropertyNode; object?: ObjectNode }
  | { kind: 'none' };

/**
 * The schema site of an object, if it has one (a state, a retrier, ItemReader, ...): among the sites of the innermost
 * state holding it, else of the states around that one (as in `schemaSites`, a nested state's site comes first).
 * Completion asks this on each keystroke, for a new model each time: listing every site of a 5,000-state machine
 * for one object cost more than the rest of the completion.
 */
export function siteOf(model: StateMachineModel, object: ObjectNode): SchemaSite | undefined {
  if (object === model.root) return schemaSites({ ...model, states: [], memo: undefined }).find((s) => s.object === object);
  const stateOf = memoized(model, siteOf, () => new Map<AstNode, StateModel>(model.states.map((s) => [s.node, s])));
  for (let node: AstNode | undefined = object; node; node = node.parent) {
    const state = stateOf.get(node);
    const site = state && schemaSites({ ...model, root: undefined, states: [state], memo: undefined }).find((s) => s.object === object);
    if (site) return site;
  }
  return undefined;
}

export function cursorContext(model: StateMachineModel, offset: number): CursorContext {
  const node = findNodeAt(model.root, offset);
  if (!node) return { kind: 'none' };
  if (node.kind === 'object') {
    const onKey = node.properties.find((p) => spanContains(p.keySpan, offset) && offset > p.keySpan.offset);
    if (onKey) return { kind: 'key', object: node, property: onKey, site: siteOf(model, node) };
    const afterColon = node.properties.find(
      (p) => p.colonOffset >= 0 && p.colonOffset < offset && (!p.value || spanContains(p.value.span, offset)) && offsetBeforeNext(node, p, offset),
    );
    if (afterColon) return { kind: 'value', object: node, property: afterColon, node: afterColon.value, site: siteOf(model, node) };
    return { kind: 'key', object: node, site: siteOf(model, node) };
  }
  const parent = node.parent;
  if (parent?.kind === 'object') {
    const property = parent.properties.find((p) => p.value === node);
    if (property) return { kind: 'value', object: parent, property, node, site: siteOf(model, parent) };
  }
  if (parent?.kind === 'array') {
    const holder = parent.parent;
    const property = holder?.kind === 'object' ? holder.properties.find((p) => p.value === parent) : undefined;
    return { kind: 'arrayItem', array: parent, node, property, object: holder?.kind === 'object' ? holder : undefined };
  }
  if (node.kind === 'array') {
    const holder = node.parent;
    const property = holder?.kind === 'object' ? holder.properties.find((p) => p.value === node) : undefined;
    return { kind: 'arrayItem', array: node, property, object: holder?.kind === 'object' ? holder : undefined };
  }
  return { kind: 'none' };
}

/** True when `offset` comes before the next property's key (so a value-less `"Next": |` still counts). */
function offsetBeforeNext(object: ObjectNode, property: PropertyNode, offset: number): boolean {
  const index = object.properties.indexOf(property);
  const next = object.properties[index + 1];
  return !next || offset <= next.keySpan.offset;
}
