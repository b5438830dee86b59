import { schemaSites } from '../schemaSites';
import type { Rule } from '../types';

/** data: `{ field, replacement }` (quick fix: rename). */
export const deprecatedField: Rule = {
  code: 'deprecated-field',
  defaultSeverity: 'hint',
  locality: 'state',
  description: "A field AWS still accepts but has replaced: Map 'Iterator' (use 'ItemProcessor') and Map 'Parameters' (use 'ItemSelector').",
  example: {
    bad: '{ "StartAt": "M", "States": { "M": { "Type": "Map", "Iterator": { "StartAt": "P", "States": { "P": { "Type": "Succeed" } } }, "End": true } } }',
    fixed: '{ "StartAt": "M", "States": { "M": { "Type": "Map", "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Succeed" } } }, "End": true } } }',
  },
  check(ctx) {
    for (const site of schemaSites(ctx.model)) {
      for (const prop of site.object.properties) {
        const replacement = site.schema.fields[prop.key]?.deprecatedBy;
        if (!replacement || site.object.properties.some((p) => p.key === replacement)) continue;
        ctx.report({ span: prop.keySpan, message: `'${prop.key}' is deprecated: use '${replacement}'`, data: { field: prop.key, replacement } });
      }
    }
  },
};
