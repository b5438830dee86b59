import { compilePath, evaluatePath, type PathRoots } from './jsonPathEval';
import { StatesError } from './statesError';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Evaluates a JSONPath Choice rule (asl-reference §5.3). A type mismatch is false; a missing Variable is States.Runtime except for IsPresent. */
export function ruleMatches(rule: Record<string, unknown>, roots: PathRoots): boolean {
  if (Array.isArray(rule.And)) return (rule.And as Record<string, unknown>[]).every((r) => ruleMatches(r, roots));
  if (Array.isArray(rule.Or)) return (rule.Or as Record<string, unknown>[]).some((r) => ruleMatches(r, roots));
  if (rule.Not && typeof rule.Not === 'object') return !ruleMatches(rule.Not as Record<string, unknown>, roots);
  const variable = String(rule.Variable);
  const found = evaluatePath(compilePath(variable), roots);
  const operator = operatorOf(rule);
  if (!operator) throw new StatesError('States.Runtime', 'A Choice rule has no comparison operator');
  if (operator === 'IsPresent') return found.found === rule.IsPresent;
  if (!found.found) throw new StatesError('States.Runtime', `Invalid path '${variable}': The choice state's condition path references an invalid value.`);
  const value = found.value;
  let expected = rule[operator];
  let op = operator;
  if (op.endsWith('Path')) {
    op = op.slice(0, -4);
    const other = evaluatePath(compilePath(String(expected)), roots);
    if (!other.found) throw new StatesError('States.Runtime', `Invalid path '${String(expected)}' in ${operator}`);
    expected = other.value;
  }
  switch (op) {
    case 'IsNull': return (value === null) === expected;
    case 'IsNumeric': return (typeof value === 'number') === expected;
    case 'IsString': return (typeof value === 'string') === expected;
    case 'IsBoolean': return (typeof value === 'boolean') === expected;
    case 'IsTimestamp': return (typeof value === 'string' && TIMESTAMP.test(value)) === expected;
    case 'BooleanEquals': return typeof value === 'boolean' && value === expected;
    case 'StringMatches': return typeof value === 'string' && typeof expected === 'string' && stringMatches(expected, value);
  }
  const [family, comparison] = COMPARISONS.get(op) ?? comparisonOf(op);
  let a: number | string;
  let b: number | string;
  if (family === 'timestamp') {
    if (typeof value !== 'string' || typeof expected !== 'string' || !TIMESTAMP.test(value) || !TIMESTAMP.test(expected)) return false;
    a = Date.parse(value);
    b = Date.parse(expected);
  } else {
    if (typeof value !== family || typeof expected !== family) return false;
    a = value as number | string;
    b = expected as number | string;
  }
  switch (comparison) {
    case 'Equals': return a === b;
    case 'LessThan': return a < b;
    case 'GreaterThan': return a > b;
    case 'LessThanEquals': return a <= b;
    case 'GreaterThanEquals': return a >= b;
  }
  return false;
}

// A rule's operator and an operator's family are found once: a Choice in a loop evaluates its rules every pass.
const operators = new WeakMap<object, string | undefined>();

function operatorOf(rule: Record<string, unknown>): string | undefined {
  if (operators.has(rule)) return operators.get(rule);
  const operator = Object.keys(rule).find((k) => k !== 'Variable' && k !== 'Next' && k !== 'Comment' && k !== 'Assign');
  // A rule that is not an object (an invalid definition run anyway) cannot be a WeakMap key.
  if (typeof rule === 'object' && rule !== null) operators.set(rule, operator);
  return operator;
}

type Family = 'string' | 'number' | 'timestamp';

function comparisonOf(op: string): [Family, string] {
  return [op.startsWith('String') ? 'string' : op.startsWith('Numeric') ? 'number' : 'timestamp', op.replace(/^(String|Numeric|Timestamp)/, '')];
}

const COMPARISONS = new Map<string, [Family, string]>(
  ['String', 'Numeric', 'Timestamp'].flatMap((family) => ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'].map((c) => {
    const op = `${family}${c}`;
    return [op, comparisonOf(op)] as [string, [Family, string]];
  })),
);

const patterns = new Map<string, string[]>();

/**
 * StringMatches (asl-reference §5.3): `*` matches any run of characters, `\*` is a literal star and `\\` a
 * backslash; any other backslash is an error. Matched without a regular expression, in linear time: the literal
 * pieces between stars are found left to right, the first anchored at the start and the last at the end.
 */
export function stringMatches(pattern: string, value: string): boolean {
  const pieces = piecesOf(pattern);
  if (pieces.length === 1) return value === pieces[0];
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first.length + last.length > value.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i];
    if (piece === '') continue;
    const found = value.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** The literal pieces of a pattern between its unescaped stars (n stars give n + 1 pieces). */
function piecesOf(pattern: string): string[] {
  let pieces = patterns.get(pattern);
  if (pieces) return pieces;
  pieces = [''];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[++i];
      if (next !== '*' && next !== '\\') throw new StatesError('States.Runtime', `Invalid StringMatches pattern '${pattern}': a backslash escapes only '*' or '\\'`);
      pieces[pieces.length - 1] += next;
    } else if (c === '*') pieces.push('');
    else pieces[pieces.length - 1] += c;
  }
  if (patterns.size > 1000) patterns.clear();
  patterns.set(pattern, pieces);
  return pieces;
}
