import { getValue } from '../../document/ast';
import { apiSupportsPattern, hasIntegrationApi } from '../../spec/integrationApis';
import { parseResource, SERVICE_PATTERNS } from '../../spec/resourceArns';
import { isPlaceholderNode } from '../placeholders';
import type { Rule } from '../types';

const PATTERN_NAMES = { sync: "'.sync' (run a job and wait)", 'sync:2': "'.sync:2'", waitForTaskToken: "'.waitForTaskToken' (callback with a task token)" };

export const taskResource: Rule = {
  code: 'task-resource',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    "A Task 'Resource' must be an ARN AWS accepts (an optimized integration and one of its APIs, aws-sdk, Lambda function, activity, http:invoke) with an integration pattern that API supports.",
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
      // AWS's answer for an optimized service or API that does not exist (recorded, corpus/aws-recorded-messages.json).
      const unknown = `The resource provided ${resource.value} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`;
      if (parsed.kind === 'integration' && hasIntegrationApi(parsed.service, parsed.api) !== true) {
        ctx.report({ span: resource.span, message: unknown, data: { service: parsed.service, api: parsed.api } });
        continue;
      }
      if (parsed.pattern === 'requestResponse') continue;
      const who = parsed.kind === 'sdk' ? 'AWS SDK integrations do' : `'${parsed.service}:${parsed.api}' does`;
      if (parsed.pattern === 'sync:2' && !(parsed.service === 'states' && parsed.kind === 'integration')) {
        ctx.report({ span: resource.span, message: "'.sync:2' exists only for states:startExecution" });
        continue;
      }
      const supported = parsed.kind === 'sdk'
        ? parsed.pattern === 'waitForTaskToken' && SERVICE_PATTERNS['aws-sdk'].waitForTaskToken
        : apiSupportsPattern(parsed.service, parsed.api, parsed.pattern);
      if (!supported) ctx.report({ span: resource.span, message: `${who} not support ${PATTERN_NAMES[parsed.pattern]}` });
    }
  },
};
