import { spanInString } from '../../document/stringOffsets';
import { parseJsonata, walkJsonata, type JsonataNode } from '../../expressions/jsonata';
import { expressionSites } from '../expressionSites';
import type { Rule } from '../types';

/** Where the expression text starts inside the string value: after `{%`. */
const OPEN = 2;

export const invalidJsonata: Rule = {
  code: 'invalid-jsonata',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    "JSONata expressions: exact '{% ... %}' delimiters, syntax (parsed with the jsonata package), and AWS's limits: no '$$', no $eval, no bare '$' or field name at the top level.",
  example: {
    bad: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Output": "{% 10 + * 2 %}", "End": true } } }',
    fixed: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Output": "{% 10 * 2 %}", "End": true } } }',
  },
  check(ctx) {
    for (const site of expressionSites(ctx.model)) {
      if (site.kind !== 'jsonata') continue;
      const value = site.node.value;
      const opens = value.startsWith('{%');
      const closes = value.endsWith('%}') && value.length >= 4;
      if (!opens && !closes) continue;
      if (!opens || !closes) {
        ctx.report({
          span: site.node.span,
          message: opens
            ? "This JSONata expression is not closed: it must end with '%}'"
            : "This looks like a JSONata expression without its opening '{%'",
        });
        continue;
      }
      const inner = value.slice(OPEN, -2);
      if (!inner.trim()) {
        ctx.report({ span: site.node.span, message: 'Empty JSONata expression' });
        continue;
      }
      const parsed = parseJsonata(inner);
      if (!parsed.ok) {
        ctx.report({
          span: spanInString(ctx.doc.text, site.node, OPEN + parsed.error.offset, parsed.error.length),
          message: `Invalid JSONata: ${parsed.error.message}`,
        });
        continue;
      }
      if (!/^\s/.test(inner) || !/\s$/.test(inner)) {
        ctx.report({
          span: site.node.span,
          severity: 'warning',
          message: "Write a space inside the delimiters: '{% expression %}' (some tools reject '{%expression%}')",
        });
      }
      for (const problem of restrictions(parsed.value)) {
        ctx.report({ span: spanInString(ctx.doc.text, site.node, OPEN + problem.offset, problem.length), message: problem.message });
      }
    }
  },
};

function restrictions(ast: JsonataNode): { message: string; offset: number; length: number }[] {
  const found: { message: string; offset: number; length: number }[] = [];
  const at = (node: JsonataNode, length: number) => Math.max(0, (node.position ?? length) - length);
  walkJsonata(ast, (node) => {
    if (node.type === 'variable' && node.value === '$') {
      found.push({ message: "'$$' is not allowed in Step Functions JSONata: use $states.context", offset: at(node, 2), length: 2 });
    }
    if (node.type === 'function' && node.procedure?.type === 'variable' && node.procedure.value === 'eval') {
      found.push({ message: '$eval is not allowed in Step Functions: use $parse', offset: at(node.procedure, 5), length: 5 });
    }
  });
  const first = ast.type === 'path' && ast.steps ? ast.steps[0] : ast;
  if (first.type === 'variable' && first.value === '') {
    found.push({ message: "A bare '$' is not allowed at the top level: use $states.input", offset: at(first, 1), length: 1 });
  } else if (first.type === 'name') {
    const name = String(first.value);
    found.push({
      message: `A field name ('${name}') is not allowed at the top level: use $states.input.${name}`,
      offset: at(first, name.length),
      length: name.length,
    });
  }
  return found;
}
