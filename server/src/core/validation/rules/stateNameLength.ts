import type { Rule } from '../types';

const MAX_STATE_NAME = 80;

export const stateNameLength: Rule = {
  code: 'state-name-too-long',
  defaultSeverity: 'error',
  locality: 'state',
  description: 'State names are at most 80 characters long.',
  example: {
    bad: `{ "StartAt": "${'A'.repeat(81)}", "States": { "${'A'.repeat(81)}": { "Type": "Succeed" } } }`,
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      const length = [...state.name].length;
      if (length > MAX_STATE_NAME) {
        ctx.report({ span: state.nameSpan, message: `State name is ${length} characters long; the limit is ${MAX_STATE_NAME}` });
      }
    }
  },
};
