import { getProperty } from '../../document/ast';
import { insideDistributedMap } from '../../model/insideDistributedMap';
import type { Rule } from '../types';

export const queryLanguageOverride: Rule = {
  code: 'query-language-override',
  defaultSeverity: 'error',
  locality: 'state',
  description: "A state cannot set \"QueryLanguage\": \"JSONPath\" when the whole machine uses JSONata.",
  example: {
    bad: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "QueryLanguage": "JSONPath", "End": true } } }',
    fixed: '{ "QueryLanguage": "JSONata", "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }',
  },
  check(ctx) {
    if (ctx.model.queryLanguage !== 'JSONata') return;
    for (const state of ctx.model.states) {
      // A Distributed Map's children run as separate executions, each with its own query language.
      if (insideDistributedMap(state.scope)) continue;
      const own = getProperty(state.node, 'QueryLanguage');
      if (own?.value?.kind === 'string' && own.value.value === 'JSONPath') {
        // AWS's own message (asl-reference §0.1).
        ctx.report({ span: own.value.span, message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine" });
      }
    }
  },
};
