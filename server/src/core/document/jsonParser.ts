import { OWN_SPAN, ownSpan, Property, type ArrayNode, type AstNode, type BooleanNode, type NullNode, type NumberNode, type ObjectNode, type Span, type StringNode } from './ast';
import type { SubtreeReuse } from './subtreeReuse';

export interface JsonSyntaxError {
  message: string;
  span: Span;
}

const BYTE_ORDER_MARK = 0xfeff;

/** Thrown (and caught by parseDocument) when nesting passes the limit, to stop before the stack does. */
export class NestingTooDeep extends Error {}

const enum Ch {
  Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46,
  Slash = 47, Zero = 48, Nine = 57, Colon = 58, UpperE = 69, OpenBracket = 91, Backslash = 92, CloseBracket = 93,
  LowerE = 101, OpenBrace = 123, CloseBrace = 125, Star = 42,
}

/**
 * A tolerant JSON parser that builds our syntax tree in one pass: half-typed text still gives the best tree it
 * can (a property without a value, an unclosed object) plus errors with exact spans. Several times faster than
 * building a jsonc-parser tree and converting it, which matters on 5,000-state machines re-parsed per keystroke.
 */
export class JsonParser {
  private pos = 0;
  private readonly strings = new Map<string, string>();
  readonly errors: JsonSyntaxError[] = [];

  /** With `reuse` and the previous version's root, unchanged members are taken from the old tree. */
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly reuse?: SubtreeReuse,
  ) {}

  parse(previousRoot?: AstNode): AstNode | undefined {
    // A UTF-8 byte order mark (editors write one) is no part of the definition; offsets still count it.
    if (this.text.charCodeAt(0) === BYTE_ORDER_MARK) this.pos = 1;
    this.skipTrivia();
    if (this.pos >= this.text.length) return undefined;
    const root = this.value(undefined, 0, previousRoot && this.reuse?.startingAt([previousRoot], this.pos));
    this.reuse?.finish();
    this.skipTrivia();
    if (this.pos < this.text.length) this.error('End of file expected', this.pos, this.tokenLength());
    return root;
  }

  /** `old` is the previous version's node at this place, whose unchanged members may be taken. */
  private value(parent: ObjectNode | ArrayNode | undefined, depth: number, old?: AstNode): AstNode | undefined {
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.OpenBrace) return this.object(parent, depth + 1, old?.kind === 'object' ? old : undefined);
    if (c === Ch.OpenBracket) return this.array(parent, depth + 1, old?.kind === 'array' ? old : undefined);
    if (c === Ch.Quote) return this.string(parent);
    if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) return this.number(parent);
    const start = this.pos;
    const word = this.word();
    if (word === 'true' || word === 'false') return ownSpan<BooleanNode>({ kind: 'boolean', value: word === 'true', offset: start, length: word.length, span: OWN_SPAN, parent });
    if (word === 'null') return ownSpan<NullNode>({ kind: 'null', value: null, offset: start, length: 4, span: OWN_SPAN, parent });
    if (word) {
      this.error('Invalid symbol', start, word.length);
      return undefined;
    }
    this.error('Value expected', this.pos, this.tokenLength());
    return undefined;
  }

  private object(parent: ObjectNode | ArrayNode | undefined, depth: number, old?: ObjectNode): ObjectNode {
    if (depth > this.maxDepth) throw new NestingTooDeep();
    const start = this.pos++;
    const node = ownSpan<ObjectNode>({ kind: 'object', properties: [], offset: start, length: 0, span: OWN_SPAN, parent });
    for (;;) {
      this.skipTrivia();
      const c = this.text.charCodeAt(this.pos);
      if (c === Ch.CloseBrace) {
        this.pos++;
        break;
      }
      if (Number.isNaN(c)) {
        this.error("'}' expected", this.pos, 0);
        break;
      }
      if (c !== Ch.Quote) {
        this.error('Property name expected', this.pos, this.tokenLength());
        if (c === Ch.CloseBracket) break;
        this.skipToken();
        continue;
      }
      const taken = old && this.reuse!.take(old.properties, this.pos);
      if (taken) {
        taken.value!.parent = node;
        node.properties.push(taken);
        this.pos += taken.span.length;
        if (!this.separator(Ch.CloseBrace, "'}' expected")) break;
        continue;
      }
      const oldProp = old && this.reuse!.startingAt(old.properties, this.pos);
      const keyStart = this.pos;
      const key = this.stringValue();
      const keyLength = this.pos - keyStart;
      const prop = new Property(key, keyLength, undefined, keyStart, keyLength, -1);
      node.properties.push(prop);
      this.skipTrivia();
      if (this.text.charCodeAt(this.pos) === Ch.Colon) {
        prop.colonOffset = this.pos++;
        this.skipTrivia();
        const next = this.text.charCodeAt(this.pos);
        if (next === Ch.Comma || next === Ch.CloseBrace || Number.isNaN(next)) {
          this.error('Value expected', this.pos, this.tokenLength());
        } else {
          const oldValue = oldProp?.value && this.reuse!.startingAt([oldProp.value], this.pos);
          const value = this.value(node, depth, oldValue);
          if (value) {
            prop.value = value;
            prop.length = value.offset + value.length - prop.offset;
          }
        }
      } else {
        this.error('Colon expected', this.pos, this.tokenLength());
      }
      if (!this.separator(Ch.CloseBrace, "'}' expected")) break;
    }
    node.length = this.pos - start;
    if (node.properties.length > 0) node.properties = node.properties.slice();
    return node;
  }

  private array(parent: ObjectNode | ArrayNode | undefined, depth: number, old?: ArrayNode): ArrayNode {
    if (depth > this.maxDepth) throw new NestingTooDeep();
    const start = this.pos++;
    const node = ownSpan<ArrayNode>({ kind: 'array', items: [], offset: start, length: 0, span: OWN_SPAN, parent });
    for (;;) {
      this.skipTrivia();
      const c = this.text.charCodeAt(this.pos);
      if (c === Ch.CloseBracket) {
        this.pos++;
        break;
      }
      if (Number.isNaN(c)) {
        this.error("']' expected", this.pos, 0);
        break;
      }
      if (c === Ch.Comma || c === Ch.CloseBrace) {
        this.error('Value expected', this.pos, 1);
        if (c === Ch.CloseBrace) break;
        this.pos++;
        continue;
      }
      const taken = old && this.reuse!.take(old.items, this.pos);
      if (taken) {
        taken.parent = node;
        node.items.push(taken);
        this.pos += taken.span.length;
        if (!this.separator(Ch.CloseBracket, "']' expected")) break;
        continue;
      }
      const item = this.value(node, depth, old && this.reuse!.startingAt(old.items, this.pos));
      if (item) node.items.push(item);
      else this.skipToken();
      if (!this.separator(Ch.CloseBracket, "']' expected")) break;
    }
    node.length = this.pos - start;
    if (node.items.length > 0) node.items = node.items.slice();
    return node;
  }

  /**
   * After a member: consumes ',' (reporting a trailing comma before the closer) or the closer itself.
   * Returns false when the container is finished.
   */
  private separator(close: number, missingClose: string): boolean {
    this.skipTrivia();
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.Comma) {
      const comma = this.pos++;
      this.skipTrivia();
      if (this.text.charCodeAt(this.pos) === close) {
        this.error('Trailing comma: JSON allows no comma before a closing bracket', comma, 1);
        this.pos++;
        return false;
      }
      return true;
    }
    if (c === close) {
      this.pos++;
      return false;
    }
    if (Number.isNaN(c)) {
      this.error(missingClose, this.pos, 0);
      return false;
    }
    if (c === Ch.CloseBrace || c === Ch.CloseBracket) {
      this.error(missingClose, this.pos, 1);
      return false;
    }
    this.error('Comma expected', this.pos, this.tokenLength());
    return true;
  }

  private string(parent: ObjectNode | ArrayNode | undefined): StringNode {
    const start = this.pos;
    const value = this.stringValue();
    return ownSpan<StringNode>({ kind: 'string', value, offset: start, length: this.pos - start, span: OWN_SPAN, parent });
  }

  /** Reads the string at `pos` (a key needs no node of its own) and returns its decoded, shared value. */
  private stringValue(): string {
    const text = this.text;
    const start = this.pos++;
    let chunkStart = this.pos;
    let value = '';
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === Ch.Quote) {
        value += text.slice(chunkStart, this.pos);
        this.pos++;
        break;
      }
      if (Number.isNaN(c) || c === Ch.LineFeed || c === Ch.CarriageReturn) {
        value += text.slice(chunkStart, this.pos);
        this.error('Unterminated string', start, this.pos - start);
        break;
      }
      if (c === Ch.Backslash) {
        value += text.slice(chunkStart, this.pos);
        value += this.escape();
        chunkStart = this.pos;
        continue;
      }
      if (c < Ch.Space) this.error('Invalid control character in string', this.pos, 1);
      this.pos++;
    }
    return this.own(value);
  }

  private escape(): string {
    const at = this.pos;
    const e = this.text[this.pos + 1];
    this.pos += 2;
    switch (e) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u': {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.pos += 4;
          return String.fromCharCode(parseInt(hex, 16));
        }
        this.error('Invalid unicode escape sequence', at, 2 + hex.length);
        return '';
      }
      default:
        if (e === undefined) {
          this.pos = this.text.length;
          return '';
        }
        this.error('Invalid escape character in string', at, 2);
        return e;
    }
  }

  private number(parent: ObjectNode | ArrayNode | undefined): AstNode {
    const text = this.text;
    const start = this.pos;
    let isInteger = true;
    if (text.charCodeAt(this.pos) === Ch.Minus) this.pos++;
    const digits = () => {
      const from = this.pos;
      while (this.pos < text.length && text.charCodeAt(this.pos) >= Ch.Zero && text.charCodeAt(this.pos) <= Ch.Nine) this.pos++;
      return this.pos - from;
    };
    let valid = digits() > 0;
    if (text.charCodeAt(this.pos) === Ch.Dot) {
      isInteger = false;
      this.pos++;
      valid = digits() > 0 && valid;
    }
    const e = text.charCodeAt(this.pos);
    if (e === Ch.LowerE || e === Ch.UpperE) {
      isInteger = false;
      this.pos++;
      const sign = text.charCodeAt(this.pos);
      if (sign === Ch.Plus || sign === Ch.Minus) this.pos++;
      valid = digits() > 0 && valid;
    }
    const raw = text.slice(start, this.pos);
    if (!valid || /^-?0\d/.test(raw)) this.error('Invalid number format', start, raw.length);
    return ownSpan<NumberNode>({ kind: 'number', value: Number(raw), isInteger, offset: start, length: raw.length, span: OWN_SPAN, parent });
  }

  private skipTrivia(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === Ch.Space || c === Ch.LineFeed || c === Ch.CarriageReturn || c === Ch.Tab) {
        this.pos++;
      } else if (c === Ch.Slash && (text.charCodeAt(this.pos + 1) === Ch.Slash || text.charCodeAt(this.pos + 1) === Ch.Star)) {
        const start = this.pos;
        if (text.charCodeAt(this.pos + 1) === Ch.Slash) {
          const end = text.indexOf('\n', this.pos);
          this.pos = end < 0 ? text.length : end;
        } else {
          const end = text.indexOf('*/', this.pos + 2);
          this.pos = end < 0 ? text.length : end + 2;
        }
        this.error('Comments are not allowed in JSON: AWS rejects the definition', start, this.pos - start);
      } else {
        return;
      }
    }
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.text.length && /[A-Za-z0-9_$]/.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  private tokenLength(): number {
    if (this.pos >= this.text.length) return 0;
    const m = /^[A-Za-z0-9_$]+/.exec(this.text.slice(this.pos, this.pos + 64));
    return m ? m[0].length : 1;
  }

  /** Skips one token after an error so parsing can resume. */
  private skipToken(): void {
    if (this.pos >= this.text.length) return;
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.Quote) {
      this.stringValue();
      return;
    }
    this.pos += Math.max(1, this.tokenLength());
  }

  /**
   * One instance of each short string (keys and values repeat: "Type", "Next", "Pass"...). When the parse reuses
   * an older tree, its new strings are copies: a slice of 13 characters or more points into its source, and would
   * keep this whole version of the text alive for as long as the node lives on in later versions.
   */
  private own(value: string): string {
    if (this.reuse && value.length >= 13) value = (value + ' ').slice(0, -1);
    if (value.length > 32) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  private error(message: string, offset: number, length: number): void {
    this.errors.push({ message, span: { offset, length: Math.max(length, 1) } });
  }
}
