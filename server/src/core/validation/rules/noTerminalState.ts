import { noEndMessage } from '../blockConsequences';
import { scopeReachability } from '../scopeGraph';
import type { Rule } from '../types';

export const noTerminalState: Rule = {
  code: 'no-terminal-state',
  defaultSeverity: 'error',
  locality: 'machine',
  description:
    'Every States block (the machine, each branch, each Map processor) needs a path from StartAt to a Succeed, Fail or "End": true state. While the block has a broken reference, this is listed with the unknown-state problem instead.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Pass", "Next": "A" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Pass", "End": true } } }',
  },
  check(ctx) {
    for (const block of scopeReachability(ctx.model)) {
      const message = block.unresolved.length === 0 ? noEndMessage(block) : undefined;
      if (message) ctx.report({ span: block.scope.startAt!.node.span, message });
    }
  },
};
