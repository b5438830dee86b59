import { getProperty } from '../../document/ast';
import type { Rule } from '../types';

const NEEDS_NEXT_OR_END = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** data: `{ missing: true }` when neither is present (quick fix: add Next or End). */
export const nextOrEnd: Rule = {
  code: 'next-or-end',
  defaultSeverity: 'error',
  locality: 'state',
  description: "Task, Pass, Wait, Parallel and Map states need exactly one of 'Next' or '\"End\": true'.",
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }',
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (!state.type || !NEEDS_NEXT_OR_END.has(state.type)) continue;
      const next = getProperty(state.node, 'Next');
      const end = getProperty(state.node, 'End');
      const ends = end?.value?.kind === 'boolean' && end.value.value;
      if (next && ends) {
        ctx.report({ span: end.keySpan, message: `State '${state.name}' cannot have both 'Next' and '"End": true'` });
      } else if (!next && !ends) {
        ctx.report({
          span: end?.value?.kind === 'boolean' ? end.span : state.nameSpan,
          message: `State '${state.name}' needs either 'Next' or '"End": true'`,
          data: { missing: true },
        });
      }
    }
  },
};
