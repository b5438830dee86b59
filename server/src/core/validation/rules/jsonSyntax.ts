import type { Rule } from '../types';

export const jsonSyntax: Rule = {
  code: 'json-syntax',
  defaultSeverity: 'error',
  locality: 'machine',
  description: 'The document must be valid JSON (no comments, no trailing commas) holding one object.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed", } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    if (ctx.doc.format === 'yaml') return;
    // The parser repeats a message for each enclosing value it cannot close; one per place is enough.
    const seen = new Set<string>();
    for (const problem of ctx.doc.syntaxProblems) {
      const key = `${problem.span.offset}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report({ span: problem.span, message: problem.message });
    }
    const root = ctx.doc.root;
    if (root && root.kind !== 'object') {
      ctx.report({ span: root.span, message: 'Definition must be a valid JSON object' });
    }
  },
};
