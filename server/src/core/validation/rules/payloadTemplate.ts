import type { AstNode } from '../../document/ast';
import { schemaSites } from '../schemaSites';
import { TEMPLATE_FIELDS } from '../expressionSites';
import type { Rule, ValidationContext } from '../types';

export const payloadTemplate: Rule = {
  code: 'payload-template',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    "Payload templates: a '.$' key needs a string (path or intrinsic), two keys must not collide once '.$' is removed, and in JSONata states a '.$' key is an ordinary key (a warning).",
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Parameters": { "id": "x", "id.$": "$.id" }, "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Parameters": { "id.$": "$.id" }, "End": true } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      if (!site.state) continue;
      for (const prop of site.object.properties) {
        const jsonataField = site.queryLanguage === 'JSONata' && ['Arguments', 'Output', 'Assign', 'ItemSelector'].includes(prop.key);
        if (prop.value && (TEMPLATE_FIELDS.has(prop.key) || jsonataField)) {
          checkTemplate(ctx, prop.value, site.queryLanguage === 'JSONata');
        }
      }
    }
  },
};

function checkTemplate(ctx: ValidationContext, node: AstNode, jsonata: boolean): void {
  if (node.kind === 'array') {
    for (const item of node.items) checkTemplate(ctx, item, jsonata);
    return;
  }
  if (node.kind !== 'object') return;
  const seen = new Map<string, string>();
  for (const prop of node.properties) {
    const dynamic = prop.key.endsWith('.$');
    if (dynamic && jsonata) {
      // AWS accepts it: in a JSONata state the key is plain JSON and keeps its '.$' (issue 14). Likely a slip, so a warning.
      ctx.report({
        severity: 'warning',
        span: prop.keySpan,
        message: `In a JSONata state '${prop.key}' is an ordinary key (the field is named '${prop.key}' and its value is a literal); to compute it write "${prop.key.slice(0, -2)}": "{% expression %}"`,
        data: { field: prop.key },
      });
    } else if (dynamic && prop.value && prop.value.kind !== 'string') {
      ctx.report({ span: prop.value.span, message: `The value of '${prop.key}' must be a string: a path or an intrinsic function` });
    }
    const name = dynamic && !jsonata ? prop.key.slice(0, -2) : prop.key;
    const earlier = seen.get(name);
    if (earlier !== undefined && earlier !== prop.key) {
      ctx.report({ span: prop.keySpan, message: `'${prop.key}' and '${earlier}' both produce the field '${name}'` });
    }
    seen.set(name, prop.key);
    if (prop.value && !dynamic) checkTemplate(ctx, prop.value, jsonata);
  }
}
