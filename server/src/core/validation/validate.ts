import { plainSpan } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import type { StateMachineModel } from '../model/types';
import { allRules } from './rules/index';
import { stateContexts } from './stateContext';
import { StateProblemCache } from './stateProblemCache';
import { DEFAULT_VALIDATION_SETTINGS, type Problem, type Rule, type Severity, type ValidationContext, type ValidationSettings } from './types';

/** The code of the problem that stands for a rule that threw (documented in docs/rules.md). */
export const INTERNAL_ERROR = 'internal-error';

/**
 * Runs every rule over a parsed document. Machine rules see the whole model; state rules run for the top level
 * and then for each state alone (a model whose `states` holds just that state), so that with a `cache` the
 * problems of a state whose syntax tree was reused from the previous version are taken from there, moved to the
 * state's new place, instead of being computed again. A rule that throws is reported as an `internal-error`
 * problem (an error, on the state it was checking or at the top) instead of taking the caller down; the problems
 * the other rules found stand.
 */
export function validate(
  doc: ParsedDocument,
  model: StateMachineModel,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
  rules: readonly Rule[] = allRules,
  cache: StateProblemCache = new StateProblemCache(),
): Problem[] {
  const problems: Problem[] = [];
  // Each rule with its severity, looked up once (not once per state); rules turned off are left out.
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const override = Object.hasOwn(settings.severityOverrides, rule.code) ? settings.severityOverrides[rule.code] : undefined;
    if (override !== 'off') active.push({ rule, override });
  }
  const machineRules = active.filter((r) => r.rule.locality === 'machine');
  const stateRules = active.filter((r) => r.rule.locality === 'state');
  run(machineRules, doc, model, model, settings, problems);
  run(stateRules, doc, { ...model, states: [], memo: undefined }, model, settings, problems);
  cache.beginVersion(settings);
  const contextOf = stateContexts(model);
  for (const state of model.states) {
    const context = contextOf(state);
    const base = state.property.span.offset;
    const cached = cache.take(state.node, context, base);
    if (cached) {
      for (const p of cached) problems.push(p);
      continue;
    }
    const own: Problem[] = [];
    // Its own memo: values derived from the whole model do not hold for the model of one state.
    run(stateRules, doc, { ...model, root: undefined, states: [state], memo: undefined }, model, settings, own);
    cache.store(state.node, context, base, own);
    for (const p of own) problems.push(p);
  }
  return problems.sort((a, b) => a.span.offset - b.span.offset);
}

interface ActiveRule {
  rule: Rule;
  override: Severity | undefined;
}

/** Runs rules over one model (or state), with one context for all of them. */
function run(
  rules: readonly ActiveRule[],
  doc: ParsedDocument,
  model: StateMachineModel,
  machine: StateMachineModel,
  settings: ValidationSettings,
  problems: Problem[],
): void {
  let rule: Rule | undefined;
  let override: Severity | undefined;
  const ctx: ValidationContext = {
    doc,
    model,
    machine,
    settings,
    report: (p) =>
      problems.push({
        code: rule!.code,
        severity: override ?? p.severity ?? rule!.defaultSeverity,
        message: p.message,
        // Copies: a node's span is the node (see ast.ts), and a problem outlives its version's tree.
        span: plainSpan(p.span),
        ...(p.data ? { data: p.data } : {}),
        ...(p.related?.length ? { related: p.related.map((r) => ({ ...r, span: plainSpan(r.span) })) } : {}),
      }),
  };
  for (const active of rules) {
    rule = active.rule;
    override = active.override;
    try {
      rule.check(ctx);
    } catch (error) {
      const state = model.root === undefined && model.states.length === 1 ? model.states[0] : undefined;
      problems.push({
        code: INTERNAL_ERROR,
        severity: 'error',
        message: `Internal error: rule '${rule.code}' failed${state ? ` on state '${state.name}'` : ''}: ${error instanceof Error ? error.message : String(error)}. The other checks ran; please report this.`,
        span: state ? plainSpan(state.nameSpan) : { offset: 0, length: 0 },
      });
    }
  }
}
