import { errorHandlers } from '../handlers';
import type { Rule } from '../types';

export const statesAllPosition: Rule = {
  code: 'states-all-position',
  defaultSeverity: 'error',
  locality: 'state',
  description: "'States.ALL' must be the only name in its ErrorEquals and appear in the last retrier or catcher.",
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Failed" }, { "ErrorEquals": ["MyError"], "Next": "Retry" } ], "End": true }, "Failed": { "Type": "Fail" }, "Retry": { "Type": "Pass", "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Catch": [ { "ErrorEquals": ["MyError"], "Next": "Retry" }, { "ErrorEquals": ["States.ALL"], "Next": "Failed" } ], "End": true }, "Failed": { "Type": "Fail" }, "Retry": { "Type": "Pass", "End": true } } }',
  },
  check(ctx) {
    for (const list of errorHandlers(ctx.model)) {
      list.forEach((handler, i) => {
        const all = handler.names.find((n) => n.value === 'States.ALL');
        if (!all) return;
        if (handler.errorEquals?.kind === 'array' && handler.errorEquals.items.length > 1) {
          ctx.report({ span: all.span, message: "'States.ALL' must be the only error name in its ErrorEquals" });
        }
        if (i < list.length - 1) {
          ctx.report({
            span: all.span,
            message: `'States.ALL' must be in the last ${handler.kind.toLowerCase()}`,
            data: { kind: handler.kind, index: handler.index, last: list.length - 1 },
          });
        }
      });
    }
  },
};
