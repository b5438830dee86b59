import type { AstNode } from '../../document/ast';
import type { Rule, ValidationContext } from '../types';

export const duplicateKey: Rule = {
  code: 'duplicate-key',
  defaultSeverity: 'error',
  locality: 'state',
  description: 'The same key twice in one JSON object: AWS rejects the definition (and tools disagree on which value wins).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true, "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }',
  },
  check(ctx) {
    // Each state's own objects; the top level without the states (whose names are still checked).
    const { root, rootScope, states } = ctx.model;
    if (root && states.length === 0) visit(ctx, root, [rootScope?.statesNode]);
    for (const state of states) visit(ctx, state.node, state.children.map((scope) => scope.statesNode));
  },
};

/** Checks every object under `from`; of a `States` object in `statesObjects`, only its keys (the states are checked apart). */
function visit(ctx: ValidationContext, from: AstNode, statesObjects: (AstNode | undefined)[]): void {
  const stack: AstNode[] = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'array') {
      for (const item of node.items) stack.push(item);
    } else if (node.kind === 'object') {
      const descend = !statesObjects.includes(node);
      for (const prop of duplicates(node.properties)) ctx.report({ span: prop.keySpan, message: `Duplicate key '${prop.key}'` });
      if (descend) for (const prop of node.properties) if (prop.value) stack.push(prop.value);
    }
  }
}

/** Every property whose key an earlier one has: a scan for the few keys of most objects, a set for many. */
function duplicates<P extends { key: string }>(props: readonly P[]): P[] {
  if (props.length <= 16) {
    let found: P[] | undefined;
    for (let i = 1; i < props.length; i++) {
      for (let j = 0; j < i; j++) {
        if (props[j].key === props[i].key) {
          (found ??= []).push(props[i]);
          break;
        }
      }
    }
    return found ?? NONE;
  }
  const seen = new Set<string>();
  return props.filter((p) => seen.size === seen.add(p.key).size);
}

const NONE: never[] = [];
