import type { StateType } from '../model/types';

const GUIDE = 'https://docs.aws.amazon.com/step-functions/latest/dg';

/** One paragraph per state type, and the AWS page about it. */
export const STATE_TYPE_DOCS: Record<StateType, { doc: string; url: string }> = {
  Task: { doc: 'Runs work: a service integration, an AWS SDK call, a Lambda function, an activity or an HTTPS endpoint. Supports Retry and Catch.', url: `${GUIDE}/state-task.html` },
  Pass: { doc: 'Passes its input to its output, optionally reshaped or with a fixed `Result`. Useful for building data and for stubs.', url: `${GUIDE}/state-pass.html` },
  Choice: { doc: 'Chooses the next state with rules tried in order; `Default` when none matches (else States.NoChoiceMatched). No Next or End.', url: `${GUIDE}/state-choice.html` },
  Wait: { doc: 'Waits for a number of seconds or until a timestamp, then continues.', url: `${GUIDE}/state-wait.html` },
  Succeed: { doc: 'Ends the execution (or the branch or iteration) successfully.', url: `${GUIDE}/state-succeed.html` },
  Fail: { doc: 'Ends the execution (or the branch or iteration) with an error and a cause.', url: `${GUIDE}/state-fail.html` },
  Parallel: { doc: 'Runs its branches at the same time; the result is the array of branch outputs in order. If one branch fails, the state fails.', url: `${GUIDE}/state-parallel.html` },
  Map: { doc: 'Runs its item processor for each item of an array: Inline (in this execution, up to 40 at once) or Distributed (child executions, up to 10,000).', url: `${GUIDE}/state-map.html` },
};

export const FIELD_DOCS_URL = `${GUIDE}/statemachine-structure.html`;
export const ERRORS_DOCS_URL = `${GUIDE}/concepts-error-handling.html`;
export const INTRINSICS_DOCS_URL = `${GUIDE}/intrinsic-functions.html`;
export const CONTEXT_DOCS_URL = `${GUIDE}/input-output-contextobject.html`;
export const VARIABLES_DOCS_URL = `${GUIDE}/workflow-variables.html`;
export const JSONATA_DOCS_URL = `${GUIDE}/transforming-data.html`;
