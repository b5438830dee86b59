import type { Span } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import type { StateMachineModel } from '../model/types';

export type StateMachineType = 'STANDARD' | 'EXPRESS';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Problem {
  /** Stable kebab-case rule code, documented in docs/rules.md. */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Rule-specific data for quick fixes (e.g. suggested names); must be JSON-serializable. */
  data?: Record<string, unknown>;
  /** Places this problem affects, shown with it instead of as problems of their own (LSP relatedInformation). */
  related?: RelatedPlace[];
}

export interface RelatedPlace {
  span: Span;
  message: string;
}

export interface ValidationSettings {
  /** Accept `${Name}` definition substitutions (SAM, CDK, Terraform) anywhere a string goes. */
  allowPlaceholders: boolean;
  /**
   * The state machine's type (from its template, a setting or `asl run --type`); EXPRESS refuses what Express
   * workflows do not support. Default STANDARD.
   */
  stateMachineType?: StateMachineType;
  /** Per-rule severity overrides; 'off' disables a rule. */
  severityOverrides: Record<string, Severity | 'off'>;
}

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = {
  allowPlaceholders: true,
  severityOverrides: {},
};

export interface ValidationContext {
  doc: ParsedDocument;
  /** For a state rule, the whole model but with `states` holding only the states to check. */
  model: StateMachineModel;
  /** The whole machine; a state rule reads from it only what the state's context key covers. */
  machine: StateMachineModel;
  settings: ValidationSettings;
  /** Reports a problem; severity defaults to the rule's own. */
  report(problem: { span: Span; message: string; severity?: Severity; data?: Record<string, unknown>; related?: RelatedPlace[] }): void;
}

export interface Rule {
  /** Stable kebab-case code. */
  code: string;
  defaultSeverity: Severity;
  /**
   * 'state': what the rule reports for a state depends only on that state's own text and on its context (see
   * `stateContexts`: its name, its and the machine's query language, whether it runs inside a Distributed Map,
   * the variables its scopes assign, the `States.*` names Fail states raise); it reports only inside the state (or
   * on the top level when `model.states` is empty). It runs for one state at a time, and its results are reused
   * while the state and its context are unchanged. 'machine': it reads across states and runs over the whole model.
   */
  locality: 'state' | 'machine';
  /** One line for docs and settings. */
  description: string;
  /** For docs/rules.md: a small definition (or fragment) that triggers the rule, and the same one fixed (JSON unless said). */
  example: { bad: string; fixed: string; format?: 'yaml' };
  check(ctx: ValidationContext): void;
}
