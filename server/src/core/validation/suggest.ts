/** Longer than any name worth a suggestion (state names stop at 80 characters): such a word gets none. */
const MAX_WORD = 128;
/**
 * How many table cells one call may fill, across all candidates: a misspelled Next in a 5,000-state machine
 * with 80-character names stays within a few milliseconds, and past the budget the candidates left are skipped.
 * Real machines never come close (2,000 names of 15 characters fill well under 100,000 cells).
 */
const CELL_BUDGET = 2_000_000;

/**
 * The candidates closest to `word` (case-insensitive optimal string alignment distance, at most a third of its
 * length and at least 2), best first; none if nothing is close. Each distance is computed only within that bound,
 * in a band around the diagonal, and given up as soon as a whole row exceeds it; the bound tightens to the
 * `max`-th best distance found so far.
 */
export function suggest(word: string, candidates: Iterable<string>, max = 3): string[] {
  if (word.length > MAX_WORD || max <= 0) return [];
  const lower = word.toLowerCase();
  let limit = Math.max(2, Math.floor(word.length / 3));
  const best: [string, number][] = [];
  const budget = { cells: CELL_BUDGET };
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - lower.length) > limit) continue;
    const d = boundedDistance(lower, candidate.toLowerCase(), limit, budget);
    if (budget.cells < 0) break;
    if (d > limit) continue;
    best.push([candidate, d]);
    best.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
    if (best.length > max) best.pop();
    if (best.length === max) limit = best[max - 1][1];
  }
  return best.map(([c]) => c);
}

/**
 * The optimal string alignment distance (insertions, deletions, substitutions and adjacent swaps: "Nxet") of `a`
 * and `b` if it is at most `bound`, else some number above `bound`. Fills only cells within `bound` of the
 * diagonal, and stops at the first row whose every cell exceeds the bound (distances never shrink down the rows).
 */
export function boundedDistance(a: string, b: string, bound: number, budget = { cells: Infinity }): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > bound) return bound + 1;
  const over = bound + 1;
  let beforePrevious = new Array<number>(m + 1).fill(over);
  let previous = new Array<number>(m + 1).fill(over);
  let current = new Array<number>(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, bound); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(m, i + bound);
    budget.cells -= to - from + 1;
    // Cells beside the band hold more than the bound: sentinels, so the next row reads no stale value.
    current[0] = i <= bound ? i : over;
    if (from > 1) current[from - 1] = over;
    if (to < m) current[to + 1] = over;
    let rowMin = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, beforePrevious[j - 2] + 1);
      }
      current[j] = Math.min(d, over);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > bound) return over;
    const recycled = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = recycled;
  }
  return previous[m];
}

/** "'A'", "'A' or 'B'", "'A', 'B' or 'C'". */
export function quoteList(items: string[]): string {
  const quoted = items.map((s) => `'${s}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
