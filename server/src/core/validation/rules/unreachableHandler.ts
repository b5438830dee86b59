import { errorHandlers } from '../handlers';
import type { Rule } from '../types';

export const unreachableHandler: Rule = {
  code: 'unreachable-handler',
  defaultSeverity: 'warning',
  locality: 'state',
  description: 'A retrier or catcher that can never match: an earlier one already handles all of its errors (e.g. States.ALL).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [ { "ErrorEquals": ["MyError"] }, { "ErrorEquals": ["MyError"], "MaxAttempts": 5 } ], "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [ { "ErrorEquals": ["MyError"], "MaxAttempts": 5 } ], "End": true } } }',
  },
  check(ctx) {
    for (const list of errorHandlers(ctx.model)) {
      const handled = new Set<string>();
      let all = false;
      for (const handler of list) {
        const names = handler.names.map((n) => n.value);
        const shadowed = all || (names.length > 0 && names.every((n) => handled.has(n)));
        if (shadowed) {
          ctx.report({
            span: handler.errorEquals?.span ?? handler.node.span,
            message: all
              ? `This ${handler.kind.toLowerCase()} is never used: an earlier one handles States.ALL`
              : `This ${handler.kind.toLowerCase()} is never used: earlier ones already handle all of its errors`,
          });
        }
        for (const n of names) handled.add(n);
        if (names.includes('States.ALL')) all = true;
      }
    }
  },
};
