import { StatesError } from './statesError';

type Obj = Record<string, unknown>;

/** A Map's MaxConcurrency and tolerated-failure thresholds, as read from their field, `*Path` or JSONata form. */
export interface MapLimits {
  maxConcurrency?: unknown;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

const RULES = {
  MaxConcurrency: { what: 'a non-negative integer', ok: (n: number) => Number.isInteger(n) && n >= 0 },
  ToleratedFailureCount: { what: 'a non-negative integer', ok: (n: number) => Number.isInteger(n) && n >= 0 },
  ToleratedFailurePercentage: { what: 'a number between 0 and 100', ok: (n: number) => n >= 0 && n <= 100 },
} as const;

/**
 * Checks a limit read at run time. A `*Path` pointing at a value of the wrong type or out of range is
 * `States.Runtime` (issue 14); a JSONata expression's wrong result is `States.QueryEvaluationError` (asl-reference
 * §0.3: any evaluation failure, a wrong type or a value out of range). The message names the field.
 */
export function checkedLimit(field: keyof typeof RULES, value: unknown, from: 'literal' | 'path' | 'jsonata', expression?: unknown): number | undefined {
  if (value === undefined) return undefined;
  const rule = RULES[field];
  if (typeof value === 'number' && Number.isFinite(value) && rule.ok(value)) return value;
  const shown = JSON.stringify(value) ?? String(value);
  if (from === 'jsonata') {
    const text = typeof expression === 'string' ? expression.slice(2, -2).trim() : shown;
    throw new StatesError('States.QueryEvaluationError', `The JSONata expression '${text}' specified for the field '${field}' returned an unexpected result: expected ${rule.what}, but was: ${shown}`);
  }
  const name = from === 'path' ? `${field}Path` : field;
  throw new StatesError('States.Runtime', `The value of the field '${name}' must be ${rule.what}, but was: ${shown}`);
}

/** Whether the failed iterations break the thresholds: either set threshold breached; with none, any failure. */
export function exceedsTolerance(failures: number, total: number, limits: MapLimits): boolean {
  if (failures === 0) return false;
  const { toleratedFailureCount: count, toleratedFailurePercentage: percentage } = limits;
  if (count === undefined && percentage === undefined) return true;
  return (count !== undefined && failures > count) || (percentage !== undefined && (failures / total) * 100 > percentage);
}

/** Reads the Map's limits of a JSONPath state: the literal field or its `*Path` through `select`. */
export function jsonPathMapLimits(state: Obj, select: (path: unknown) => unknown): MapLimits {
  const read = (field: keyof typeof RULES) => {
    const path = state[`${field}Path`];
    return path === undefined ? checkedLimit(field, state[field], 'literal') : checkedLimit(field, select(path), 'path');
  };
  return { maxConcurrency: read('MaxConcurrency'), toleratedFailureCount: read('ToleratedFailureCount'), toleratedFailurePercentage: read('ToleratedFailurePercentage') };
}

/** Reads the Map's limits of a JSONata state: literals or `{% %}` expressions evaluated by `evaluate`. */
export async function jsonataMapLimits(state: Obj, evaluate: (value: unknown, field: string) => Promise<unknown>): Promise<MapLimits> {
  const read = async (field: keyof typeof RULES) => {
    const raw = state[field];
    const dynamic = typeof raw === 'string' && raw.startsWith('{%') && raw.endsWith('%}');
    return checkedLimit(field, dynamic ? await evaluate(raw, field) : raw, dynamic ? 'jsonata' : 'literal', raw);
  };
  return { maxConcurrency: await read('MaxConcurrency'), toleratedFailureCount: await read('ToleratedFailureCount'), toleratedFailurePercentage: await read('ToleratedFailurePercentage') };
}
