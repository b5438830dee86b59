import { looksLikeIntrinsic, parseIntrinsic } from '../core/expressions/intrinsics';
import { parseJsonata } from '../core/expressions/jsonata';
import { parseJsonPath } from '../core/expressions/jsonPath';

export type ExpressionKind = 'jsonata' | 'intrinsic' | 'jsonpath';

/**
 * How the debugger reads an expression (debug console, watch, hover, breakpoint condition, logpoint `{...}`):
 * `{% ... %}` is JSONata; `States.Format(...)` and the like are intrinsic functions; a text that parses as a
 * JSONPath (`$.order.total`, `$$.Execution.Id`, `$myVar.items[0]`) is one, over the state input, the context
 * object and the variables; anything else (`$states.input.total > 10`, `$count($states.input.items)`) is JSONata
 * with `$states` and the variables bound, as in a JSONata state. Only parsed here: evaluating happens in the
 * execution worker.
 */
export function expressionKind(text: string): { kind: ExpressionKind; body: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{%') && trimmed.endsWith('%}')) return { kind: 'jsonata', body: trimmed.slice(2, -2) };
  if (looksLikeIntrinsic(trimmed)) return { kind: 'intrinsic', body: trimmed };
  if (trimmed.startsWith('$') && !/^\$states\b/.test(trimmed) && parseJsonPath(trimmed).ok) return { kind: 'jsonpath', body: trimmed };
  return { kind: 'jsonata', body: trimmed };
}

/** Why an expression cannot be read, or undefined when it parses. */
export function expressionError(text: string): string | undefined {
  if (text.trim() === '') return 'the expression is empty';
  const { kind, body } = expressionKind(text);
  if (kind === 'intrinsic') {
    const parsed = parseIntrinsic(body);
    return parsed.ok ? undefined : `not a valid intrinsic function: ${parsed.error.message}`;
  }
  if (kind === 'jsonpath') return undefined;
  const parsed = parseJsonata(body);
  return parsed.ok ? undefined : `neither a JSONPath nor a valid JSONata expression: ${parsed.error.message}`;
}

/** The `{expression}` parts of a logpoint message (`{{` and `}}` are braces). */
export function logParts(message: string): ({ text: string } | { expression: string })[] {
  const parts: ({ text: string } | { expression: string })[] = [];
  const re = /\{\{|\}\}|\{([^{}]+)\}/g;
  let last = 0;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    if (m.index > last) parts.push({ text: message.slice(last, m.index) });
    last = re.lastIndex;
    parts.push(m[1] === undefined ? { text: m[0][0] } : { expression: m[1] });
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}

/** Why a breakpoint's condition, hit count or log message cannot work, or undefined. */
export function breakpointProblem(bp: { condition?: string; hitCondition?: string; logMessage?: string }, parseHit: (text: string) => unknown): string | undefined {
  if (bp.condition !== undefined && bp.condition.trim() !== '') {
    const problem = expressionError(bp.condition);
    if (problem) return `The condition does not parse: ${problem}`;
  }
  if (bp.hitCondition !== undefined && bp.hitCondition.trim() !== '') {
    const hit = parseHit(bp.hitCondition);
    if (typeof hit === 'string') return hit;
  }
  for (const part of bp.logMessage !== undefined ? logParts(bp.logMessage) : []) {
    if (!('expression' in part)) continue;
    const problem = expressionError(part.expression);
    if (problem) return `The log message's {${part.expression}} does not parse: ${problem}`;
  }
  return undefined;
}
