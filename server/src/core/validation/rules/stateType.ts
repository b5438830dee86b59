import { STATE_TYPES } from '../../model/types';
import { getProperty } from '../../document/ast';
import { suggest } from '../suggest';
import type { Rule } from '../types';

const TYPES = `[${STATE_TYPES.join(', ')}]`;

export const stateType: Rule = {
  code: 'invalid-state-type',
  defaultSeverity: 'error',
  locality: 'state',
  description: "A state must be an object whose 'Type' is one of the eight state types.",
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Succes" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.node.kind !== 'object') {
        ctx.report({ span: state.node.span, message: `State '${state.name}' must be a JSON object` });
        continue;
      }
      if (state.type) continue;
      const typeProp = getProperty(state.node, 'Type');
      if (!typeProp?.value) {
        ctx.report({ span: state.nameSpan, message: `State '${state.name}' is missing the required field 'Type'`, data: { field: 'Type' } });
        continue;
      }
      const value = typeProp.value;
      const suggestions = value.kind === 'string' ? suggest(value.value, STATE_TYPES) : [];
      ctx.report({
        span: value.span,
        message: `The field 'Type' should have one of these values: ${TYPES}`,
        data: { suggestions },
      });
    }
  },
};
