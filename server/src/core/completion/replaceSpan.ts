import type { AstNode, Span } from '../document/ast';
import { lineEnd, lineStart } from '../document/lineBounds';

/** Characters that end a bare (unquoted) word being typed where a JSON key goes; a value may hold colons (ARNs). */
const BARE_KEY = /[^\s"{}[\],:]*$/;
const BARE_VALUE = /[^\s"{}[\],]*$/;
/** A token inside an expression string: `$.a.b`, `$$.Execution.Id`, `States.Format`, `$var`, `$states.input`. */
const EXPRESSION_TOKEN = /[$\w.[\]]*$/;

/**
 * What a completion of a whole JSON literal (a state name, a `Type`, an error name, a property key) replaces
 * at `offset`: the string under the cursor including both quotes, the scalar under the cursor, or the bare word
 * typed so far (with its opening quote, if there is one). Editors filter items by the text from the start of this
 * span to the cursor, so items carry a filter text that starts the way the span does (`"Name"` for strings).
 * The span never runs past the cursor's line: an unterminated string stops there.
 */
export function literalSpan(text: string, offset: number, node?: AstNode | Span, where: 'key' | 'value' = 'value'): Span {
  const span = node && 'span' in node ? (node.kind === 'object' || node.kind === 'array' ? undefined : node.span) : node;
  if (span && offset > span.offset && offset <= span.offset + span.length) {
    // An unterminated string runs to the end of the line in the tree; only what is typed up to the cursor is its.
    const end = isClosedString(text, span) || text[span.offset] !== '"' ? Math.min(span.offset + span.length, lineEnd(text, offset)) : offset;
    return { offset: span.offset, length: Math.max(end, offset) - span.offset };
  }
  const before = text.slice(lineStart(text, offset), offset);
  const word = (where === 'key' ? BARE_KEY : BARE_VALUE).exec(before)?.[0].replace(/^:+/, '') ?? '';
  let start = offset - word.length;
  if (text[start - 1] === '"') start--;
  return { offset: start, length: offset - start };
}

/** The expression token being typed at `offset` inside a string whose content starts at `contentStart`. */
export function expressionTokenSpan(text: string, contentStart: number, offset: number): Span {
  const token = EXPRESSION_TOKEN.exec(text.slice(contentStart, offset))?.[0] ?? '';
  return { offset: offset - token.length, length: token.length };
}

/**
 * A comma to put after an inserted property when another property follows without one (`"|" "Next": "B"`),
 * so that accepting a key completion leaves valid JSON.
 */
export function separatorAfter(text: string, end: number): string {
  const next = /^\s*(.)/.exec(text.slice(end, end + 200))?.[1];
  return next === '"' ? ',' : '';
}

function isClosedString(text: string, span: Span): boolean {
  const end = span.offset + span.length;
  return span.length >= 2 && text[end - 1] === '"' && text[end - 2] !== '\\';
}
