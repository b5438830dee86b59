/**
 * A breakpoint's hit condition: `N` or `>= N` stops from the Nth time the breakpoint is reached (its condition,
 * if any, holding) on; `> N`, `== N`, `< N`, `<= N` compare the count; `% N` stops every Nth time.
 */
export type HitTest = (count: number) => boolean;

export function parseHitCondition(text: string): HitTest | string {
  const m = /^\s*(>=|<=|==|>|<|%|=)?\s*(\d+)\s*$/.exec(text);
  if (!m) return `The hit count '${text}' is not understood: use N, >= N, > N, == N, < N, <= N or % N`;
  const n = Number(m[2]);
  switch (m[1]) {
    case '>': return (c) => c > n;
    case '<': return (c) => c < n;
    case '<=': return (c) => c <= n;
    case '==':
    case '=': return (c) => c === n;
    case '%': return n === 0 ? 'The hit count % 0 never stops' : (c) => c % n === 0;
    default: return (c) => c >= n;
  }
}
