import { memoByText } from './memoByText';
import type { ParseResult } from './parseResult';

/** One argument of an intrinsic call; offsets are relative to the start of the whole expression. */
export type IntrinsicArg =
  | { kind: 'string'; value: string; offset: number; length: number }
  | { kind: 'number'; value: number; offset: number; length: number }
  | { kind: 'boolean'; value: boolean; offset: number; length: number }
  | { kind: 'null'; value: null; offset: number; length: number }
  | { kind: 'path'; value: string; offset: number; length: number }
  | { kind: 'call'; value: IntrinsicCall; offset: number; length: number };

export interface IntrinsicCall {
  name: string;
  nameOffset: number;
  args: IntrinsicArg[];
  offset: number;
  length: number;
}

/** Stand-ins for `\{` and `\}` in parsed string arguments (private-use characters). */
export const ESCAPED_OPEN = '\uE000';
export const ESCAPED_CLOSE = '\uE001';

/** A string argument with escaped braces turned back into plain braces. */
export function plainString(value: string): string {
  return value.replace(/\uE000/g, '{').replace(/\uE001/g, '}');
}

/** True when a `.$` value (or ErrorPath/CausePath) is an intrinsic call rather than a path. */
export function looksLikeIntrinsic(text: string): boolean {
  // Both forms need a '(': most texts asked about are paths, which have none.
  return text.includes('(') && (/^\s*States\.[A-Za-z0-9]*\s*\(/.test(text) || /^[A-Za-z][\w.]*\s*\(/.test(text));
}

/**
 * Parses `States.Name(arg, ...)` with nested calls, 'strings' (escapes \' \{ \} \\), numbers, booleans, null and
 * paths; the result is shared by every parse of the same text (read-only).
 */
export const parseIntrinsic: (text: string) => ParseResult<IntrinsicCall> = memoByText(parseUncached);

function parseUncached(text: string): ParseResult<IntrinsicCall> {
  const parser = new IntrinsicParser(text);
  try {
    const call = parser.call();
    parser.spaces();
    if (parser.pos < text.length) parser.fail(`Unexpected text after the closing parenthesis`, parser.pos, text.length - parser.pos);
    return { ok: true, value: call };
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return { ok: false, error: { message: error.message, offset: error.offset, length: error.length } };
    throw error;
  }
}

class IntrinsicSyntaxError extends Error {
  constructor(message: string, readonly offset: number, readonly length: number) {
    super(message);
  }
}

class IntrinsicParser {
  pos = 0;
  constructor(private readonly text: string) {}

  call(): IntrinsicCall {
    this.spaces();
    const start = this.pos;
    const match = /^[A-Za-z_][\w.]*/.exec(this.text.slice(this.pos));
    if (!match) this.fail('Expected an intrinsic function name such as States.Format', this.pos, 1);
    const name = match![0];
    this.pos += name.length;
    this.spaces();
    if (this.text[this.pos] !== '(') this.fail(`Expected '(' after ${name}`, this.pos, 1);
    this.pos++;
    const args: IntrinsicArg[] = [];
    this.spaces();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return { name, nameOffset: start, args, offset: start, length: this.pos - start };
    }
    for (;;) {
      args.push(this.arg());
      this.spaces();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ')') {
        this.pos++;
        return { name, nameOffset: start, args, offset: start, length: this.pos - start };
      }
      if (c === undefined) this.fail(`Missing ')' to close ${name}(`, start, this.text.length - start);
      this.fail(`Expected ',' or ')' in the arguments of ${name}`, this.pos, 1);
    }
  }

  private arg(): IntrinsicArg {
    this.spaces();
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === "'") return this.string();
    if (c === '$') {
      const end = this.pathEnd(this.pos);
      this.pos = end;
      return { kind: 'path', value: this.text.slice(start, end).trimEnd(), offset: start, length: end - start };
    }
    const rest = this.text.slice(this.pos);
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return { kind: 'number', value: Number(number[0]), offset: start, length: number[0].length };
    }
    for (const [word, kind, value] of [['null', 'null', null], ['true', 'boolean', true], ['false', 'boolean', false]] as const) {
      if (rest.startsWith(word) && !/[\w.(]/.test(rest[word.length] ?? '')) {
        this.pos += word.length;
        return { kind, value, offset: start, length: word.length } as IntrinsicArg;
      }
    }
    if (/^[A-Za-z_]/.test(rest)) {
      const call = this.call();
      return { kind: 'call', value: call, offset: start, length: this.pos - start };
    }
    if (c === '"') this.fail("Strings in intrinsic functions use single quotes: 'text'", start, 1);
    if (c === undefined || c === ')' || c === ',') this.fail('Expected an argument', start, 1);
    this.fail(`Unexpected '${c}' in intrinsic function arguments`, start, 1);
  }

  private string(): IntrinsicArg {
    const start = this.pos;
    this.pos++;
    let value = '';
    while (this.pos < this.text.length && this.text[this.pos] !== "'") {
      if (this.text[this.pos] === '\\') {
        const next = this.text[this.pos + 1];
        if (next === undefined) break;
        // AWS refuses any other escape at definition time (developer guide, "Intrinsic functions": the reserved
        // characters ' { } \ are the ones escaped with a backslash).
        if (!"'{}\\".includes(next)) this.fail(`'\\${next}' is not an escape AWS accepts: only \\' \\{ \\} and \\\\ are`, this.pos, 2);
        // A backslash escapes the reserved characters ' { } \. Escaped braces become markers so that
        // States.Format can tell them from its {} holes; everyone else reads them as plain braces.
        value += next === '{' ? ESCAPED_OPEN : next === '}' ? ESCAPED_CLOSE : next;
        this.pos += 2;
        continue;
      }
      value += this.text[this.pos++];
    }
    if (this.pos >= this.text.length) this.fail('Unclosed string: add a closing single quote', start, this.text.length - start);
    this.pos++;
    return { kind: 'string', value, offset: start, length: this.pos - start };
  }

  /** End of a path argument: the next ',' or ')' outside brackets, parentheses and quotes. */
  private pathEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === "'" || c === '"') {
        i++;
        while (i < this.text.length && this.text[i] !== c) i += this.text[i] === '\\' ? 2 : 1;
      } else if (c === '[' || c === '(') depth++;
      else if ((c === ']' || c === ')') && depth > 0) depth--;
      else if ((c === ',' || c === ')') && depth === 0) return i;
    }
    return this.text.length;
  }

  spaces(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  fail(message: string, offset: number, length: number): never {
    throw new IntrinsicSyntaxError(message, offset, Math.max(1, length));
  }
}

/** Depth of nested calls: `States.A(States.B())` is 2. */
export function nestingDepth(call: IntrinsicCall): number {
  let deepest = 0;
  for (const arg of call.args) if (arg.kind === 'call') deepest = Math.max(deepest, nestingDepth(arg.value));
  return deepest + 1;
}
