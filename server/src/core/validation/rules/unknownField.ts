import { stateSchemas } from '../../spec/stateSpecs';
import { schemaSites } from '../schemaSites';
import { quoteList, suggest } from '../suggest';
import type { Rule } from '../types';

const fieldsOfAnyState = new Set(Object.values(stateSchemas).flatMap((s) => Object.keys(s.fields)));

/** data: `{ field: string, suggestions: string[] }` — the quick fix offers each suggestion and "remove". */
export const unknownField: Rule = {
  code: 'unknown-field',
  defaultSeverity: 'error',
  locality: 'state',
  description: 'A field that AWS does not accept at this place (with the nearest valid name).',
  example: {
    bad: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Nxet": "B" }, "B": { "Type": "Succeed" } } }',
    fixed: '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Succeed" } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      if (site.schema.open) continue;
      for (const prop of site.object.properties) {
        if (prop.key in site.schema.fields) continue;
        const isStateSite = site.state !== undefined && site.object === site.state.node;
        const suggestions = suggest(prop.key, Object.keys(site.schema.fields));
        let message: string;
        if (isStateSite && fieldsOfAnyState.has(prop.key)) {
          message = `Field '${prop.key}' is not allowed in a ${site.schema.name}`;
        } else {
          message = `Field '${prop.key}' is not supported in a ${site.schema.name}`;
          if (suggestions.length > 0) message += `. Did you mean ${quoteList(suggestions)}?`;
        }
        ctx.report({ span: prop.keySpan, message, data: { field: prop.key, suggestions } });
      }
    }
  },
};
