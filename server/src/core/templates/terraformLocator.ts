import { parseDocument } from '../document/parseDocument';
import { HclObjectReader } from './hclObject';
import { heredocBody, hclTokens, type HclToken } from './hclTokens';
import { encodeHeredoc, heredocSource } from './heredocSource';
import { machineTypeOf } from './machineType';
import { OffsetMap } from './offsetMap';
import type { TemplateKeyId } from '../spec/templateKeyDocs';
import type { Substitution, TemplateDefinition } from './templateTypes';

const RESOURCE_TYPE = 'aws_sfn_state_machine';

/**
 * The state machines of a Terraform file: each `resource "aws_sfn_state_machine" "NAME"` block's `definition`,
 * written as a heredoc, `jsonencode({...})`, `file("...")` or `templatefile("...", {...})`. Found lexically
 * (no HCL parser on npm gives positions): braces count only outside strings, heredocs and comments, and a
 * block left open runs to the end of the file.
 */
export function terraformDefinitions(text: string): TemplateDefinition[] {
  if (!text.includes(RESOURCE_TYPE)) return [];
  const tokens = hclTokens(text);
  const out: TemplateDefinition[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.kind === 'punct' && tok.text === '{') depth++;
    else if (tok.kind === 'punct' && tok.text === '}') depth = Math.max(0, depth - 1);
    if (depth !== 0 || tok.kind !== 'ident' || tok.text !== 'resource') continue;
    const [type, name, open] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    if (type?.kind !== 'string' || name?.kind !== 'string' || open?.text !== '{') continue;
    if (unquote(text, type) !== RESOURCE_TYPE) continue;
    const blockEnd = closing(tokens, i + 3);
    const found = definitionIn(text, tokens, i + 4, blockEnd, unquote(text, name), name);
    const typeAt = attributeIndex(tokens, i + 4, blockEnd, 'type');
    const typeValue = typeAt >= 0 && tokens[typeAt + 2]?.kind === 'string' ? unquote(text, tokens[typeAt + 2]) : undefined;
    const machineType = machineTypeOf(typeValue?.includes('${') ? undefined : typeValue);
    if (found) {
      const keys = [{ id: 'terraform:resource' as const, span: { offset: type.offset + 1, length: Math.max(0, type.length - 2) } }, ...(found.keys ?? [])];
      if (typeAt >= 0) keys.push({ id: 'terraform:type', span: spanOf(tokens[typeAt]) });
      out.push({ ...found, ...(machineType ? { machineType } : {}), keys });
    }
    i = blockEnd - 1;
  }
  return out;
}

function unquote(text: string, tok: HclToken): string {
  return text.slice(tok.offset + 1, tok.offset + tok.length - 1);
}

/** The index of the token closing the bracket at `open` (or the end of the tokens when it is left open). */
function closing(tokens: HclToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'punct') continue;
    if (t.text === '{' || t.text === '(' || t.text === '[') depth++;
    else if ((t.text === '}' || t.text === ')' || t.text === ']') && --depth === 0) return i;
  }
  return tokens.length;
}

/** The index of a block's own `NAME =` attribute (not a nested block's), or -1. */
function attributeIndex(tokens: HclToken[], from: number, to: number, name: string): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[' || t.text === '(')) depth++;
    else if (t.kind === 'punct' && (t.text === '}' || t.text === ']' || t.text === ')')) depth--;
    else if (depth === 0 && t.kind === 'ident' && t.text === name && tokens[i + 1]?.text === '=') return i;
  }
  return -1;
}

function spanOf(tok: HclToken): { offset: number; length: number } {
  return { offset: tok.offset, length: tok.length };
}

function definitionIn(text: string, tokens: HclToken[], from: number, to: number, name: string, nameTok: HclToken): TemplateDefinition | undefined {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && (t.text === '{' || t.text === '[' || t.text === '(')) depth++;
    else if (t.kind === 'punct' && (t.text === '}' || t.text === ']' || t.text === ')')) depth--;
    if (depth !== 0 || t.kind !== 'ident' || t.text !== 'definition' || tokens[i + 1]?.text !== '=') continue;
    const base = {
      name,
      nameSpan: { offset: nameTok.offset + 1, length: Math.max(0, nameTok.length - 2) },
      substitutions: [] as Substitution[],
      substitutionsFrom: 'Terraform',
      // Terraform fills in its own interpolations (`${var.x}`, `${aws_lambda_function.f.arn}`) before AWS sees them.
      implicitSubstitution: () => true,
      keys: [{ id: 'terraform:definition' as TemplateKeyId, span: spanOf(t) }],
    };
    const value = tokens[i + 2];
    if (!value) return undefined;
    if (value.kind === 'heredoc') {
      const source = heredocSource(text, heredocBody(text, value));
      return { ...base, embedding: 'string', span: { offset: value.offset, length: value.length }, doc: parseDocument(source.text), map: source.map, encode: (t) => encodeHeredoc(t, source.indent) };
    }
    if (value.kind !== 'ident' || tokens[i + 3]?.text !== '(') return undefined;
    const callEnd = closing(tokens, i + 3);
    const span = { offset: value.offset, length: (tokens[callEnd] ?? tokens[tokens.length - 1]).offset + 1 - value.offset };
    if (value.text === 'jsonencode' || value.text === 'file' || value.text === 'templatefile') base.keys.push({ id: `terraform:${value.text}`, span: spanOf(value) });
    if (value.text === 'jsonencode') {
      const reader = new HclObjectReader(text, tokens, i + 4, Math.min(callEnd, to));
      const root = reader.read();
      return { ...base, embedding: 'hcl', span, doc: { text, root, syntaxProblems: reader.problems, format: 'hcl' }, map: OffsetMap.identity, encode: (t) => t };
    }
    const path = tokens[i + 4];
    if ((value.text === 'file' || value.text === 'templatefile') && path?.kind === 'string') {
      const target = unquote(text, path).replace(/^\$\{path\.(module|root)\}\//, '');
      const vars = value.text === 'templatefile' ? templateVars(text, tokens, i + 5, callEnd) : [];
      return {
        ...base,
        embedding: 'file',
        span,
        map: OffsetMap.identity,
        encode: () => undefined,
        substitutions: vars,
        substitutionsFrom: value.text === 'templatefile' ? 'the templatefile() variables' : 'file() (it fills in nothing; use templatefile())',
        // file() passes `${...}` through to AWS; templatefile() fills in only the variables it is given.
        implicitSubstitution: () => false,
        link: { target, span: { offset: path.offset, length: path.length } },
      };
    }
    return undefined;
  }
  return undefined;
}

/** The variables of `templatefile(path, { Name = value, ... })`: literal strings as given, expressions as their text. */
function templateVars(text: string, tokens: HclToken[], from: number, to: number): Substitution[] {
  let i = from;
  while (i < to && tokens[i].kind === 'newline') i++;
  if (tokens[i]?.text !== ',') return [];
  i++;
  while (i < to && tokens[i].kind === 'newline') i++;
  if (tokens[i]?.text !== '{') return [];
  const root = new HclObjectReader(text, tokens, i, to).read();
  if (root?.kind !== 'object') return [];
  return root.properties.map((p) => {
    const v = p.value;
    const literal = v && v.kind !== 'object' && v.kind !== 'array' && !(v.kind === 'string' && v.value.startsWith('${')) ? String(v.value) : undefined;
    return literal !== undefined ? { name: p.key, value: literal, placeholder: literal } : { name: p.key, placeholder: `arn:aws:terraform:us-east-1:123456789012:${p.key}` };
  });
}
