import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { ArrayNode, AstNode, ObjectNode, PropertyNode, Span } from './ast';

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface ParsedDocument {
  text: string;
  /** Undefined only for text with no JSON value at all (empty, whitespace, or nesting past the limit). */
  root: AstNode | undefined;
  syntaxProblems: SyntaxProblem[];
}

/** Deeper than any real state machine; keeps every recursive walk in the server far from the stack limit. */
export const MAX_NESTING_DEPTH = 256;

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Comments are not allowed in JSON: AWS rejects the definition',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid control character in string',
};

/** Parses any text into a tree plus syntax problems. Never throws. */
export function parseDocument(text: string): ParsedDocument {
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  } catch {
    return { text, root: undefined, syntaxProblems: [tooDeep(text)] };
  }
  const syntaxProblems: SyntaxProblem[] = errors.map((e) => trailingComma(text, e) ?? {
    message: MESSAGES[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error),
    span: { offset: e.offset, length: Math.max(e.length, 1) },
  });
  if (!tree) {
    if (text.trim().length === 0) {
      syntaxProblems.push({ message: 'The definition is empty: it must be a JSON object', span: { offset: 0, length: 0 } });
    }
    return { text, root: undefined, syntaxProblems };
  }
  if (exceedsDepth(tree)) {
    return { text, root: undefined, syntaxProblems: [...syntaxProblems, tooDeep(text)] };
  }
  return { text, root: convert(tree, text, undefined), syntaxProblems };
}

/** jsonc-parser reports a trailing comma at the bracket after it; point at the comma itself, and say so. */
function trailingComma(text: string, error: ParseError): SyntaxProblem | undefined {
  const code = printParseErrorCode(error.error);
  if (code !== 'PropertyNameExpected' && code !== 'ValueExpected') return undefined;
  const bracket = text[error.offset];
  if (bracket !== '}' && bracket !== ']') return undefined;
  let i = error.offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  if (text[i] !== ',') return undefined;
  return { message: 'Trailing comma: JSON allows no comma before a closing bracket', span: { offset: i, length: 1 } };
}

function tooDeep(text: string): SyntaxProblem {
  return {
    message: `The document is nested more than ${MAX_NESTING_DEPTH} levels deep`,
    span: { offset: 0, length: Math.min(text.length, 1) },
  };
}

function exceedsDepth(root: JsonNode): boolean {
  const stack: [JsonNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_NESTING_DEPTH) return true;
    for (const child of node.children ?? []) stack.push([child, node.type === 'property' ? depth : depth + 1]);
  }
  return false;
}

function convert(node: JsonNode, text: string, parent: ObjectNode | ArrayNode | undefined): AstNode {
  const span: Span = { offset: node.offset, length: node.length };
  switch (node.type) {
    case 'object': {
      const obj: ObjectNode = { kind: 'object', span, properties: [], parent };
      for (const child of node.children ?? []) {
        const keyNode = child.children?.[0];
        if (!keyNode) continue;
        const valueNode = child.children?.[1];
        const prop: PropertyNode = {
          key: String(keyNode.value),
          keySpan: { offset: keyNode.offset, length: keyNode.length },
          span: { offset: child.offset, length: child.length },
          colonOffset: child.colonOffset ?? -1,
        };
        if (valueNode) prop.value = convert(valueNode, text, obj);
        obj.properties.push(prop);
      }
      return obj;
    }
    case 'array': {
      const arr: ArrayNode = { kind: 'array', span, items: [], parent };
      for (const child of node.children ?? []) arr.items.push(convert(child, text, arr));
      return arr;
    }
    case 'string':
      return { kind: 'string', span, value: String(node.value ?? ''), parent };
    case 'number': {
      const raw = text.substr(node.offset, node.length);
      return { kind: 'number', span, value: Number(node.value), isInteger: !/[.eE]/.test(raw), parent };
    }
    case 'boolean':
      return { kind: 'boolean', span, value: Boolean(node.value), parent };
    default:
      return { kind: 'null', span, value: null, parent };
  }
}
