import { ownTable } from './ownTable';

/** The Context object fields AWS sets (asl-reference §6), read as `$$.X` (JSONPath) or `$states.context.X` (JSONata). */
export const CONTEXT_FIELDS: Record<string, string> = ownTable({
  'Execution.Id': 'The execution ARN.',
  'Execution.Input': 'The input the execution started with.',
  'Execution.Name': 'The execution name.',
  'Execution.RoleArn': 'The IAM role the execution runs as.',
  'Execution.StartTime': 'When the execution started (ISO 8601).',
  'Execution.RedriveCount': 'How many times the execution was redriven.',
  'Execution.RedriveTime': 'When the execution was last redriven (only if redriven).',
  'State.EnteredTime': 'When the current state was entered (ISO 8601).',
  'State.Name': 'The name of the current state.',
  'State.RetryCount': 'How many times the current state has been retried.',
  'StateMachine.Id': 'The state machine ARN.',
  'StateMachine.Name': 'The state machine name.',
  'Task.Token': 'The task token, for `.waitForTaskToken` callbacks.',
  'Map.Item.Index': 'The 0-based index of the current Map item (in ItemSelector).',
  'Map.Item.Value': 'The current Map item (in ItemSelector).',
  'Map.Item.Key': 'The key of the current item when iterating over an object (Distributed Map).',
  'Map.Item.Source': 'Where the item came from: STATE_DATA or an s3:// location (Distributed Map).',
});
