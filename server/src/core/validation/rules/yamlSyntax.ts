import type { Rule } from '../types';

export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  locality: 'machine',
  description: 'A YAML definition (`*.asl.yaml`) must be valid YAML holding one mapping; unknown tags are a warning.',
  example: {
    format: 'yaml',
    bad: 'StartAt: A\nStates:\n  A: {Type: Succeed\n',
    fixed: 'StartAt: A\nStates:\n  A: {Type: Succeed}\n',
  },
  check(ctx) {
    if (ctx.doc.format !== 'yaml') return;
    const seen = new Set<string>();
    for (const problem of ctx.doc.syntaxProblems) {
      const key = `${problem.span.offset}:${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.report({ span: problem.span, message: problem.message, ...(problem.severity ? { severity: problem.severity } : {}) });
    }
    const root = ctx.doc.root;
    if (root && root.kind !== 'object') ctx.report({ span: root.span, message: 'The definition must be a YAML mapping (StartAt, States, ...)' });
  },
};
