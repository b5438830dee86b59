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

export type TaskPhase = 'Scheduled' | 'Started' | 'Succeeded' | 'Failed' | 'TimedOut';

/** What an attempt's result adds to its last event: the output's JSON, or the error and its cause. */
export type TaskOutcome = { output: string } | { error: string; cause: string };

/** An event's type (`TaskScheduled`) and the key of its details (`taskScheduledEventDetails`). */
export interface TaskEventNames {
  type: string;
  detailsKey: string;
}

const PHASES: TaskPhase[] = ['Scheduled', 'Started', 'Succeeded', 'Failed', 'TimedOut'];
const KINDS: TaskKind[] = ['Task', 'Activity', 'LambdaFunction'];
// Made once: a task attempt writes four to six of these events.
const NAMES = Object.fromEntries(KINDS.map((kind) => [kind, Object.fromEntries(PHASES.map((phase) => [phase, {
  type: `${kind}${phase}`,
  detailsKey: `${kind[0].toLowerCase()}${kind.slice(1)}${phase}EventDetails`,
}]))])) as Record<TaskKind, Record<TaskPhase, TaskEventNames>>;

export function taskEventNames(kind: TaskKind, phase: TaskPhase): TaskEventNames {
  return NAMES[kind][phase];
}

/**
 * An attempt's event details in AWS's shape, without the key they go under (`taskEventNames`); undefined for an
 * event that has none. Written field by field (no spreads): it runs for every event of every task attempt.
 */
export function taskEventDetails(kind: TaskKind, phase: TaskPhase, facts: TaskEventFacts, outcome?: TaskOutcome): Obj | undefined {
  if (phase === 'Scheduled') {
    const details: Obj = kind === 'Task'
      ? { resource: facts.resource, region: 'us-east-1', parameters: facts.input, resourceType: facts.resourceType }
      : { resource: facts.resource, input: facts.input };
    if (facts.timeout) details.timeoutInSeconds = facts.timeout;
    if (facts.heartbeat && kind !== 'LambdaFunction') details.heartbeatInSeconds = facts.heartbeat;
    return details;
  }
  if (phase === 'Started') return kind === 'Task' ? { resource: facts.resource, resourceType: facts.resourceType } : kind === 'Activity' ? { workerName: 'local-worker' } : undefined;
  const details: Obj = kind === 'Task' ? { resource: facts.resource, resourceType: facts.resourceType } : {};
  if (outcome && 'output' in outcome) details.output = outcome.output;
  else if (outcome) {
    details.error = outcome.error;
    details.cause = outcome.cause;
  }
  return details;
}
