import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { stringContentSpan } from '../../core/document/stringOffsets';
import { expressionTokenSpan } from '../../core/completion/replaceSpan';
import type { AstNode, StringNode } from '../../core/document/ast';
import { INTRINSIC_SIGNATURES } from '../../core/expressions/intrinsicSignatures';
import { AWS_JSONATA_FUNCTIONS } from '../../core/expressions/jsonata';
import { JSONATA_BUILTINS } from '../../core/expressions/jsonataBuiltins';
import { CONTEXT_FIELDS } from '../../core/spec/contextObject';
import { assignments } from '../../core/validation/variables';
import type { AnalyzedDocument } from '../featureContext';
import { toRange } from '../toDiagnostic';

const STATES_FIELDS: Record<string, string> = {
  input: 'The state\'s input.',
  result: 'The Task, Parallel or Map result (in Output and Assign).',
  errorOutput: 'The error output (in a Catch\'s Output and Assign).',
  context: 'The Context object.',
};
/** A JSONPath into the state input, as written in a path field or a `.$` value. */
const INPUT_PATH = /^\$(?:\.[A-Za-z_][\w-]*|\[\d+\])+/;

/** True for a string holding an expression: JSONata `{% %}`, a `.$` value, a `*Path` field or a Choice `Variable`. */
export function isExpressionString(key: string, value: string): boolean {
  return value.trimStart().startsWith('{%') || key.endsWith('.$') || key.endsWith('Path') || key === 'Variable';
}

/**
 * Inside an expression string: the items replace only the token being typed (`$.a`, `$$.Exe`, `States.F`,
 * `$var`, `$states.in`), never the string's quotes.
 */
export function expressionCompletions(doc: AnalyzedDocument, node: StringNode, offset: number, key: string): CompletionItem[] {
  const text = doc.analysis.doc.text;
  const range = toRange(doc.textDocument, expressionTokenSpan(text, Math.min(offset, stringContentSpan(node).offset), offset));
  const plain = (label: string, kind: CompletionItemKind, documentation?: string): CompletionItem => ({ label, kind, documentation, filterText: label, textEdit: { range, newText: label } });
  const snippet = (label: string, kind: CompletionItemKind, documentation: string, body: string): CompletionItem => ({
    ...plain(label, kind, documentation),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: body },
  });
  const variables = [...new Set(assignments(doc.analysis.model).map((a) => a.name))].map((v) => plain(`$${v}`, CompletionItemKind.Variable, 'Variable'));

  if (node.value.trimStart().startsWith('{%')) {
    return [
      ...Object.entries(STATES_FIELDS).map(([f, d]) => plain(`$states.${f}`, CompletionItemKind.Field, d)),
      ...Object.keys(CONTEXT_FIELDS).map((f) => plain(`$states.context.${f}`, CompletionItemKind.Field, CONTEXT_FIELDS[f])),
      ...variables,
      ...[...JSONATA_BUILTINS].map((n) => {
        const aws = AWS_JSONATA_FUNCTIONS[n];
        return snippet(`$${n}`, CompletionItemKind.Function, aws ? `${aws.signature}: ${aws.doc}` : `JSONata function $${n}`, `\\$${n}($1)`);
      }),
    ];
  }
  const items: CompletionItem[] = [
    ...inputPaths(doc.analysis.doc.root).map((p) => plain(p, CompletionItemKind.Field, 'A path into the state input used elsewhere in this machine')),
    ...Object.keys(CONTEXT_FIELDS).map((f) => plain(`$$.${f}`, CompletionItemKind.Field, CONTEXT_FIELDS[f])),
    ...variables,
  ];
  // Intrinsic functions go only in payload-template values (`"x.$"`), not in path fields.
  if (key.endsWith('.$')) {
    items.unshift(
      ...Object.values(INTRINSIC_SIGNATURES).map((s) =>
        snippet(s.name, CompletionItemKind.Function, `${s.doc}\n\nExample: ${s.example}`, `${s.name}(${s.params.map((p, i) => `\${${i + 1}:${p.name}}`).join(', ')})`),
      ),
    );
  }
  return items;
}

/** Every `$.a.b` path written in the document, with its prefixes (`$.a`), in first-seen order. */
function inputPaths(root: AstNode | undefined): string[] {
  const seen = new Set<string>();
  const stack: AstNode[] = root ? [root] : [];
  while (stack.length > 0 && seen.size < 500) {
    const node = stack.pop()!;
    if (node.kind === 'object') {
      for (const p of node.properties) {
        if (!p.value) continue;
        if (p.value.kind === 'string' && isExpressionString(p.key, p.value.value)) {
          const path = INPUT_PATH.exec(p.value.value)?.[0];
          if (path) for (const m of path.matchAll(/\.[A-Za-z_][\w-]*|\[\d+\]/g)) seen.add(path.slice(0, m.index + m[0].length));
        } else {
          stack.push(p.value);
        }
      }
    } else if (node.kind === 'array') {
      stack.push(...node.items);
    }
  }
  return [...seen];
}
