import { getValue, type AstNode } from '../document/ast';

const SYMBOLS: Record<string, string> = { Equals: '==', LessThan: '<', GreaterThan: '>', LessThanEquals: '<=', GreaterThanEquals: '>=' };
const MAX = 48;

/** A short readable form of a Choice rule: `$.status == "OK"`, `not ($.a > 1)`, or the JSONata Condition. */
export function describeRule(rule: AstNode): string {
  const text = describe(rule);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function describe(rule: AstNode): string {
  if (rule.kind !== 'object') return '?';
  const condition = getValue(rule, 'Condition');
  if (condition) return condition.kind === 'string' ? condition.value.replace(/^\{%\s*|\s*%\}$/g, '') : String((condition as { value?: unknown }).value);
  for (const op of ['And', 'Or'] as const) {
    const list = getValue(rule, op);
    if (list?.kind === 'array') return list.items.map((r) => `(${describe(r)})`).join(op === 'And' ? ' and ' : ' or ');
  }
  const not = getValue(rule, 'Not');
  if (not) return `not (${describe(not)})`;
  const variable = getValue(rule, 'Variable');
  const v = variable?.kind === 'string' ? variable.value : '?';
  for (const prop of rule.properties) {
    const m = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/.exec(prop.key);
    if (m && prop.value) {
      const value = prop.value.kind === 'string' && !m[3] ? JSON.stringify(prop.value.value) : prop.value.kind === 'string' ? prop.value.value : String((prop.value as { value?: unknown }).value);
      return `${v} ${SYMBOLS[m[2]]} ${value}`;
    }
    if (prop.key === 'StringMatches' && prop.value?.kind === 'string') return `${v} matches ${JSON.stringify(prop.value.value)}`;
    if (/^Is(Null|Present|Numeric|String|Boolean|Timestamp)$/.test(prop.key) && prop.value?.kind === 'boolean') {
      return `${v} ${prop.value.value ? 'is' : 'is not'} ${prop.key.slice(2).toLowerCase()}`;
    }
  }
  return v;
}
