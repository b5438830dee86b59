import { getProperty } from '../../document/ast';
import type { Rule } from '../types';

/** data: `{ timeoutSeconds }` (quick fix: lower the heartbeat). */
export const heartbeatBelowTimeout: Rule = {
  code: 'heartbeat-below-timeout',
  defaultSeverity: 'error',
  locality: 'state',
  description: 'HeartbeatSeconds must be smaller than TimeoutSeconds (checked when both are numbers).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "TimeoutSeconds": 60, "HeartbeatSeconds": 60, "End": true } } }',
    fixed:
      '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "TimeoutSeconds": 60, "HeartbeatSeconds": 30, "End": true } } }',
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== 'Task') continue;
      const timeout = getProperty(state.node, 'TimeoutSeconds');
      const heartbeat = getProperty(state.node, 'HeartbeatSeconds');
      if (timeout?.value?.kind !== 'number' || heartbeat?.value?.kind !== 'number') continue;
      if (heartbeat.value.value >= timeout.value.value) {
        ctx.report({
          span: heartbeat.value.span,
          message: `HeartbeatSeconds (${heartbeat.value.value}) must be smaller than TimeoutSeconds (${timeout.value.value})`,
          data: { timeoutSeconds: timeout.value.value },
        });
      }
    }
  },
};
