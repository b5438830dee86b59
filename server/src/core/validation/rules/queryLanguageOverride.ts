import { getProperty } from '../../document/ast';
import type { Scope } from '../../model/types';
import type { Rule } from '../types';

function insideDistributedMap(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.distributed) return true;
  return false;
}

export const queryLanguageOverride: Rule = {
  code: 'query-language-override',
  defaultSeverity: 'error',
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
