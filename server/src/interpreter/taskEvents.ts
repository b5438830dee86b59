import { isActivityResource } from './taskTokens';

type Obj = Record<string, unknown>;

/**
 * The three families of history events AWS writes for a Task state's attempt, by Resource: a service integration
 * (`arn:aws:states:::...`) writes Task*, an Activity ARN Activity*, and a Lambda function ARN (the legacy direct
 * form, asl-reference §9) LambdaFunction* (API reference, "HistoryEvent": LambdaFunctionScheduled with
 * lambdaFunctionScheduledEventDetails {resource, input, timeoutInSeconds}, LambdaFunctionStarted with no details,
 * LambdaFunctionSucceeded {output}, LambdaFunctionFailed / LambdaFunctionTimedOut {error, cause}).
 */
export type TaskKind = 'Task' | 'Activity' | 'LambdaFunction';

export function taskKind(resource: string): TaskKind {
  if (isActivityResource(resource)) return 'Activity';
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(resource)) return 'LambdaFunction';
  return 'Task';
}

export interface TaskEventFacts {
  resource: string;
  /** The service's resource type (`lambda`, `sqs`...), for Task* events. */
  resourceType: string;
  /** The effective input's JSON. */
  input: string;
  timeout?: number;
  heartbeat?: number;
}

type Phase = 'Scheduled' | 'Started' | 'Succeeded' | 'Failed' | 'TimedOut';

/** The key of an event's details: `taskScheduledEventDetails`, `lambdaFunctionFailedEventDetails`... */
const detailsKey = (kind: TaskKind, phase: Phase) => `${kind[0].toLowerCase()}${kind.slice(1)}${phase}EventDetails`;

/** An attempt's event type and its details in AWS's shape (`extra`: output, or error and cause). */
export function taskEvent(kind: TaskKind, phase: Phase, facts: TaskEventFacts, extra: Obj = {}): [string, Obj | undefined] {
  const type = `${kind}${phase}`;
  const limits = { ...(facts.timeout ? { timeoutInSeconds: facts.timeout } : {}), ...(facts.heartbeat && kind !== 'LambdaFunction' ? { heartbeatInSeconds: facts.heartbeat } : {}) };
  let details: Obj | undefined;
  if (kind === 'Task') {
    const service = { resource: facts.resource, resourceType: facts.resourceType };
    details = phase === 'Scheduled' ? { resource: facts.resource, region: 'us-east-1', parameters: facts.input, resourceType: facts.resourceType, ...limits } : { ...service, ...extra };
  } else if (phase === 'Scheduled') details = { resource: facts.resource, input: facts.input, ...limits };
  else if (phase === 'Started') details = kind === 'Activity' ? { workerName: 'local-worker' } : undefined;
  else details = extra;
  return [type, details === undefined ? undefined : { [detailsKey(kind, phase)]: details }];
}
