import { openingSpan } from '../../document/ast';
import { schemaSites } from '../schemaSites';
import type { ObjectSchema } from '../../spec/fieldSpec';
import type { Rule } from '../types';

const REQUIRED = new WeakMap<ObjectSchema, string[]>();

/** A schema's required fields in its order, listed once (a 5,000-state machine has tens of thousands of sites). */
function requiredFields(schema: ObjectSchema): string[] {
  let names = REQUIRED.get(schema);
  if (!names) REQUIRED.set(schema, (names = Object.keys(schema.fields).filter((name) => schema.fields[name].required)));
  return names;
}

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
      for (const name of requiredFields(site.schema)) {
        if (site.object.properties.some((p) => p.key === name)) continue;
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
