import { ownTable } from './ownTable';

/** The value a JSONPath Choice comparison operator takes (asl-reference §5.3). */
export type OperatorValue = 'string' | 'number' | 'boolean' | 'timestamp' | 'path' | 'pattern';

export const CHOICE_OPERATORS: Record<string, OperatorValue> = ownTable({});
for (const family of ['String', 'Numeric', 'Timestamp'] as const) {
  for (const op of ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals']) {
    CHOICE_OPERATORS[family + op] = family === 'String' ? 'string' : family === 'Numeric' ? 'number' : 'timestamp';
    CHOICE_OPERATORS[`${family}${op}Path`] = 'path';
  }
}
CHOICE_OPERATORS.StringMatches = 'pattern';
CHOICE_OPERATORS.BooleanEquals = 'boolean';
CHOICE_OPERATORS.BooleanEqualsPath = 'path';
for (const test of ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp']) {
  CHOICE_OPERATORS[test] = 'boolean';
}

/** Fields of a JSONPath Choice rule besides the operators. */
export const CHOICE_RULE_FIELDS = ['Variable', 'Next', 'Comment', 'Assign', 'And', 'Or', 'Not'] as const;
