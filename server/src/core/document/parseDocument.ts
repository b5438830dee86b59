import type { AstNode, Span } from './ast';
import { JsonParser, NestingTooDeep } from './jsonParser';

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

/** Parses any text into a tree plus syntax problems. Never throws. */
export function parseDocument(text: string): ParsedDocument {
  const parser = new JsonParser(text, MAX_NESTING_DEPTH);
  let root: AstNode | undefined;
  try {
    root = parser.parse();
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
