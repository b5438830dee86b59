import type { Rule } from '../types';

export const duplicateStateName: Rule = {
  code: 'duplicate-state-name',
  defaultSeverity: 'error',
  locality: 'machine',
  description: 'State names must be unique across the whole machine, nested branches and Map processors included.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Parallel", "Branches": [ { "StartAt": "A", "States": { "A": { "Type": "Succeed" } } } ], "End": true } } }',
    fixed:
      '{ "StartAt": "A", "States": { "A": { "Type": "Parallel", "Branches": [ { "StartAt": "A1", "States": { "A1": { "Type": "Succeed" } } } ], "End": true } } }',
  },
  check(ctx) {
    for (const [name, states] of ctx.model.symbols.definitions) {
      if (states.length < 2) continue;
      for (const state of states.slice(1)) {
        ctx.report({ span: state.nameSpan, message: `State name '${name}' is already used: state names must be unique in the whole machine` });
      }
    }
  },
};
