import { spanInString } from '../../document/stringOffsets';
import { looksLikeIntrinsic } from '../../expressions/intrinsics';
import { isReferencePath, parseJsonPath } from '../../expressions/jsonPath';
import { expressionSites } from '../expressionSites';
import { hasPlaceholder } from '../placeholders';
import type { Rule } from '../types';

export const invalidPath: Rule = {
  code: 'invalid-path',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    'JSONPath syntax in path fields, `.$` values and Choice rules; Reference Paths (ResultPath, ItemsPath, *SecondsPath...) select one node, and ResultPath cannot use `$$` or a variable.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "ResultPath": "$.result[", "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "ResultPath": "$.result", "End": true } } }',
  },
  check(ctx) {
    for (const site of expressionSites(ctx.model)) {
      if (site.kind === 'jsonata') continue;
      const { node } = site;
      if (ctx.settings.allowPlaceholders && hasPlaceholder(node.value)) continue;
      const where = site.innerField ?? site.field;
      if (site.kind === 'pathOrIntrinsic' && looksLikeIntrinsic(node.value)) continue;
      if ((site.field === 'InputPath' || site.field === 'OutputPath') && looksLikeIntrinsic(node.value)) {
        ctx.report({ span: node.span, message: `'${where}' takes a path, not an intrinsic function` });
        continue;
      }
      const parsed = parseJsonPath(node.value);
      if (!parsed.ok) {
        const span = spanInString(ctx.doc.text, node, parsed.error.offset, parsed.error.length);
        const hint = site.kind === 'pathOrIntrinsic' && !node.value.startsWith('$')
          ? ': a `.$` value must be a path ($..., $$..., $variable) or an intrinsic function'
          : '';
        ctx.report({ span, message: `Invalid path in '${where}': ${parsed.error.message}${hint}` });
        continue;
      }
      const path = parsed.value;
      if (site.kind !== 'referencePath') continue;
      if (site.field === 'ResultPath' && path.root !== 'data') {
        ctx.report({
          span: node.span,
          message: `ResultPath must address the state input ($...): it cannot ${path.root === 'context' ? 'write to the Context object ($$)' : `assign the variable '$${path.variable}' (use Assign)`}`,
        });
      } else if (!isReferencePath(path)) {
        ctx.report({ span: node.span, message: `'${where}' must be a Reference Path that selects a single node (no wildcards, filters, slices or '..')` });
      }
    }
  },
};
