import { assignedByScope, assignments, outerScopes } from '../variables';
import type { Rule } from '../types';

export const variableScope: Rule = {
  code: 'variable-scope',
  defaultSeverity: 'error',
  locality: 'machine',
  description: 'A Parallel branch or Map iteration may read outer variables but must not assign a variable that an outer scope assigns.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "x": 1 }, "Next": "P" }, "P": { "Type": "Parallel", "Branches": [ { "StartAt": "B", "States": { "B": { "Type": "Pass", "Assign": { "x": 2 }, "End": true } } } ], "End": true } } }',
    fixed:
      '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Assign": { "x": 1 }, "Next": "P" }, "P": { "Type": "Parallel", "Branches": [ { "StartAt": "B", "States": { "B": { "Type": "Pass", "Assign": { "y": 2 }, "End": true } } } ], "End": true } } }',
  },
  check(ctx) {
    const byScope = assignedByScope(ctx.model);
    for (const a of assignments(ctx.model)) {
      const outer = outerScopes(a.scope).find((s) => byScope.get(s)?.has(a.name));
      if (!outer) continue;
      ctx.report({
        span: a.key.keySpan,
        message: `'${a.name}' is assigned in an outer scope; a branch or iteration can read it but must not assign it`,
      });
    }
  },
};
