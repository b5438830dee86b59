import { scopeReachability } from '../scopeGraph';
import type { Rule } from '../types';

export const unreachableState: Rule = {
  code: 'unreachable-state',
  defaultSeverity: 'warning',
  locality: 'machine',
  description: 'A state that no path from StartAt reaches (through Next, Default, Choice rules or Catch).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" }, "B": { "Type": "Succeed" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    for (const { scope, reached } of scopeReachability(ctx.model)) {
      if (reached.size === 0) continue;
      for (const state of scope.states) {
        if (reached.has(state) || scope.byName.get(state.name) !== state) continue;
        ctx.report({ span: state.nameSpan, message: `State '${state.name}' cannot be reached from '${scope.startAt?.name}'` });
      }
    }
  },
};
