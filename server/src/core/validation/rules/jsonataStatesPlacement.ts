import { spanInString } from '../../document/stringOffsets';
import { parseJsonata, statesFieldsUsed } from '../../expressions/jsonata';
import { expressionSites, type ExpressionSite } from '../expressionSites';
import type { Rule } from '../types';

const HAS_RESULT = new Set(['Task', 'Map', 'Parallel']);
const STATES_FIELDS = new Set(['input', 'result', 'errorOutput', 'context']);

/** Why `$states.<field>` cannot be read here, or undefined when it can (asl-reference §0.3, §3.3). */
function placementProblem(field: string, site: ExpressionSite): string | undefined {
  if (!STATES_FIELDS.has(field)) return `'$states.${field}' does not exist: use input, result, errorOutput or context`;
  const place = site.within === 'catcher' ? site.innerField : site.within ? undefined : site.field;
  if (field === 'result') {
    const ok = !site.within && HAS_RESULT.has(site.state.type ?? '') && (place === 'Output' || place === 'Assign');
    return ok ? undefined : "'$states.result' is only available in the Output and Assign of a Task, Map or Parallel state";
  }
  if (field === 'errorOutput') {
    const ok = site.within === 'catcher' && (place === 'Output' || place === 'Assign');
    return ok ? undefined : "'$states.errorOutput' is only available in a Catcher's Output and Assign";
  }
  return undefined;
}

export const jsonataStatesPlacement: Rule = {
  code: 'jsonata-states-placement',
  defaultSeverity: 'error',
  locality: 'state',
  description: "'$states.result' only in a Task/Map/Parallel Output or Assign; '$states.errorOutput' only in a Catcher's Output or Assign.",
  example: {
    bad: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Output": "{% $states.result %}", "End": true } } }',
    fixed: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Output": "{% $states.input %}", "End": true } } }',
  },
  check(ctx) {
    for (const site of expressionSites(ctx.model)) {
      const value = site.node.value;
      if (site.kind !== 'jsonata' || !value.startsWith('{%') || !value.endsWith('%}') || !value.includes('$states')) continue;
      const parsed = parseJsonata(value.slice(2, -2));
      if (!parsed.ok) continue;
      for (const used of statesFieldsUsed(parsed.value)) {
        const problem = placementProblem(used.field, site);
        if (!problem) continue;
        const offset = 2 + Math.max(0, used.position - used.field.length);
        ctx.report({ span: spanInString(ctx.doc.text, site.node, offset, used.field.length), message: problem });
      }
    }
  },
};
