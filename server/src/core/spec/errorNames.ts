import { ownTable } from './ownTable';

/** The predefined error names AWS raises (asl-reference §8), with what each means. */
export const STATES_ERRORS: Record<string, string> = ownTable({
  'States.ALL': 'Matches any error except States.Runtime and States.DataLimitExceeded. Must be alone and in the last retrier or catcher.',
  'States.TaskFailed': 'A Task failed. In Retry/Catch it matches any error except States.Timeout.',
  'States.Timeout': 'A Task ran longer than TimeoutSeconds or missed its heartbeat, or the execution exceeded its TimeoutSeconds.',
  'States.HeartbeatTimeout': 'A Task sent no heartbeat for longer than HeartbeatSeconds.',
  'States.Permissions': 'The execution lacked the privileges to run the code.',
  'States.ResultPathMatchFailure': 'ResultPath could not be applied to the state input (JSONPath).',
  'States.ParameterPathFailure': 'A `.$` path in a payload template matched nothing (JSONPath).',
  'States.IntrinsicFailure': 'An intrinsic function failed (JSONPath).',
  'States.QueryEvaluationError': 'A JSONata expression failed: an error, a wrong type, an undefined result, or a time or memory limit.',
  'States.BranchFailed': 'A branch of a Parallel state failed.',
  'States.NoChoiceMatched': 'No Choice rule matched and there is no Default.',
  'States.ExceedToleratedFailureThreshold': 'A Map state had more failed items than tolerated.',
  'States.ItemReaderFailed': 'A Distributed Map could not read its items.',
  'States.ResultWriterFailed': 'A Distributed Map could not write its results.',
  'States.Http.Socket': 'An HTTP Task exceeded its 60-second request limit.',
  'States.DataLimitExceeded': 'A payload exceeded 256 KiB. Terminal: not matched by States.ALL.',
  'States.Runtime': 'An unprocessable exception (e.g. a path applied to null). Never retried or caught.',
});

/** Errors that no retrier or catcher can handle, so naming them in ErrorEquals is pointless. */
export const UNCATCHABLE_ERRORS = new Set(['States.Runtime', 'States.DataLimitExceeded']);
