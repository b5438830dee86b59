import type { AstNode } from '../../document/ast';
import type { Rule, ValidationContext } from '../types';

export const duplicateKey: Rule = {
  code: 'duplicate-key',
  defaultSeverity: 'error',
  locality: 'machine',
  description: 'The same key twice in one JSON object: AWS rejects the definition (and tools disagree on which value wins).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true, "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }',
  },
  check(ctx) {
    if (ctx.doc.root) visit(ctx, ctx.doc.root);
  },
};

function visit(ctx: ValidationContext, root: AstNode): void {
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'array') {
      stack.push(...node.items);
    } else if (node.kind === 'object') {
      const seen = new Set<string>();
      for (const prop of node.properties) {
        if (seen.has(prop.key)) ctx.report({ span: prop.keySpan, message: `Duplicate key '${prop.key}'` });
        seen.add(prop.key);
        if (prop.value) stack.push(prop.value);
      }
    }
  }
}
