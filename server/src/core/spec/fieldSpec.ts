import type { QueryLanguage } from '../model/types';

/** The JSON shape a field's value must have. `path` is a JSONPath string (or null where AWS allows it). */
export type ValueKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'any'
  | 'path'
  | 'referencePath'
  | 'stateName';

export interface FieldSpec {
  kind: ValueKind;
  required?: boolean;
  /** Only valid in states (or machines) using this query language. */
  queryLanguage?: QueryLanguage;
  /** In a JSONata state, a `{% %}` expression is accepted instead of a literal value. */
  jsonata?: boolean;
  /** `null` is accepted (InputPath, OutputPath, ResultPath, Parameters...). */
  nullable?: boolean;
  enum?: readonly string[];
  min?: number;
  /** Exclusive lower bound. */
  above?: number;
  max?: number;
  /** Exclusive upper bound. */
  below?: number;
  /** A string format checked beyond the kind: `timestamp` is an RFC 3339 date-time as Step Functions reads it. */
  format?: 'timestamp';
  minLength?: number;
  maxLength?: number;
  /** Arrays: at least this many items. */
  minItems?: number;
  /** Only on a Map in Distributed mode. */
  distributedOnly?: boolean;
  /** Superseded by the named field. */
  deprecatedBy?: string;
  /** Nested object checked with its own schema. */
  schema?: ObjectSchema;
  /** Array items checked with this schema. */
  items?: ObjectSchema;
  /** One line for hover and completion. */
  doc: string;
}

export interface ObjectSchema {
  /** Human name used in messages: "Retrier", "ItemReader", "Task state". */
  name: string;
  fields: Record<string, FieldSpec>;
  /** Groups of which at most one field may be present. */
  exclusive?: readonly (readonly string[])[];
  /** Groups of which exactly one field must be present (also mutually exclusive). */
  exactlyOne?: readonly (readonly string[])[];
  /** Extra keys are not flagged (e.g. payload templates). */
  open?: boolean;
}
