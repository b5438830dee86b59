import type { ParsedDocument } from '../document/parseDocument';
import type { StateMachineModel } from '../model/types';
import { allRules } from './rules/index';
import { DEFAULT_VALIDATION_SETTINGS, type Problem, type Rule, type ValidationSettings } from './types';

/**
 * Runs every rule over a parsed document. A rule that throws is reported as an internal problem instead of
 * taking the caller down.
 */
export function validate(
  doc: ParsedDocument,
  model: StateMachineModel,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
  rules: readonly Rule[] = allRules,
): Problem[] {
  const problems: Problem[] = [];
  for (const rule of rules) {
    const override = settings.severityOverrides[rule.code];
    if (override === 'off') continue;
    try {
      rule.check({
        doc,
        model,
        settings,
        report: (p) =>
          problems.push({
            code: rule.code,
            severity: override ?? p.severity ?? rule.defaultSeverity,
            message: p.message,
            span: p.span,
            ...(p.data ? { data: p.data } : {}),
          }),
      });
    } catch (error) {
      problems.push({
        code: 'internal-error',
        severity: 'warning',
        message: `Rule '${rule.code}' failed: ${error instanceof Error ? error.message : String(error)}`,
        span: { offset: 0, length: 0 },
      });
    }
  }
  return problems.sort((a, b) => a.span.offset - b.span.offset);
}
