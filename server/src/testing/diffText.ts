/** A line diff of two JSON values for a failure message: `-` expected, `+` actual, two lines of context. */

const MAX_LINES = 400;
const CONTEXT = 2;

export function pretty(value: unknown): string {
  if (value === undefined) return '(nothing)';
  return JSON.stringify(value, null, 2) ?? String(value);
}

export function diffValues(expected: unknown, actual: unknown): string {
  const a = pretty(expected).split('\n');
  const b = pretty(actual).split('\n');
  if (a.length > MAX_LINES || b.length > MAX_LINES) return [...a.slice(0, 40).map((l) => `- ${l}`), ...(a.length > 40 ? ['- …'] : []), ...b.slice(0, 40).map((l) => `+ ${l}`), ...(b.length > 40 ? ['+ …'] : [])].join('\n');
  // Longest common subsequence of lines, then a walk that emits kept, removed and added lines.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const rows: { mark: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ mark: ' ', text: a[i++] });
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1][j] >= lcs[i][j + 1])) rows.push({ mark: '-', text: a[i++] });
    else rows.push({ mark: '+', text: b[j++] });
  }
  const keep = rows.map((row, n) => row.mark !== ' ' || rows.slice(Math.max(0, n - CONTEXT), n + CONTEXT + 1).some((r) => r.mark !== ' '));
  const out: string[] = [];
  rows.forEach((row, n) => {
    if (keep[n]) out.push(`${row.mark} ${row.text}`);
    else if (keep[n - 1]) out.push('  …');
  });
  return out.join('\n');
}
