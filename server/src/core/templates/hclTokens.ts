/** One token of a Terraform (HCL) file, for finding state machine definitions: not a full HCL parser. */
export interface HclToken {
  kind: 'ident' | 'string' | 'heredoc' | 'number' | 'punct' | 'newline';
  offset: number;
  length: number;
  /** The identifier, the punctuation, or the heredoc's marker. */
  text: string;
}

/** A heredoc's content: where its lines start and end in the file, and whether `<<-` strips their indentation. */
export interface HeredocBody {
  contentStart: number;
  contentEnd: number;
  indented: boolean;
}

/**
 * Splits HCL text into tokens in one linear pass: comments are dropped; a quoted string (with its `${...}`
 * interpolations, which may hold strings and braces of their own) and a heredoc are one token each. Never throws;
 * an unterminated string ends at its line, an unterminated heredoc or comment at the end of the file.
 */
export function hclTokens(text: string): HclToken[] {
  const tokens: HclToken[] = [];
  let pos = 0;
  while (pos < text.length) {
    const c = text[pos];
    if (c === '\n') {
      tokens.push({ kind: 'newline', offset: pos, length: 1, text: '\n' });
      pos++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      pos++;
    } else if (c === '#' || (c === '/' && text[pos + 1] === '/')) {
      const end = text.indexOf('\n', pos);
      pos = end < 0 ? text.length : end;
    } else if (c === '/' && text[pos + 1] === '*') {
      const end = text.indexOf('*/', pos + 2);
      pos = end < 0 ? text.length : end + 2;
    } else if (c === '"') {
      const end = quotedEnd(text, pos);
      tokens.push({ kind: 'string', offset: pos, length: end - pos, text: '' });
      pos = end;
    } else if (c === '<' && text[pos + 1] === '<' && /^<<-?[A-Za-z_][\w-]*[ \t]*\r?\n/.test(text.slice(pos, pos + 80))) {
      const m = /^<<-?([A-Za-z_][\w-]*)/.exec(text.slice(pos, pos + 80))!;
      const end = heredocEnd(text, pos, m[1]);
      tokens.push({ kind: 'heredoc', offset: pos, length: end - pos, text: m[1] });
      pos = end;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = pos;
      while (pos < text.length && /[\w-]/.test(text[pos])) pos++;
      tokens.push({ kind: 'ident', offset: start, length: pos - start, text: text.slice(start, pos) });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(pos, pos + 64))!;
      tokens.push({ kind: 'number', offset: pos, length: m[0].length, text: m[0] });
      pos += m[0].length;
    } else {
      const two = text.slice(pos, pos + 2);
      const op = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...'].find((o) => text.startsWith(o, pos)) ?? (two === '::' ? two : c);
      tokens.push({ kind: 'punct', offset: pos, length: op.length, text: op });
      pos += op.length;
    }
  }
  return tokens;
}

/** The offset after a quoted string starting at `start` (its closing quote, or its line's end when unterminated). */
export function quotedEnd(text: string, start: number, nesting = 0): number {
  let pos = start + 1;
  while (pos < text.length) {
    const c = text[pos];
    if (c === '"') return pos + 1;
    if (c === '\n') return pos;
    if (c === '\\') pos += 2;
    else if ((c === '$' || c === '%') && text[pos + 1] === '{') {
      if (text[pos - 1] === c && text[pos - 2] !== c) pos += 2; // $${ and %%{ are literal
      else pos = nesting > MAX_NESTING ? lineEnd(text, pos) : templateEnd(text, pos + 2, lineEnd(text, pos), nesting + 1);
    } else pos++;
  }
  return text.length;
}

/** Strings inside interpolations inside strings...: past this depth the rest of the line is taken as one. */
const MAX_NESTING = 32;

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

/**
 * The offset after the `}` closing an interpolation or directive whose body starts at `pos`, looked for up to
 * `limit` (its line: an interpolation left open must not make every later one scan the rest of the file).
 */
export function templateEnd(text: string, pos: number, limit = lineEnd(text, pos), nesting = 0): number {
  let depth = 1;
  while (pos < limit) {
    const c = text[pos];
    if (c === '"') pos = Math.min(quotedEnd(text, pos, nesting + 1), limit);
    else if (c === '{') { depth++; pos++; }
    else if (c === '}') {
      pos++;
      if (--depth === 0) return pos;
    } else pos++;
  }
  return limit;
}

function heredocEnd(text: string, start: number, marker: string): number {
  const firstLine = text.indexOf('\n', start);
  let lineStart = firstLine + 1;
  while (lineStart > 0 && lineStart <= text.length) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    if (text.slice(lineStart, lineEnd).trim() === marker) return lineStart + text.slice(lineStart, lineEnd).indexOf(marker) + marker.length;
    if (next < 0) break;
    lineStart = next + 1;
  }
  return text.length;
}

/** The content of a heredoc token: from the line after `<<EOF` to the end of the line before the closing marker. */
export function heredocBody(text: string, token: HclToken): HeredocBody {
  const contentStart = Math.min(text.indexOf('\n', token.offset) + 1 || text.length, token.offset + token.length);
  const end = token.offset + token.length;
  const closingLine = text.lastIndexOf('\n', end - 1);
  const contentEnd = closingLine >= contentStart ? closingLine + 1 : end;
  return { contentStart, contentEnd, indented: text[token.offset + 2] === '-' };
}
