import type { AstNode, ObjectNode, PropertyNode } from '../../document/ast';
import { getProperty, openingSpan } from '../../document/ast';
import { isRfc3339Timestamp } from '../../spec/rfc3339';
import { CHOICE_OPERATORS, CHOICE_RULE_FIELDS, type OperatorValue } from '../../spec/choiceOperators';
import { isPlaceholderNode } from '../placeholders';
import { quoteList, suggest } from '../suggest';
import type { Rule, ValidationContext } from '../types';

const KNOWN_KEYS = new Set<string>([...CHOICE_RULE_FIELDS, ...Object.keys(CHOICE_OPERATORS)]);

/** JSONPath Choice rules (asl-reference §5.3). JSONata rules are checked by their schema. */
export const choiceRules: Rule = {
  code: 'invalid-choice-rule',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    'A JSONPath Choice rule needs Variable and exactly one comparison operator of the right value type (or And/Or/Not); top-level rules need Next, nested ones must not have it.',
  example: {
    bad: '{ "StartAt": "C", "States": { "C": { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericEquals": "1", "Next": "One" } ], "Default": "One" }, "One": { "Type": "Succeed" } } }',
    fixed: '{ "StartAt": "C", "States": { "C": { "Type": "Choice", "Choices": [ { "Variable": "$.n", "NumericEquals": 1, "Next": "One" } ], "Default": "One" }, "One": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    for (const state of ctx.model.states) {
      if (state.type !== 'Choice' || state.queryLanguage !== 'JSONPath') continue;
      for (const rule of state.choiceRules) checkRule(ctx, rule.node, true);
    }
  },
};

function checkRule(ctx: ValidationContext, node: AstNode, topLevel: boolean): void {
  if (node.kind !== 'object') {
    ctx.report({ span: node.span, message: 'A Choice rule must be an object' });
    return;
  }
  const next = getProperty(node, 'Next');
  if (topLevel && !next) ctx.report({ span: openBrace(node), message: "A top-level Choice rule needs 'Next'" });
  if (!topLevel && next) ctx.report({ span: next.keySpan, message: "A nested Choice rule (inside And, Or or Not) must not have 'Next'" });
  const assign = getProperty(node, 'Assign');
  if (!topLevel && assign) ctx.report({ span: assign.keySpan, message: "'Assign' is only allowed on a top-level Choice rule" });
  for (const prop of node.properties) {
    if (KNOWN_KEYS.has(prop.key)) continue;
    const suggestions = suggest(prop.key, KNOWN_KEYS);
    ctx.report({
      span: prop.keySpan,
      message: `Field '${prop.key}' is not supported in a Choice rule${suggestions.length ? `. Did you mean ${quoteList(suggestions)}?` : ''}`,
      data: { field: prop.key, suggestions },
    });
  }

  const operators = node.properties.filter((p) => p.key in CHOICE_OPERATORS);
  const booleans = node.properties.filter((p) => p.key === 'And' || p.key === 'Or' || p.key === 'Not');
  const variable = getProperty(node, 'Variable');
  if (booleans.length > 0) {
    if (booleans.length > 1 || operators.length > 0 || variable) {
      ctx.report({ span: booleans[0].keySpan, message: `A Choice rule with '${booleans[0].key}' cannot have other operators or 'Variable'` });
    }
    for (const b of booleans) checkBoolean(ctx, b);
    return;
  }
  if (!variable) {
    ctx.report({ span: openBrace(node), message: "A Choice rule needs 'Variable' and one comparison operator, or 'And', 'Or' or 'Not'" });
  } else if (variable.value && variable.value.kind !== 'string') {
    ctx.report({ span: variable.value.span, message: "'Variable' must be a path string" });
  }
  if (operators.length === 0) {
    if (variable) ctx.report({ span: variable.keySpan, message: 'A Choice rule needs exactly one comparison operator' });
    return;
  }
  for (const extra of operators.slice(1)) {
    ctx.report({ span: extra.keySpan, message: `A Choice rule has exactly one comparison operator; found ${quoteList(operators.map((o) => o.key))}` });
  }
  checkOperatorValue(ctx, operators[0]);
}

function checkBoolean(ctx: ValidationContext, prop: PropertyNode): void {
  const value = prop.value;
  if (!value) return;
  if (prop.key === 'Not') {
    if (value.kind === 'object') checkRule(ctx, value, false);
    else ctx.report({ span: value.span, message: "'Not' takes one rule (an object)" });
    return;
  }
  if (value.kind !== 'array' || value.items.length === 0) {
    ctx.report({ span: value.span, message: `'${prop.key}' takes a non-empty array of rules` });
    return;
  }
  for (const item of value.items) checkRule(ctx, item, false);
}

const VALUE_CHECKS: Record<OperatorValue, (v: AstNode) => string | undefined> = {
  string: (v) => (v.kind === 'string' ? undefined : 'a string'),
  pattern: (v) => (v.kind === 'string' ? patternProblem(v.value) : 'a string pattern'),
  number: (v) => (v.kind === 'number' ? undefined : 'a number'),
  boolean: (v) => (v.kind === 'boolean' ? undefined : 'true or false'),
  timestamp: (v) =>
    v.kind === 'string' && isRfc3339Timestamp(v.value) ? undefined : 'an RFC 3339 timestamp such as "2026-01-31T12:00:00Z"',
  path: (v) => (v.kind === 'string' && v.value.startsWith('$') ? undefined : 'a path starting with $'),
};

function checkOperatorValue(ctx: ValidationContext, operator: PropertyNode): void {
  const value = operator.value;
  if (!value || isPlaceholderNode(value, ctx.settings.allowPlaceholders)) return;
  const problem = VALUE_CHECKS[CHOICE_OPERATORS[operator.key]](value);
  if (problem) ctx.report({ span: value.span, message: `'${operator.key}' takes ${problem}` });
}

/** A dangling backslash makes StringMatches fail at run time; only `\*` and `\\` are escapes. */
function patternProblem(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    if (pattern[i + 1] === '*' || pattern[i + 1] === '\\') i++;
    else return "a pattern where '\\' escapes only '*' or '\\'";
  }
  return undefined;
}

function openBrace(node: ObjectNode) {
  return openingSpan(node);
}
