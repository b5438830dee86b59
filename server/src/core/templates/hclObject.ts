import { OWN_SPAN, ownSpan, Property, type ArrayNode, type AstNode, type BooleanNode, type NullNode, type NumberNode, type ObjectNode, type StringNode } from '../document/ast';
import type { SyntaxProblem } from '../document/parseDocument';
import type { HclToken } from './hclTokens';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' };
const MAX_DEPTH = 256;

/**
 * Reads an HCL value (the argument of `jsonencode(...)`) into the same tree the JSON parser builds, with the
 * file's offsets: objects (`key = value` or `key: value`, separated by newlines or commas), tuples, strings,
 * numbers, booleans and null. Any other expression (a reference such as `aws_lambda_function.f.arn`, a function
 * call, a conditional, a `for`) becomes a string node `${...}` holding its text: a placeholder, as Terraform
 * fills it in before AWS sees the JSON.
 */
export class HclObjectReader {
  private pos: number;
  readonly problems: SyntaxProblem[] = [];

  constructor(private readonly text: string, private readonly tokens: HclToken[], start: number, private readonly end: number) {
    this.pos = start;
  }

  read(): AstNode | undefined {
    this.skipNewlines();
    return this.value(undefined, 0);
  }

  private peek(): HclToken | undefined {
    return this.pos < this.end ? this.tokens[this.pos] : undefined;
  }

  private skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.pos++;
  }

  private value(parent: ObjectNode | ArrayNode | undefined, depth: number): AstNode | undefined {
    const start = this.pos;
    const tok = this.peek();
    if (!tok) return undefined;
    let node: AstNode | undefined;
    const next = this.tokens[this.pos + 1];
    if (depth < MAX_DEPTH && tok.text === '{' && tok.kind === 'punct' && next?.text !== 'for') node = this.object(parent, depth + 1);
    else if (depth < MAX_DEPTH && tok.text === '[' && tok.kind === 'punct' && next?.text !== 'for') node = this.array(parent, depth + 1);
    else if (tok.kind === 'string') {
      this.pos++;
      node = ownSpan<StringNode>({ kind: 'string', value: this.decode(tok), offset: tok.offset, length: tok.length, span: OWN_SPAN, parent });
    } else if (tok.kind === 'number') {
      this.pos++;
      node = ownSpan<NumberNode>({ kind: 'number', value: Number(tok.text), isInteger: /^[0-9]+$/.test(tok.text), offset: tok.offset, length: tok.length, span: OWN_SPAN, parent });
    } else if (tok.kind === 'ident' && (tok.text === 'true' || tok.text === 'false')) {
      this.pos++;
      node = ownSpan<BooleanNode>({ kind: 'boolean', value: tok.text === 'true', offset: tok.offset, length: tok.length, span: OWN_SPAN, parent });
    } else if (tok.kind === 'ident' && tok.text === 'null') {
      this.pos++;
      node = ownSpan<NullNode>({ kind: 'null', value: null, offset: tok.offset, length: tok.length, span: OWN_SPAN, parent });
    }
    if (node && this.atSeparator()) return node;
    // An expression Terraform evaluates (or a literal followed by an operator): a placeholder for what it gives.
    this.pos = start;
    return this.expression(parent);
  }

  private atSeparator(): boolean {
    const tok = this.peek();
    return !tok || tok.kind === 'newline' || (tok.kind === 'punct' && (tok.text === ',' || tok.text === '}' || tok.text === ']' || tok.text === ')'));
  }

  private expression(parent: ObjectNode | ArrayNode | undefined): StringNode | undefined {
    const first = this.peek();
    if (!first) return undefined;
    let depth = 0;
    let last = first;
    while (this.pos < this.end) {
      const tok = this.tokens[this.pos];
      if (tok.kind === 'punct' && (tok.text === '(' || tok.text === '[' || tok.text === '{')) depth++;
      else if (tok.kind === 'punct' && (tok.text === ')' || tok.text === ']' || tok.text === '}')) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (tok.kind === 'newline' || (tok.kind === 'punct' && tok.text === ','))) break;
      last = tok;
      this.pos++;
    }
    const offset = first.offset;
    const length = last.offset + last.length - first.offset;
    const raw = this.text.slice(offset, offset + length).replace(/\s+/g, ' ');
    return ownSpan<StringNode>({ kind: 'string', value: `\${${raw}}`, offset, length, span: OWN_SPAN, parent });
  }

  private object(parent: ObjectNode | ArrayNode | undefined, depth: number): ObjectNode {
    const open = this.tokens[this.pos++];
    const node = ownSpan<ObjectNode>({ kind: 'object', properties: [], offset: open.offset, length: 1, span: OWN_SPAN, parent });
    for (;;) {
      while (this.peek()?.kind === 'newline' || (this.peek()?.kind === 'punct' && this.peek()?.text === ',')) this.pos++;
      const tok = this.peek();
      if (!tok) {
        this.problem("'}' expected", this.tokens[this.pos - 1] ?? open);
        break;
      }
      if (tok.kind === 'punct' && tok.text === '}') {
        this.pos++;
        node.length = tok.offset + 1 - open.offset;
        return node;
      }
      if (tok.kind !== 'ident' && tok.kind !== 'string') {
        this.problem('Attribute name expected', tok);
        this.skipTo(['}'], [',']);
        continue;
      }
      this.pos++;
      const prop = new Property(tok.kind === 'string' ? this.decode(tok) : tok.text, tok.length, undefined, tok.offset, tok.length, -1);
      node.properties.push(prop);
      const sep = this.peek();
      if (sep?.kind === 'punct' && (sep.text === '=' || sep.text === ':')) {
        prop.colonOffset = sep.offset;
        this.pos++;
        const value = this.value(node, depth);
        if (value) {
          prop.value = value;
          prop.length = value.offset + value.length - tok.offset;
        }
      } else {
        this.problem("'=' expected", sep ?? tok);
      }
    }
    const last = this.tokens[Math.min(this.pos, this.end) - 1] ?? open;
    node.length = last.offset + last.length - open.offset;
    return node;
  }

  private array(parent: ObjectNode | ArrayNode | undefined, depth: number): ArrayNode {
    const open = this.tokens[this.pos++];
    const node = ownSpan<ArrayNode>({ kind: 'array', items: [], offset: open.offset, length: 1, span: OWN_SPAN, parent });
    for (;;) {
      while (this.peek()?.kind === 'newline' || (this.peek()?.kind === 'punct' && this.peek()?.text === ',')) this.pos++;
      const tok = this.peek();
      if (!tok) {
        this.problem("']' expected", this.tokens[this.pos - 1] ?? open);
        break;
      }
      if (tok.kind === 'punct' && tok.text === ']') {
        this.pos++;
        node.length = tok.offset + 1 - open.offset;
        return node;
      }
      const before = this.pos;
      const item = this.value(node, depth);
      if (item) node.items.push(item);
      if (this.pos === before) this.pos++;
    }
    const last = this.tokens[Math.min(this.pos, this.end) - 1] ?? open;
    node.length = last.offset + last.length - open.offset;
    return node;
  }

  private skipTo(closers: string[], separators: string[]): void {
    while (this.pos < this.end) {
      const tok = this.tokens[this.pos];
      if (tok.kind === 'newline' || (tok.kind === 'punct' && separators.includes(tok.text))) return;
      if (tok.kind === 'punct' && closers.includes(tok.text)) return;
      this.pos++;
    }
  }

  /** The value of a quoted HCL string: escapes resolved, `$${` and `%%{` read as `${` and `%{`. */
  private decode(tok: HclToken): string {
    const raw = this.text.slice(tok.offset + 1, tok.offset + tok.length - (this.text[tok.offset + tok.length - 1] === '"' ? 1 : 0));
    return raw.replace(/\\u([0-9a-fA-F]{4})|\\(.)|\$\$\{|%%\{/g, (m, hex: string | undefined, e: string | undefined) => {
      if (hex) return String.fromCharCode(parseInt(hex, 16));
      if (e !== undefined) return Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : e;
      return m.slice(1);
    });
  }

  private problem(message: string, tok: HclToken): void {
    this.problems.push({ message, span: { offset: tok.offset, length: Math.max(1, tok.length) } });
  }
}
