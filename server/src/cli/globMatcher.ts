/** A pattern the CLI cannot use: unbalanced braces, too many alternatives, too long. */
export class GlobError extends Error {}

/** Longer than any real pattern; keeps brace expansion cheap. */
const MAX_PATTERN = 4096;
/** How many patterns `{a,b}` groups may expand to. */
const MAX_ALTERNATIVES = 256;

/** True when the argument uses glob syntax (`*`, `?`, `[...]`, `{a,b}`). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** The leading folders of a glob that hold no glob syntax: where the walk starts. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isGlob(part)) break;
    base.push(part);
  }
  return base.join('/');
}

type CharTest = { any: true } | { char: string } | { negated: boolean; ranges: [string, string][] };
/** One path segment's pattern: character tests and `*` (any run of characters within the segment). */
type SegmentPattern = (CharTest | 'star')[];

/**
 * Compiles a glob over `/`-separated relative paths to a matcher: `**` as a whole segment spans any number of
 * folders, `*` and `?` stay inside one segment, `{a,b}` alternates (nesting allowed), `[...]` / `[!...]` is a
 * character class, `\` escapes. No regular expression and no backtracking: each segment and the segment list are
 * matched by the two-pointer wildcard walk, at most (pattern length × text length) steps however many stars there
 * are. Throws GlobError for a pattern it cannot use.
 */
export function globMatcher(pattern: string): (path: string) => boolean {
  if (pattern.length > MAX_PATTERN) throw new GlobError(`the pattern is longer than ${MAX_PATTERN} characters`);
  const alternatives = expandBraces(pattern).map(compilePath);
  return (path) => {
    const segments = path.split('/');
    return alternatives.some((alt) => wildcardMatch(alt, segments, (seg, name) => wildcardMatch(seg, name.split(''), matchChar)));
  };
}

/** `{a,b}` groups expanded, innermost first, into plain patterns. */
function expandBraces(pattern: string): string[] {
  const done: string[] = [];
  const work = [pattern];
  while (work.length > 0) {
    const p = work.pop()!;
    const close = findUnescaped(p, '}', 0);
    const lastOpen = findLastUnescaped(p, '{', close < 0 ? p.length : close);
    if (close < 0 && lastOpen < 0) {
      done.push(p);
      continue;
    }
    if (close < 0) throw new GlobError("'{' without a closing '}'");
    if (lastOpen < 0) throw new GlobError("'}' without an opening '{'");
    const options = splitUnescaped(p.slice(lastOpen + 1, close), ',');
    for (const option of options.reverse()) work.push(p.slice(0, lastOpen) + option + p.slice(close + 1));
    if (done.length + work.length > MAX_ALTERNATIVES) throw new GlobError(`the braces expand to more than ${MAX_ALTERNATIVES} patterns`);
  }
  return done;
}

function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let i = text.indexOf(char, from); i >= 0; i = text.indexOf(char, i + 1)) if (!isEscaped(text, i)) return i;
  return -1;
}

function findLastUnescaped(text: string, char: string, before: number): number {
  for (let i = text.lastIndexOf(char, before - 1); i >= 0; i = i > 0 ? text.lastIndexOf(char, i - 1) : -1) if (!isEscaped(text, i)) return i;
  return -1;
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = findUnescaped(text, separator, 0); i >= 0; i = findUnescaped(text, separator, i + 1)) {
    parts.push(text.slice(start, i));
    start = i + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** A brace-free pattern as a list of segment patterns and 'globstar' (consecutive `**` segments as one). */
function compilePath(pattern: string): (SegmentPattern | 'globstar')[] {
  const out: (SegmentPattern | 'globstar')[] = [];
  for (const segment of pattern.split('/')) {
    if (segment === '**') {
      if (out.at(-1) !== 'globstar') out.push('globstar');
    } else {
      out.push(compileSegment(segment));
    }
  }
  return out;
}

function compileSegment(segment: string): SegmentPattern {
  const out: SegmentPattern = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\' && i + 1 < segment.length) out.push({ char: segment[++i] });
    else if (c === '*') {
      if (out.at(-1) !== 'star') out.push('star');
    } else if (c === '?') out.push({ any: true });
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        out.push({ char: c });
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      out.push({ negated, ranges });
      i = end;
    } else out.push({ char: c });
  }
  return out;
}

function matchChar(test: CharTest | 'star', char: string): boolean {
  if (test === 'star') return false;
  if ('any' in test) return true;
  if ('char' in test) return test.char === char;
  return test.ranges.some(([lo, hi]) => char >= lo && char <= hi) !== test.negated;
}

/**
 * Whether `items` match `pattern`, where a wildcard ('star' or 'globstar') takes any run of items and every other
 * element exactly one item (by `one`). Greedy with a single back-up point, the last wildcard seen: a later
 * wildcard can always take over what an earlier one would have, so no other choice needs revisiting.
 */
function wildcardMatch<P, T>(pattern: readonly (P | 'star' | 'globstar')[], items: readonly T[], one: (p: P, item: T) => boolean): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  const isWild = (x: P | 'star' | 'globstar') => x === 'star' || x === 'globstar';
  while (i < items.length) {
    if (p < pattern.length && isWild(pattern[p])) {
      starP = p++;
      starI = i;
    } else if (p < pattern.length && one(pattern[p] as P, items[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isWild(pattern[p])) p++;
  return p === pattern.length;
}
