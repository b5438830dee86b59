import { unreachedStates } from '../blockConsequences';
import { scopeReachability } from '../scopeGraph';
import type { Rule } from '../types';

export const unreachableState: Rule = {
  code: 'unreachable-state',
  // AWS refuses the definition: MISSING_TRANSITION_TARGET: State "X" is not reachable. (issue 14)
  defaultSeverity: 'error',
  locality: 'machine',
  description:
    'A state that no path from StartAt reaches (through Next, Default, Choice rules or Catch). While its States block has a broken reference, the states it cuts off are listed with the unknown-state problem instead.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" }, "B": { "Type": "Succeed" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    for (const block of scopeReachability(ctx.model)) {
      if (block.unresolved.length > 0) continue;
      for (const state of unreachedStates(block)) {
        ctx.report({ span: state.nameSpan, message: `State '${state.name}' cannot be reached from '${block.scope.startAt?.name}' (AWS: MISSING_TRANSITION_TARGET)` });
      }
    }
  },
};
