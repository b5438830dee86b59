import { openingSpan } from '../../document/ast';
import { schemaSites } from '../schemaSites';
import { quoteList } from '../suggest';
import type { Rule } from '../types';

/** data: `{ fields: string[] }` — the group in conflict (or missing). */
export const exclusiveFields: Rule = {
  code: 'exclusive-fields',
  defaultSeverity: 'error',
  locality: 'state',
  description:
    'Fields that exclude each other (TimeoutSeconds/TimeoutSecondsPath, Error/ErrorPath, the Wait fields, Iterator/ItemProcessor...), or a required choice among them.',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Wait", "Seconds": 5, "SecondsPath": "$.s", "End": true } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Wait", "Seconds": 5, "End": true } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      const groups = [
        ...(site.schema.exclusive ?? []).map((g) => ({ group: g, required: false })),
        ...(site.schema.exactlyOne ?? []).map((g) => ({ group: g, required: true })),
      ];
      for (const { group, required } of groups) {
        const present = site.object.properties.filter((p) => group.includes(p.key));
        if (present.length > 1) {
          for (const extra of present.slice(1)) {
            ctx.report({
              span: extra.keySpan,
              message: `The fields ${quoteList(present.map((p) => p.key))} cannot be used together`,
              data: { fields: [...group] },
            });
          }
        } else if (required && present.length === 0) {
          const span = site.state && site.object === site.state.node ? site.state.nameSpan : openingSpan(site.object);
          ctx.report({
            span,
            message: `${site.schema.name} needs exactly one of ${quoteList([...group])}`,
            data: { fields: [...group] },
          });
        }
      }
    }
  },
};
