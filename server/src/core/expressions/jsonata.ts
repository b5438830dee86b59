import { jsonataLibrary } from './jsonataLibrary';
import { memoByText } from './memoByText';
import { ownTable } from '../spec/ownTable';
import type { ParseResult } from './parseResult';

/** A node of the jsonata package's syntax tree (only the parts we read). */
export interface JsonataNode {
  type: string;
  value?: unknown;
  position?: number;
  steps?: JsonataNode[];
  procedure?: JsonataNode;
  [key: string]: unknown;
}

/** The functions Step Functions adds to JSONata (asl-reference §3.3). */
export const AWS_JSONATA_FUNCTIONS: Record<string, { signature: string; doc: string }> = ownTable({
  partition: { signature: '$partition(array, size)', doc: 'Splits an array into chunks of `size` items.' },
  range: { signature: '$range(start, end, step)', doc: 'An array of numbers from start towards end by step.' },
  hash: { signature: '$hash(text, algorithm)', doc: 'Hash with MD5, SHA-1, SHA-256, SHA-384 or SHA-512.' },
  random: { signature: '$random([seed])', doc: 'A random number in [0, 1); the same seed gives the same number.' },
  uuid: { signature: '$uuid()', doc: 'A random version 4 UUID.' },
  parse: { signature: '$parse(jsonString)', doc: 'Parses a JSON string (use instead of $eval, which is not allowed).' },
});

/**
 * Parses the text between `{%` and `%}`; error offsets are relative to that text. Results are cached by text,
 * since every keystroke re-validates the same expressions; treat the returned tree as read-only.
 */
export const parseJsonata: (expression: string) => ParseResult<JsonataNode> = memoByText(parseUncached, 10_000, 10_000);

function parseUncached(expression: string): ParseResult<JsonataNode> {
  try {
    return { ok: true, value: jsonataLibrary()(expression).ast() as unknown as JsonataNode };
  } catch (error) {
    const e = error as { position?: number; token?: string; message?: string };
    const token = e.token === undefined || e.token === '(end)' ? '' : String(e.token);
    const end = typeof e.position === 'number' ? e.position : expression.length;
    const offset = Math.max(0, Math.min(expression.length, end - Math.max(token.length, 1)));
    return {
      ok: false,
      error: { message: e.message ?? String(error), offset, length: Math.max(1, token.length) },
    };
  }
}

/** Calls `visit` on every node of the tree, with the chain of ancestors. */
export function walkJsonata(node: JsonataNode, visit: (node: JsonataNode, ancestors: JsonataNode[]) => void, ancestors: JsonataNode[] = []): void {
  visit(node, ancestors);
  const next = [...ancestors, node];
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) walkJsonata(item, visit, next);
    } else if (isNode(value)) {
      walkJsonata(value, visit, next);
    }
  }
}

function isNode(value: unknown): value is JsonataNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The `$states.<field>` names an expression reads (input, result, errorOutput, context). */
export function statesFieldsUsed(ast: JsonataNode): { field: string; position: number }[] {
  const used: { field: string; position: number }[] = [];
  walkJsonata(ast, (node) => {
    if (node.type !== 'path' || !node.steps || node.steps.length < 2) return;
    const [first, second] = node.steps;
    if (first.type === 'variable' && first.value === 'states' && second.type === 'name') {
      used.push({ field: String(second.value), position: second.position ?? 0 });
    }
  });
  return used;
}

/** Variable names the expression reads (`$name`), without `$states` and function names. */
export function variablesUsed(ast: JsonataNode): { name: string; position: number }[] {
  const used: { name: string; position: number }[] = [];
  walkJsonata(ast, (node, ancestors) => {
    if (node.type !== 'variable' || typeof node.value !== 'string' || node.value === '' || node.value === 'states') return;
    const parent = ancestors.at(-1);
    if (parent?.procedure === node) return;
    used.push({ name: node.value, position: node.position ?? 0 });
  });
  return used;
}
