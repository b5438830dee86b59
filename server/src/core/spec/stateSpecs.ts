import type { StateType } from '../model/types';
import { catcherSchema, f, retrierSchema } from './commonFields';
import type { FieldSpec, ObjectSchema } from './fieldSpec';
import { ownFields } from './ownTable';

const retry: FieldSpec = { kind: 'array', items: retrierSchema, doc: 'Retriers, tried in order when the state fails.' };
const catchField: FieldSpec = { kind: 'array', items: catcherSchema, doc: 'Catchers, tried in order once retries are exhausted.' };

const credentials: FieldSpec = {
  kind: 'object',
  doc: 'A role to assume for this task (e.g. cross-account): `{"RoleArn": ...}`.',
  schema: {
    name: 'Credentials',
    fields: {
      RoleArn: { kind: 'string', jsonata: true, doc: 'The role ARN to assume.' },
      'RoleArn.$': { kind: 'string', queryLanguage: 'JSONPath', doc: 'A path or intrinsic giving the role ARN.' },
    },
    exactlyOne: [['RoleArn', 'RoleArn.$']],
  },
};

export const nestedRootSchema: ObjectSchema = {
  name: 'Branch',
  fields: {
    StartAt: { kind: 'stateName', required: true, doc: 'The first state of this block.' },
    States: { kind: 'object', required: true, doc: 'The states of this block, by name.' },
    Comment: f.comment,
    QueryLanguage: f.queryLanguage,
  },
};

const processorConfig: FieldSpec = {
  kind: 'object',
  doc: 'How iterations run: `Mode` INLINE (default) or DISTRIBUTED (child executions).',
  schema: {
    name: 'ProcessorConfig',
    fields: {
      Mode: { kind: 'string', enum: ['INLINE', 'DISTRIBUTED'], doc: 'INLINE (default) or DISTRIBUTED.' },
      ExecutionType: { kind: 'string', enum: ['STANDARD', 'EXPRESS'], doc: 'Child execution type; required in DISTRIBUTED mode.' },
    },
  },
};

export const itemProcessorSchema: ObjectSchema = {
  name: 'ItemProcessor',
  fields: { ...nestedRootSchema.fields, ProcessorConfig: processorConfig },
};

const readerConfig: ObjectSchema = {
  name: 'ReaderConfig',
  fields: {
    InputType: { kind: 'string', enum: ['CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'], doc: 'The format of the items file.' },
    Transformation: { kind: 'string', enum: ['NONE', 'LOAD_AND_FLATTEN'], doc: 'LOAD_AND_FLATTEN reads the listed objects themselves.' },
    ManifestType: { kind: 'string', enum: ['ATHENA_DATA', 'S3_INVENTORY'], doc: 'The kind of manifest.' },
    CSVDelimiter: { kind: 'string', enum: ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'], doc: 'CSV field delimiter (default COMMA).' },
    CSVHeaderLocation: { kind: 'string', enum: ['FIRST_ROW', 'GIVEN'], doc: 'Where column names come from.' },
    CSVHeaders: { kind: 'array', doc: 'Column names when CSVHeaderLocation is GIVEN.' },
    ItemsPointer: { kind: 'string', doc: 'JSON Pointer to a nested array in a JSON file.' },
    MaxItems: { kind: 'integer', jsonata: true, min: 0, max: 100000000, doc: 'Reads at most this many items.' },
    MaxItemsPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads MaxItems from the input.' },
  },
  exclusive: [['MaxItems', 'MaxItemsPath']],
};

const itemReader: FieldSpec = {
  kind: 'object',
  distributedOnly: true,
  doc: 'Reads the items from Amazon S3 (Distributed mode).',
  schema: {
    name: 'ItemReader',
    fields: {
      Resource: { kind: 'string', required: true, doc: '`arn:aws:states:::s3:getObject` or `arn:aws:states:::s3:listObjectsV2`.' },
      ReaderConfig: { kind: 'object', schema: readerConfig, doc: 'How to read the items.' },
      Parameters: f.parameters,
      Arguments: f.arguments,
    },
  },
};

const itemBatcher: FieldSpec = {
  kind: 'object',
  distributedOnly: true,
  doc: 'Groups items into batches for each child (Distributed mode).',
  schema: {
    name: 'ItemBatcher',
    fields: {
      MaxItemsPerBatch: { kind: 'integer', jsonata: true, above: 0, doc: 'Items per batch.' },
      MaxItemsPerBatchPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads MaxItemsPerBatch from the input.' },
      MaxInputBytesPerBatch: { kind: 'integer', jsonata: true, above: 0, max: 262144, doc: 'Bytes per batch (at most 256 KiB).' },
      MaxInputBytesPerBatchPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads MaxInputBytesPerBatch from the input.' },
      BatchInput: { kind: 'any', doc: 'Extra input given to every batch.' },
    },
    exclusive: [
      ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
      ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
    ],
  },
};

const resultWriter: FieldSpec = {
  kind: 'object',
  distributedOnly: true,
  doc: 'Writes the results to Amazon S3 and/or formats them (Distributed mode).',
  schema: {
    name: 'ResultWriter',
    fields: {
      Resource: { kind: 'string', doc: '`arn:aws:states:::s3:putObject`.' },
      Parameters: f.parameters,
      Arguments: f.arguments,
      WriterConfig: {
        kind: 'object',
        doc: 'Output format.',
        schema: {
          name: 'WriterConfig',
          fields: {
            OutputType: { kind: 'string', enum: ['JSON', 'JSONL'], doc: 'JSON or JSONL.' },
            Transformation: { kind: 'string', enum: ['NONE', 'COMPACT', 'FLATTEN'], doc: 'How child results are shaped.' },
          },
        },
      },
    },
  },
};

const common = { Type: { kind: 'string', required: true, doc: 'The state type.' } as FieldSpec, Comment: f.comment, QueryLanguage: f.queryLanguage };
const flow = { Next: f.next, End: f.end };

export const stateSchemas: Record<StateType, ObjectSchema> = {
  Task: {
    name: 'Task state',
    fields: {
      ...common,
      ...flow,
      Resource: { kind: 'string', required: true, doc: 'The ARN of the service integration, Lambda function or activity to run.' },
      Arguments: f.arguments,
      Parameters: f.parameters,
      ResultSelector: f.resultSelector,
      ResultPath: f.resultPath,
      InputPath: f.inputPath,
      OutputPath: f.outputPath,
      Output: f.output,
      Assign: f.assign,
      TimeoutSeconds: f.timeoutSeconds,
      TimeoutSecondsPath: f.timeoutSecondsPath,
      HeartbeatSeconds: f.heartbeatSeconds,
      HeartbeatSecondsPath: f.heartbeatSecondsPath,
      Credentials: credentials,
      Retry: retry,
      Catch: catchField,
    },
    exclusive: [
      ['TimeoutSeconds', 'TimeoutSecondsPath'],
      ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
    ],
  },
  Pass: {
    name: 'Pass state',
    fields: {
      ...common,
      ...flow,
      Result: { kind: 'any', queryLanguage: 'JSONPath', doc: 'A fixed result, placed by ResultPath.' },
      ResultPath: f.resultPath,
      Parameters: f.parameters,
      InputPath: f.inputPath,
      OutputPath: f.outputPath,
      Output: f.output,
      Assign: f.assign,
    },
  },
  Choice: {
    name: 'Choice state',
    fields: {
      ...common,
      Choices: { kind: 'array', required: true, minItems: 1, doc: 'Rules tried in order; the first that matches chooses the next state.' },
      Default: { kind: 'stateName', doc: 'The next state when no rule matches (else States.NoChoiceMatched).' },
      InputPath: f.inputPath,
      OutputPath: f.outputPath,
      Output: f.output,
      Assign: f.assign,
    },
  },
  Wait: {
    name: 'Wait state',
    fields: {
      ...common,
      ...flow,
      Seconds: { kind: 'integer', jsonata: true, min: 0, max: 99999999, doc: 'Seconds to wait.' },
      SecondsPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads the seconds to wait from the input.' },
      Timestamp: { kind: 'string', format: 'timestamp', jsonata: true, doc: 'Waits until this RFC 3339 time (e.g. `2026-01-01T00:00:00Z`).' },
      TimestampPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads the timestamp from the input.' },
      InputPath: f.inputPath,
      OutputPath: f.outputPath,
      Output: f.output,
      Assign: f.assign,
    },
    exactlyOne: [['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']],
  },
  Succeed: {
    name: 'Succeed state',
    fields: { ...common, InputPath: f.inputPath, OutputPath: f.outputPath, Output: f.output },
  },
  Fail: {
    name: 'Fail state',
    fields: {
      ...common,
      Error: { kind: 'string', jsonata: true, doc: 'The error name reported by the failure.' },
      ErrorPath: { kind: 'path', queryLanguage: 'JSONPath', doc: 'A reference path or intrinsic giving the error name.' },
      Cause: { kind: 'string', jsonata: true, doc: 'A human-readable cause.' },
      CausePath: { kind: 'path', queryLanguage: 'JSONPath', doc: 'A reference path or intrinsic giving the cause.' },
    },
    exclusive: [
      ['Error', 'ErrorPath'],
      ['Cause', 'CausePath'],
    ],
  },
  Parallel: {
    name: 'Parallel state',
    fields: {
      ...common,
      ...flow,
      Branches: { kind: 'array', required: true, minItems: 1, items: nestedRootSchema, doc: 'The branches, run in parallel; the result is the array of their outputs.' },
      Arguments: f.arguments,
      Parameters: f.parameters,
      ResultSelector: f.resultSelector,
      ResultPath: f.resultPath,
      InputPath: f.inputPath,
      OutputPath: f.outputPath,
      Output: f.output,
      Assign: f.assign,
      Retry: retry,
      Catch: catchField,
    },
  },
  Map: {
    name: 'Map state',
    fields: {
      ...common,
      ...flow,
      ItemProcessor: { kind: 'object', schema: itemProcessorSchema, doc: 'The states run for each item.' },
      // AWS accepts ProcessorConfig inside the deprecated Iterator too (issue 14: AWS accepts it).
      Iterator: { kind: 'object', schema: { ...itemProcessorSchema, name: 'Iterator' }, deprecatedBy: 'ItemProcessor', doc: 'Deprecated: use ItemProcessor.' },
      Items: { kind: 'any', queryLanguage: 'JSONata', doc: 'The items to iterate over (JSONata): an array or an expression.' },
      ItemsPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Selects the array of items in the input (default `$`).' },
      ItemSelector: { kind: 'any', doc: 'Reshapes each item; the item is `$$.Map.Item.Value` (`$states.context.Map.Item.Value`).' },
      Parameters: { ...f.parameters, deprecatedBy: 'ItemSelector', doc: 'Deprecated on Map: use ItemSelector.' },
      MaxConcurrency: { kind: 'integer', jsonata: true, min: 0, doc: 'Iterations at once (0 = no limit; 1 = one at a time, in order).' },
      MaxConcurrencyPath: { kind: 'referencePath', queryLanguage: 'JSONPath', doc: 'Reads MaxConcurrency from the input.' },
      ItemReader: itemReader,
      ItemBatcher: itemBatcher,
      ResultWriter: resultWriter,
      ToleratedFailurePercentage: { kind: 'number', jsonata: true, distributedOnly: true, min: 0, max: 100, doc: 'Percentage of failed items tolerated (Distributed mode).' },
      ToleratedFailurePercentagePath: { kind: 'referencePath', queryLanguage: 'JSONPath', distributedOnly: true, doc: 'Reads ToleratedFailurePercentage from the input.' },
      ToleratedFailureCount: { kind: 'integer', jsonata: true, distributedOnly: true, min: 0, doc: 'Number of failed items tolerated (Distributed mode).' },
      ToleratedFailureCountPath: { kind: 'referencePath', queryLanguage: 'JSONPath', distributedOnly: true, doc: 'Reads ToleratedFailureCount from the input.' },
      Label: { kind: 'string', distributedOnly: true, maxLength: 40, doc: 'A name for the Map Run (Distributed mode; at most 40 characters).' },
      ResultSelector: f.resultSelector,
      ResultPath: f.resultPath,
      InputPath: f.inputPath,
      OutputPath: f.outputPath,
      Output: f.output,
      Assign: f.assign,
      Retry: retry,
      Catch: catchField,
    },
    exactlyOne: [['ItemProcessor', 'Iterator']],
    exclusive: [
      ['ItemSelector', 'Parameters'],
      ['MaxConcurrency', 'MaxConcurrencyPath'],
      ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
      ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
    ],
  },
};

export const topLevelSchema: ObjectSchema = {
  name: 'State machine',
  fields: {
    StartAt: { kind: 'stateName', required: true, doc: 'The name of the first state to run.' },
    States: { kind: 'object', required: true, doc: 'The states of the machine, by name.' },
    Comment: f.comment,
    Version: { kind: 'string', enum: ['1.0'], doc: 'The ASL version ("1.0").' },
    TimeoutSeconds: { kind: 'integer', above: 0, doc: 'Maximum run time of an execution; exceeding it fails with States.Timeout.' },
    QueryLanguage: { ...f.queryLanguage, doc: 'The default query language of every state: JSONPath (default) or JSONata.' },
  },
};

/** The Choice rule in a JSONata state. */
export const jsonataChoiceRuleSchema: ObjectSchema = {
  name: 'Choice rule',
  fields: {
    Condition: { kind: 'boolean', jsonata: true, required: true, doc: 'A JSONata expression giving true or false.' },
    Next: { ...f.next, required: true },
    Assign: f.assign,
    Output: f.output,
    Comment: f.comment,
  },
};

// Looked up by the keys a document holds: only own fields count ('constructor' is an unknown field, not Object).
for (const schema of [...Object.values(stateSchemas), nestedRootSchema, itemProcessorSchema, topLevelSchema, jsonataChoiceRuleSchema]) {
  ownFields(schema);
}
