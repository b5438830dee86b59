import type { StringLiteral } from './ast';

/** One decoded character of a literal's content and the source characters [start, end) that write it. */
interface Unit {
  ch: string;
  start: number;
  end: number;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"',
  '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Maps an index into a YAML string's decoded value to an offset in the text. Escapes (double quotes) and `''`
 * (single quotes) are decoded; whitespace that folding or block indentation adds or removes is skipped, so every
 * other character lands exactly where it is written, in plain, quoted and block scalars alike.
 */
export function offsetInYamlString(text: string, literal: StringLiteral, value: string, index: number): number {
  const units = unitsOf(text, literal);
  let u = 0;
  const limit = Math.min(index, value.length);
  for (let i = 0; i < limit; i++) u = advance(units, u, value[i]);
  if (index >= value.length) return u > 0 ? units[u - 1].end : literal.contentStart;
  const at = find(units, u, value[index]);
  if (at < units.length) return units[at].start;
  return u > 0 ? units[u - 1].end : literal.contentStart;
}

/** The unit index after matching one decoded character starting at unit `u`. */
function advance(units: Unit[], u: number, ch: string): number {
  if (u >= units.length) return u;
  if (units[u].ch === ch) return u + 1;
  if (isSpace(ch)) return isSpace(units[u].ch) ? u + 1 : u;
  const at = find(units, u, ch);
  return at < units.length ? at + 1 : u;
}

/** The unit writing `ch` at `u` or after whitespace the decoding folds away; units.length when there is none. */
function find(units: Unit[], u: number, ch: string): number {
  let k = u;
  while (k < units.length && units[k].ch !== ch && isSpace(units[k].ch)) k++;
  return k < units.length && units[k].ch === ch ? k : units.length;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function unitsOf(text: string, literal: StringLiteral): Unit[] {
  const units: Unit[] = [];
  const end = Math.min(literal.contentEnd, text.length);
  let i = literal.contentStart;
  while (i < end) {
    const c = text[i];
    if (literal.style === 'single' && c === "'" && text[i + 1] === "'") {
      units.push({ ch: "'", start: i, end: i + 2 });
      i += 2;
    } else if (literal.style === 'double' && c === '\\') {
      i = escape(text, i, end, units);
    } else {
      units.push({ ch: c, start: i, end: i + 1 });
      i += 1;
    }
  }
  return units;
}

/** Decodes the escape at `i` (a backslash) into `units`; returns the offset after it. */
function escape(text: string, i: number, end: number, units: Unit[]): number {
  const next = text[i + 1];
  if (next === '\n' || next === '\r') {
    // An escaped line break joins the lines: it and the next line's indentation write nothing.
    let j = i + 1;
    if (text[j] === '\r' && text[j + 1] === '\n') j++;
    j++;
    while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
    return j;
  }
  const digits = next !== undefined ? HEX_DIGITS[next] : undefined;
  if (digits !== undefined) {
    const code = parseInt(text.slice(i + 2, i + 2 + digits), 16);
    const ch = Number.isNaN(code) ? '' : String.fromCodePoint(code);
    for (const part of ch.length > 0 ? ch.split('') : ['']) units.push({ ch: part, start: i, end: Math.min(i + 2 + digits, end) });
    return Math.min(i + 2 + digits, end);
  }
  units.push({ ch: (next !== undefined ? ESCAPES[next] : undefined) ?? next ?? '\\', start: i, end: Math.min(i + 2, end) });
  return Math.min(i + 2, end);
}

/**
 * The text offset of every character of a YAML string's decoded value, in one pass (offsetInYamlString for each
 * index would walk the literal once per character): JSON inside a template's block scalar is mapped this way.
 */
export function offsetsInYamlString(text: string, literal: StringLiteral, value: string): Int32Array {
  const units = unitsOf(text, literal);
  const out = new Int32Array(value.length);
  let u = 0;
  for (let i = 0; i < value.length; i++) {
    const at = find(units, u, value[i]);
    out[i] = at < units.length ? units[at].start : u > 0 ? units[u - 1].end : literal.contentStart;
    u = advance(units, u, value[i]);
  }
  return out;
}
