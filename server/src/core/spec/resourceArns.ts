import { memoByText } from '../expressions/memoByText';
import { ownTable } from './ownTable';

/** Integration patterns beyond Request Response that each optimized service supports (asl-reference §9). */
export const SERVICE_PATTERNS: Record<string, { sync: boolean; waitForTaskToken: boolean }> = ownTable({
  'aws-sdk': { sync: false, waitForTaskToken: true },
  apigateway: { sync: false, waitForTaskToken: true },
  athena: { sync: true, waitForTaskToken: false },
  batch: { sync: true, waitForTaskToken: false },
  bedrock: { sync: true, waitForTaskToken: true },
  codebuild: { sync: true, waitForTaskToken: false },
  dynamodb: { sync: false, waitForTaskToken: false },
  ecs: { sync: true, waitForTaskToken: true },
  eks: { sync: true, waitForTaskToken: true },
  elasticmapreduce: { sync: true, waitForTaskToken: false },
  'emr-containers': { sync: true, waitForTaskToken: false },
  'emr-serverless': { sync: true, waitForTaskToken: false },
  events: { sync: false, waitForTaskToken: true },
  glue: { sync: true, waitForTaskToken: false },
  databrew: { sync: true, waitForTaskToken: false },
  lambda: { sync: false, waitForTaskToken: true },
  mediaconvert: { sync: true, waitForTaskToken: false },
  sagemaker: { sync: true, waitForTaskToken: false },
  sns: { sync: false, waitForTaskToken: true },
  sqs: { sync: false, waitForTaskToken: true },
  states: { sync: true, waitForTaskToken: true },
  http: { sync: false, waitForTaskToken: false },
  s3: { sync: false, waitForTaskToken: false },
});

/** Common Resource ARNs, for completion. */
export const COMMON_RESOURCES = [
  'arn:aws:states:::lambda:invoke',
  'arn:aws:states:::lambda:invoke.waitForTaskToken',
  'arn:aws:states:::dynamodb:getItem',
  'arn:aws:states:::dynamodb:putItem',
  'arn:aws:states:::dynamodb:updateItem',
  'arn:aws:states:::dynamodb:deleteItem',
  'arn:aws:states:::sns:publish',
  'arn:aws:states:::sqs:sendMessage',
  'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
  'arn:aws:states:::events:putEvents',
  'arn:aws:states:::states:startExecution',
  'arn:aws:states:::states:startExecution.sync:2',
  'arn:aws:states:::batch:submitJob.sync',
  'arn:aws:states:::ecs:runTask.sync',
  'arn:aws:states:::glue:startJobRun.sync',
  'arn:aws:states:::athena:startQueryExecution.sync',
  'arn:aws:states:::bedrock:invokeModel',
  'arn:aws:states:::http:invoke',
  'arn:aws:states:::aws-sdk:s3:getObject',
];

export type ParsedResource =
  | { kind: 'integration'; service: string; api: string; pattern: 'requestResponse' | 'sync' | 'sync:2' | 'waitForTaskToken' }
  | { kind: 'sdk'; service: string; api: string; pattern: 'requestResponse' | 'sync' | 'sync:2' | 'waitForTaskToken' }
  | { kind: 'activity'; name: string }
  | { kind: 'lambda'; functionName: string; qualifier?: string }
  | { kind: 'other'; service: string }
  | { kind: 'invalid'; reason: string };

const SUFFIX = /^(.*?)(?:\.(sync:2|sync|waitForTaskToken))?$/;

/** Reads a Task `Resource` into one of the forms AWS accepts, or says why it is none of them (shared result: read-only). */
export const parseResource: (arn: string) => ParsedResource = memoByText(parseUncached);

function parseUncached(arn: string): ParsedResource {
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) {
    return { kind: 'invalid', reason: "must be an ARN ('arn:aws:states:::service:api', a Lambda function or an activity)" };
  }
  const [, partition, service] = parts;
  if (!/^aws(-[a-z]+)*$/.test(partition)) return { kind: 'invalid', reason: `'${partition}' is not an AWS partition` };
  const rest = parts.slice(5);
  if (service === 'states') {
    if (rest[0] === 'activity') {
      return rest.length === 2 && rest[1] ? { kind: 'activity', name: rest[1] } : { kind: 'invalid', reason: 'an activity ARN ends with activity:<name>' };
    }
    const sdk = rest[0] === 'aws-sdk';
    const [svc, apiWithSuffix, ...extra] = sdk ? rest.slice(1) : rest;
    const [, api, suffix] = SUFFIX.exec([apiWithSuffix ?? '', ...extra].join(':')) ?? [];
    if (!svc || !api || !/^[a-z0-9-]+$/.test(svc) || !/^[A-Za-z][A-Za-z0-9]*$/.test(api)) {
      return { kind: 'invalid', reason: `must look like 'arn:aws:states:::${sdk ? 'aws-sdk:service:apiAction' : 'service:api'}'` };
    }
    const pattern = (suffix ?? 'requestResponse') as 'requestResponse' | 'sync' | 'sync:2' | 'waitForTaskToken';
    return { kind: sdk ? 'sdk' : 'integration', service: svc, api, pattern };
  }
  if (service === 'lambda') {
    if (rest[0] !== 'function' || !rest[1] || !/^[A-Za-z0-9_-]{1,64}$/.test(rest[1]) || rest.length > 3) {
      return { kind: 'invalid', reason: 'a Lambda ARN looks like arn:aws:lambda:region:account:function:name[:alias]' };
    }
    if (rest.length === 3 && !/^(\$LATEST|[A-Za-z0-9_-]{1,128})$/.test(rest[2])) {
      return { kind: 'invalid', reason: `'${rest[2]}' is not a valid Lambda version or alias` };
    }
    return { kind: 'lambda', functionName: rest[1], qualifier: rest[2] };
  }
  return { kind: 'other', service };
}
