import { getValue } from '../../document/ast';
import { parseResource, SERVICE_PATTERNS } from '../../spec/resourceArns';
import { isPlaceholderNode } from '../placeholders';
import type { Rule } from '../types';

export const taskResource: Rule = {
  code: 'task-resource',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    "A Task 'Resource' must be an ARN AWS accepts (service integration, aws-sdk, Lambda function, activity, http:invoke) with an integration pattern the service supports.",
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem.sync", "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem", "End": true } } }',
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== 'Task') continue;
      const resource = getValue(state.node, 'Resource');
      if (resource?.kind !== 'string' || isPlaceholderNode(resource, ctx.settings.allowPlaceholders)) continue;
      const parsed = parseResource(resource.value);
      if (parsed.kind === 'invalid') {
        ctx.report({ span: resource.span, message: `Resource ${parsed.reason}` });
        continue;
      }
      if (parsed.kind !== 'integration' && parsed.kind !== 'sdk') continue;
      const support = SERVICE_PATTERNS[parsed.kind === 'sdk' ? 'aws-sdk' : parsed.service];
      if (!support || parsed.pattern === 'requestResponse') continue;
      const who = parsed.kind === 'sdk' ? 'AWS SDK integrations do' : `The '${parsed.service}' integration does`;
      if (parsed.pattern === 'sync:2' && !(parsed.service === 'states' && parsed.kind === 'integration')) {
        ctx.report({ span: resource.span, message: "'.sync:2' exists only for states:startExecution" });
      } else if ((parsed.pattern === 'sync' || parsed.pattern === 'sync:2') && !support.sync) {
        ctx.report({ span: resource.span, message: `${who} not support '.sync' (run a job and wait)` });
      } else if (parsed.pattern === 'waitForTaskToken' && !support.waitForTaskToken) {
        ctx.report({ span: resource.span, message: `${who} not support '.waitForTaskToken' (callback with a task token)` });
      }
    }
  },
};
