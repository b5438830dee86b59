import { openingSpan } from '../../document/ast';
import { schemaSites, type SchemaSite } from '../schemaSites';
import { quoteList } from '../suggest';
import type { Rule, ValidationContext } from '../types';

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
      const { exclusive, exactlyOne } = site.schema;
      if (exclusive) for (const group of exclusive) checkGroup(ctx, site, group, false);
      if (exactlyOne) for (const group of exactlyOne) checkGroup(ctx, site, group, true);
    }
  },
};

function checkGroup(ctx: ValidationContext, site: SchemaSite, group: readonly string[], required: boolean): void {
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
