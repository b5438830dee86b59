import type { FieldSpec, ObjectSchema } from './fieldSpec';

const MAX_SECONDS = 99999999;

export const f = {
  comment: { kind: 'string', doc: 'A human-readable description.' },
  queryLanguage: {
    kind: 'string',
    enum: ['JSONPath', 'JSONata'],
    doc: 'The query language of this state: JSONPath (default) or JSONata. Overrides the machine-level value.',
  },
  next: { kind: 'stateName', doc: 'The state to run next, in the same States block.' },
  end: { kind: 'boolean', doc: 'Ends the execution (or the branch/iteration) after this state when true.' },
  assign: {
    kind: 'object',
    doc: 'Variables to assign: keys are variable names. Values are evaluated against the data as of state entry and visible from the next state.',
  },
  inputPath: { kind: 'path', nullable: true, queryLanguage: 'JSONPath', doc: 'Selects part of the state input (default `$`; `null` gives `{}`).' },
  outputPath: { kind: 'path', nullable: true, queryLanguage: 'JSONPath', doc: 'Selects part of the state output (default `$`; `null` gives `{}`).' },
  resultPath: {
    kind: 'referencePath',
    nullable: true,
    queryLanguage: 'JSONPath',
    doc: 'Where the result goes in the state input (default `$`: replaces it; `null`: discards the result).',
  },
  parameters: { kind: 'any', nullable: true, queryLanguage: 'JSONPath', doc: 'A payload template: the effective input. Keys ending in `.$` are evaluated.' },
  resultSelector: { kind: 'object', nullable: true, queryLanguage: 'JSONPath', doc: 'A payload template applied to the result before ResultPath.' },
  output: { kind: 'any', queryLanguage: 'JSONata', doc: 'The state output (JSONata). Default: the result, or the input for states without one.' },
  arguments: { kind: 'any', queryLanguage: 'JSONata', doc: 'The input of the task or branches (JSONata): an object or a `{% %}` expression.' },
  timeoutSeconds: {
    kind: 'integer',
    jsonata: true,
    above: 0,
    max: MAX_SECONDS,
    doc: 'Fails the state with States.Timeout if it runs longer than this many seconds (AWS default 99999999).',
  },
  timeoutSecondsPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads TimeoutSeconds from the input.' },
  heartbeatSeconds: {
    kind: 'integer',
    jsonata: true,
    above: 0,
    max: MAX_SECONDS,
    doc: 'Fails with States.HeartbeatTimeout if the task sends no heartbeat for this long; must be below TimeoutSeconds.',
  },
  heartbeatSecondsPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads HeartbeatSeconds from the input.' },
} satisfies Record<string, FieldSpec>;

export const retrierSchema: ObjectSchema = {
  name: 'Retrier',
  fields: {
    ErrorEquals: { kind: 'array', required: true, minItems: 1, doc: 'Error names this retrier handles; `States.ALL` matches all but States.Runtime and States.DataLimitExceeded.' },
    IntervalSeconds: { kind: 'integer', min: 1, max: MAX_SECONDS, doc: 'Seconds before the first retry (default 1).' },
    MaxAttempts: { kind: 'integer', min: 0, max: MAX_SECONDS, doc: 'Maximum number of retries (default 3; 0 never retries).' },
    BackoffRate: { kind: 'number', min: 1, doc: 'Multiplier of the interval at each attempt (default 2.0, at least 1.0).' },
    MaxDelaySeconds: { kind: 'integer', above: 0, below: 31622401, doc: 'Upper bound of the delay between retries, in seconds.' },
    JitterStrategy: { kind: 'string', enum: ['FULL', 'NONE'], doc: 'FULL randomizes each delay in [0, delay]; NONE (default) does not.' },
    Comment: f.comment,
  },
};

export const catcherSchema: ObjectSchema = {
  name: 'Catcher',
  fields: {
    ErrorEquals: { kind: 'array', required: true, minItems: 1, doc: 'Error names this catcher handles.' },
    Next: { ...f.next, required: true },
    Comment: f.comment,
    Assign: f.assign,
    ResultPath: { ...f.resultPath, doc: 'Where the Error Output goes in the state input (default `$`).' },
    Output: { ...f.output, doc: 'The output after catching (JSONata); `$states.errorOutput` holds the Error Output.' },
  },
};
