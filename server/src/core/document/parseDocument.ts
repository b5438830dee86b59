import type { AstNode, Span } from './ast';
import { changedRange } from './changedRange';
import { JsonParser, NestingTooDeep } from './jsonParser';
import { SubtreeReuse } from './subtreeReuse';

export interface SyntaxProblem {
  message: string;
  span: Span;
  /** An error unless said otherwise (YAML warnings such as an unknown tag). */
  severity?: 'warning';
}

export interface ParsedDocument {
  text: string;
  /** Undefined only for text with no JSON value at all (empty, whitespace, or nesting past the limit). */
  root: AstNode | undefined;
  syntaxProblems: SyntaxProblem[];
  /** The front end that read the text; JSON when absent. `hcl`: a Terraform `jsonencode({...})` body. */
  format?: 'json' | 'yaml' | 'hcl';
  /**
   * YAML only: spans of the text that the tree holds more than once (an anchored node that aliases or merge keys
   * repeat). An edit there would change every copy, so edits refuse to touch them.
   */
  sharedSpans?: Span[];
}

/** Deeper than any real state machine; keeps every recursive walk in the server far from the stack limit. */
export const MAX_NESTING_DEPTH = 256;

/** Parses any text into a tree plus syntax problems. Never throws. */
export function parseDocument(text: string): ParsedDocument {
  return parseWith(new JsonParser(text, MAX_NESTING_DEPTH), text);
}

/**
 * Parses a new version of a document, taking every member that lies outside the changed range from the previous
 * version's tree (moved in place: `previous` must not be used afterwards). The result equals `parseDocument(text)`:
 * a member free of syntax errors parses the same wherever a member may start, so only members holding an error of
 * the previous version are parsed again.
 */
export function reparseDocument(previous: ParsedDocument, text: string): ParsedDocument {
  const change = changedRange(previous.text, text);
  if (!change) return previous;
  if (!previous.root) return parseDocument(text);
  const errors = [...previous.syntaxProblems].sort((a, b) => a.span.offset - b.span.offset);
  const reused = parseWith(new JsonParser(text, MAX_NESTING_DEPTH, new SubtreeReuse(change, errors)), text, previous.root);
  // Nesting past the limit may have stopped the parse after some members were moved: start again from the text.
  return reused.root ? reused : parseDocument(text);
}

function parseWith(parser: JsonParser, text: string, previousRoot?: AstNode): ParsedDocument {
  let root: AstNode | undefined;
  try {
    root = parser.parse(previousRoot);
  } catch (error) {
    if (!(error instanceof NestingTooDeep)) throw error;
    return { text, root: undefined, syntaxProblems: [tooDeep(text)] };
  }
  const syntaxProblems: SyntaxProblem[] = parser.errors;
  if (!root && syntaxProblems.length === 0) {
    syntaxProblems.push({ message: 'The definition is empty: it must be a JSON object', span: { offset: 0, length: 0 } });
  }
  return { text, root, syntaxProblems };
}

function tooDeep(text: string): SyntaxProblem {
  return {
    message: `The document is nested more than ${MAX_NESTING_DEPTH} levels deep`,
    span: { offset: 0, length: Math.min(text.length, 1) },
  };
}
