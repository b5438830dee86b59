import { spanInString } from '../../document/stringOffsets';
import { looksLikeIntrinsic, parseIntrinsic, type IntrinsicCall } from '../../expressions/intrinsics';
import { parseJsonata, variablesUsed, walkJsonata, type JsonataNode } from '../../expressions/jsonata';
import { JSONATA_BUILTINS } from '../../expressions/jsonataBuiltins';
import { parseJsonPath } from '../../expressions/jsonPath';
import type { Scope } from '../../model/types';
import { expressionSites, type ExpressionSite } from '../expressionSites';
import { assignedByScope } from '../variables';
import type { Rule } from '../types';

export const unknownVariable: Rule = {
  code: 'unknown-variable',
  defaultSeverity: 'warning',
  locality: 'state',
  description:
    'A variable that no Assign in this scope or an enclosing one sets (AWS fails at run time); inside a Distributed Map, outer variables are not visible at all (error).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Parameters": { "id.$": "$orderId" }, "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "orderId": 1 }, "Next": "B" }, "B": { "Type": "Pass", "Parameters": { "id.$": "$orderId" }, "End": true } } }',
  },
  check(ctx) {
    const byScope = assignedByScope(ctx.machine);
    for (const site of expressionSites(ctx.model)) {
      for (const ref of references(site)) {
        const visibility = lookup(site.state.scope, ref.name, byScope);
        if (visibility === 'visible') continue;
        const span = spanInString(ctx.doc.text, site.node, ref.offset, ref.name.length + 1);
        if (visibility === 'hidden-by-distributed-map') {
          ctx.report({
            span,
            severity: 'error',
            message: `'$${ref.name}' is assigned outside this Distributed Map, whose child executions cannot read outer variables: pass it in ItemSelector`,
          });
        } else {
          ctx.report({ span, message: `No Assign sets the variable '$${ref.name}' in this scope: it fails at run time` });
        }
      }
    }
  },
};

function lookup(scope: Scope, name: string, byScope: Map<Scope, Set<string>>): 'visible' | 'unknown' | 'hidden-by-distributed-map' {
  let crossedDistributed = false;
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (byScope.get(s)?.has(name)) return crossedDistributed ? 'hidden-by-distributed-map' : 'visible';
    if (s.distributed) crossedDistributed = true;
  }
  return 'unknown';
}

/** Variable references in one expression, with the offset of their `$` inside the string value. */
function references(site: ExpressionSite): { name: string; offset: number }[] {
  const value = site.node.value;
  if (site.kind === 'jsonata') {
    if (!value.startsWith('{%') || !value.endsWith('%}') || !value.includes('$')) return [];
    const parsed = parseJsonata(value.slice(2, -2));
    if (!parsed.ok) return [];
    const bound = boundNames(parsed.value);
    return variablesUsed(parsed.value)
      .filter((v) => !bound.has(v.name) && !JSONATA_BUILTINS.has(v.name))
      .map((v) => ({ name: v.name, offset: 2 + Math.max(0, v.position - v.name.length - 1) }));
  }
  if (!value.startsWith('$') && !looksLikeIntrinsic(value)) return [];
  if (looksLikeIntrinsic(value)) {
    const parsed = parseIntrinsic(value);
    return parsed.ok ? intrinsicRefs(parsed.value) : [];
  }
  const path = parseJsonPath(value);
  return path.ok && path.value.root === 'variable' ? [{ name: path.value.variable!, offset: 0 }] : [];
}

function intrinsicRefs(call: IntrinsicCall): { name: string; offset: number }[] {
  return call.args.flatMap((arg) => {
    if (arg.kind === 'call') return intrinsicRefs(arg.value);
    if (arg.kind !== 'path') return [];
    const path = parseJsonPath(arg.value);
    return path.ok && path.value.root === 'variable' ? [{ name: path.value.variable!, offset: arg.offset }] : [];
  });
}

/** Names the expression binds itself: `$x := ...`, lambda parameters, `@$v` and `#$i` bindings. */
function boundNames(ast: JsonataNode): Set<string> {
  const bound = new Set<string>();
  walkJsonata(ast, (node) => {
    const lhs = node.lhs as JsonataNode | undefined;
    if (node.type === 'bind' && lhs?.type === 'variable') bound.add(String(lhs.value));
    if (node.type === 'lambda' && Array.isArray(node.arguments)) {
      for (const a of node.arguments as JsonataNode[]) bound.add(String(a.value));
    }
    for (const key of ['focus', 'index'] as const) if (typeof node[key] === 'string') bound.add(node[key] as string);
  });
  return bound;
}

