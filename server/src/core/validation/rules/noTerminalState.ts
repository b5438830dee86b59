import { scopeReachability } from '../scopeGraph';
import type { Rule } from '../types';

export const noTerminalState: Rule = {
  code: 'no-terminal-state',
  defaultSeverity: 'error',
  locality: 'machine',
  description:
    'Every States block (the machine, each branch, each Map processor) needs a path from StartAt to a Succeed, Fail or "End": true state.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Pass", "Next": "A" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Pass", "End": true } } }',
  },
  check(ctx) {
    for (const { scope, canEnd, terminals } of scopeReachability(ctx.model)) {
      const start = scope.startAt?.target;
      if (!start || scope.states.length === 0) continue;
      if (terminals.length === 0) {
        ctx.report({
          span: scope.startAt!.node.span,
          message: 'This States block has no terminal state: add a Succeed or Fail state, or "End": true',
        });
      } else if (!canEnd.has(start)) {
        ctx.report({
          span: scope.startAt!.node.span,
          message: `No path from '${start.name}' leads to a terminal state: the execution could never finish`,
        });
      }
    }
  },
};
