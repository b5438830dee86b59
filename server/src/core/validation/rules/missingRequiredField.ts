import { openingSpan } from '../../document/ast';
import { schemaSites } from '../schemaSites';
import type { Rule } from '../types';

/** data: `{ field: string }`. */
export const missingRequiredField: Rule = {
  code: 'missing-required-field',
  defaultSeverity: 'error',
  locality: 'state',
  description: 'A required field is missing (StartAt, States, Type, Resource, Choices, Branches, ErrorEquals, ...).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Task", "End": true } } }',
    fixed:
      '{ "StartAt": "A", "States": { "A": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      const present = new Set(site.object.properties.map((p) => p.key));
      for (const [name, spec] of Object.entries(site.schema.fields)) {
        if (!spec.required || present.has(name)) continue;
        const owner = site.state && site.object === site.state.node ? site.state.nameSpan : undefined;
        ctx.report({
          span: owner ?? openingSpan(site.object),
          message: `${site.schema.name} is missing the required field '${name}'`,
          data: { field: name },
        });
      }
    }
  },
};
