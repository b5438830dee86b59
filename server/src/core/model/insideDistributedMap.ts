import type { Scope } from './types';

/** True when the scope is, or sits inside, the processor of a Map in Distributed mode. */
export function insideDistributedMap(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.distributed) return true;
  return false;
}
