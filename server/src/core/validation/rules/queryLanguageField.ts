import { ownTable } from '../../spec/ownTable';
import { schemaSites } from '../schemaSites';
import type { Rule } from '../types';

/** The JSONata field that replaces a JSONPath one, for the message and the quick fix. */
export const JSONATA_EQUIVALENT: Record<string, string> = ownTable({
  Parameters: 'Arguments',
  ResultSelector: 'Output',
  ResultPath: 'Output',
  OutputPath: 'Output',
  InputPath: 'Arguments',
  Result: 'Output',
  ItemsPath: 'Items',
  TimeoutSecondsPath: 'TimeoutSeconds',
  HeartbeatSecondsPath: 'HeartbeatSeconds',
  SecondsPath: 'Seconds',
  TimestampPath: 'Timestamp',
  ErrorPath: 'Error',
  CausePath: 'Cause',
  MaxConcurrencyPath: 'MaxConcurrency',
  ToleratedFailureCountPath: 'ToleratedFailureCount',
  ToleratedFailurePercentagePath: 'ToleratedFailurePercentage',
  MaxItemsPath: 'MaxItems',
  MaxItemsPerBatchPath: 'MaxItemsPerBatch',
  MaxInputBytesPerBatchPath: 'MaxInputBytesPerBatch',
});

/** data: `{ field, queryLanguage, replacement? }`. */
export const queryLanguageField: Rule = {
  code: 'query-language-field',
  defaultSeverity: 'error',
  locality: 'state',
  description: "A JSONPath-only field in a JSONata state, or a JSONata-only field in a JSONPath state.",
  example: {
    bad: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Result": 1, "End": true } } }',
    fixed: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "Output": 1, "End": true } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      for (const prop of site.object.properties) {
        const only = site.schema.fields[prop.key]?.queryLanguage;
        if (!only || only === site.queryLanguage) continue;
        const replacement = only === 'JSONPath' ? JSONATA_EQUIVALENT[prop.key] : undefined;
        let message = `The field '${prop.key}' is only supported with ${only}; this state uses ${site.queryLanguage}`;
        if (replacement) message += `: use '${replacement}'`;
        ctx.report({
          span: prop.keySpan,
          message,
          data: { field: prop.key, queryLanguage: site.queryLanguage, ...(replacement ? { replacement } : {}) },
        });
      }
    }
  },
};
