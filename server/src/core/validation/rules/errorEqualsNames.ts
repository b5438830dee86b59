import { STATES_ERRORS, UNCATCHABLE_ERRORS } from '../../spec/errorNames';
import { errorHandlers } from '../handlers';
import { quoteList, suggest } from '../suggest';
import { raisedErrorNames } from '../stateContext';
import type { Rule } from '../types';

/** data: `{ suggestions: string[] }` for an unknown States.* name. */
export const errorEqualsNames: Rule = {
  code: 'error-equals-names',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    "ErrorEquals holds strings (error); a 'States.' name that is neither predefined nor raised by a Fail state of the machine, or one that can never be handled (States.Runtime, States.DataLimitExceeded), is a warning.",
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [ { "ErrorEquals": [42] } ], "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [ { "ErrorEquals": ["States.Timeout"] } ], "End": true } } }',
  },
  check(ctx) {
    const raised = raisedErrorNames(ctx.machine);
    for (const list of errorHandlers(ctx.model)) {
      for (const handler of list) {
        if (handler.errorEquals?.kind !== 'array') continue;
        for (const item of handler.errorEquals.items) {
          if (item.kind !== 'string') {
            ctx.report({ span: item.span, message: 'ErrorEquals entries must be strings' });
            continue;
          }
          if (!item.value.startsWith('States.') || item.value in STATES_ERRORS || raised.has(item.value)) {
            if (UNCATCHABLE_ERRORS.has(item.value)) {
              ctx.report({
                span: item.span,
                severity: 'warning',
                message: `'${item.value}' can never be ${handler.kind === 'Retrier' ? 'retried' : 'caught'}: it always fails the execution`,
              });
            }
            continue;
          }
          const suggestions = suggest(item.value, Object.keys(STATES_ERRORS));
          let message = `'${item.value}' is not a predefined error name`;
          if (suggestions.length) message += `. Did you mean ${quoteList(suggestions)}?`;
          // AWS deploys such names (samples catch their own 'States.*' errors), so this is a likely bug, not a rejection.
          ctx.report({ span: item.span, severity: 'warning', message, data: { suggestions } });
        }
      }
    }
  },
};
