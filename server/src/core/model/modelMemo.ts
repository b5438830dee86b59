import type { StateMachineModel } from './types';

/**
 * A value derived from a model, computed once per model object and kept on it (so it lives as long as the model).
 * Validation makes a model per state (the whole model seen through one state): a WeakMap per derived value would
 * take thousands of short-lived entries per analysis, costly to insert and to collect; a small map on the model
 * is neither. `key` names the value (by convention the function computing it).
 */
export function memoized<T>(model: StateMachineModel, key: object, compute: () => T): T {
  let memo = model.memo;
  if (!memo) model.memo = memo = new Map();
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}
