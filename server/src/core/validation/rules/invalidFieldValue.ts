import type { AstNode } from '../../document/ast';
import type { FieldSpec } from '../../spec/fieldSpec';
import { isRfc3339Timestamp } from '../../spec/rfc3339';
import { isJsonataString, isPlaceholderNode } from '../placeholders';
import { schemaSites } from '../schemaSites';
import type { Rule } from '../types';

const KIND_NAMES: Record<FieldSpec['kind'], string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  any: 'a value',
  path: 'a JSONPath string',
  referencePath: 'a reference path string',
  stateName: 'a state name',
};

/** Why `value` does not fit `spec`, or undefined when it does. */
export function valueProblem(spec: FieldSpec, value: AstNode, jsonataState: boolean): string | undefined {
  if (value.kind === 'null') return spec.nullable || spec.kind === 'any' ? undefined : `must be ${KIND_NAMES[spec.kind]}, not null`;
  if (spec.jsonata && jsonataState && value.kind === 'string' && isJsonataString(value.value)) return undefined;
  switch (spec.kind) {
    case 'any':
      return undefined;
    case 'string':
    case 'path':
    case 'referencePath':
    case 'stateName':
      if (value.kind !== 'string') return `must be ${KIND_NAMES[spec.kind]}`;
      if (spec.enum && !spec.enum.includes(value.value)) return `should have one of these values: [${spec.enum.join(', ')}]`;
      if (spec.minLength !== undefined && value.value.length < spec.minLength) return `must not be empty`;
      if (spec.format === 'timestamp' && !isRfc3339Timestamp(value.value)) {
        return 'must be an RFC 3339 timestamp with a T and a time zone, such as "2026-01-31T12:00:00Z" (AWS: String does not match RFC3339 timestamp)';
      }
      if (spec.maxLength !== undefined && [...value.value].length > spec.maxLength) {
        return `must be at most ${spec.maxLength} characters long`;
      }
      return undefined;
    case 'boolean':
      return value.kind === 'boolean' ? undefined : 'must be a boolean';
    case 'object':
      return value.kind === 'object' ? undefined : 'must be an object';
    case 'array':
      if (value.kind !== 'array') return 'must be an array';
      if (spec.minItems !== undefined && value.items.length < spec.minItems) return 'must not be empty';
      return undefined;
    case 'integer':
    case 'number': {
      if (value.kind !== 'number') return `must be ${KIND_NAMES[spec.kind]}`;
      if (spec.kind === 'integer' && !Number.isInteger(value.value)) return 'must be an integer';
      return rangeProblem(spec, value.value);
    }
  }
}

function rangeProblem(spec: FieldSpec, n: number): string | undefined {
  if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}`;
  if (spec.above !== undefined && n <= spec.above) return `must be greater than ${spec.above}`;
  if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}`;
  if (spec.below !== undefined && n >= spec.below) return `must be less than ${spec.below}`;
  return undefined;
}

export const invalidFieldValue: Rule = {
  code: 'invalid-field-value',
  defaultSeverity: 'error',
  locality: 'state',
  description: 'A field value of the wrong type, outside its allowed values, or out of range.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Wait", "Seconds": -5, "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Wait", "Seconds": 5, "End": true } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      for (const prop of site.object.properties) {
        const spec = site.schema.fields[prop.key];
        if (!spec || !prop.value || prop.key === 'Type') continue;
        if (isPlaceholderNode(prop.value, ctx.settings.allowPlaceholders)) continue;
        const problem = valueProblem(spec, prop.value, site.queryLanguage === 'JSONata');
        if (problem) ctx.report({ span: prop.value.span, message: `The field '${prop.key}' ${problem}` });
        if (spec.items && prop.value.kind === 'array') {
          for (const item of prop.value.items) {
            if (item.kind !== 'object') ctx.report({ span: item.span, message: `Each entry of '${prop.key}' must be an object` });
          }
        }
      }
    }
  },
};
