import { buildModel } from '../model/buildModel';
import type { DocumentAnalysis } from '../analyzeDocument';
import { spanInString } from '../document/stringOffsets';
import type { Span } from '../document/ast';
import type { Problem, ValidationSettings } from '../validation/types';
import { DEFAULT_VALIDATION_SETTINGS } from '../validation/types';
import { validate } from '../validation/validate';
import { locateDefinitions } from './locateDefinitions';
import { stringNodes, substitutionUses } from './substitutionNames';
import type { TemplateDefinition, TemplateDocument } from './templateTypes';

export const UNDEFINED_SUBSTITUTION = 'undefined-substitution';

/** One definition of a template with its analysis (absent for a definition in another file). */
export interface DefinitionAnalysis {
  definition: TemplateDefinition;
  /** Spans in the definition's own text (`definition.doc.text`); map them with `definition.map`. */
  analysis?: DocumentAnalysis;
  /** This definition's problems in file offsets, its undefined substitutions included. */
  problems: Problem[];
}

export interface TemplateAnalysis {
  template: TemplateDocument;
  definitions: DefinitionAnalysis[];
  /** Every definition's problems, in file offsets, in file order. */
  problems: Problem[];
}

/**
 * Analyses each state machine of a template file, as a standalone definition would be, with `${Name}` accepted
 * wherever a string goes, and reports each `${Name}` that no substitution defines. Problems come in file offsets
 * and only inside definitions: the rest of the file is other tools' business. Undefined when the file holds no
 * state machine.
 */
export function analyzeTemplate(text: string, fileName: string, settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): TemplateAnalysis | undefined {
  const template = locateDefinitions(text, fileName);
  if (!template) return undefined;
  const withPlaceholders = { ...settings, allowPlaceholders: true };
  const definitions = template.definitions.map((definition): DefinitionAnalysis => {
    if (!definition.doc) return { definition, problems: [] };
    const model = buildModel(definition.doc.root);
    const analysis: DocumentAnalysis = { doc: definition.doc, model, problems: validate(definition.doc, model, definitionSettings(definition, withPlaceholders)) };
    const own = [...analysis.problems, ...undefinedSubstitutions(definition, settings)];
    return { definition, analysis, problems: own.map((p) => toHostProblem(definition, p)).sort((a, b) => a.span.offset - b.span.offset) };
  });
  const problems = definitions.flatMap((d) => d.problems).sort((a, b) => a.span.offset - b.span.offset);
  return { template, definitions, problems };
}

/** The settings a definition is checked with: `${Name}` accepted, and the machine type its template gives, if any. */
export function definitionSettings(definition: TemplateDefinition, settings: ValidationSettings): ValidationSettings {
  return { ...settings, allowPlaceholders: true, ...(definition.machineType ? { stateMachineType: definition.machineType } : {}) };
}

/** A problem of the definition's own text placed in the file. */
export function toHostProblem(definition: TemplateDefinition, problem: Problem): Problem {
  if (definition.map.isIdentity) return problem;
  const span = toHostSpan(definition, problem.span);
  return { ...problem, span, ...(problem.related ? { related: problem.related.map((r) => ({ ...r, span: toHostSpan(definition, r.span) })) } : {}) };
}

export function toHostSpan(definition: TemplateDefinition, span: Span): Span {
  const start = definition.map.toHost(span.offset);
  const end = definition.map.toHost(span.offset + span.length);
  return { offset: start, length: Math.max(0, end - start) };
}

/** `${Name}` uses in the definition that no substitution defines (and that the template does not fill in itself). */
function undefinedSubstitutions(definition: TemplateDefinition, settings: ValidationSettings): Problem[] {
  const override = Object.hasOwn(settings.severityOverrides, UNDEFINED_SUBSTITUTION) ? settings.severityOverrides[UNDEFINED_SUBSTITUTION] : undefined;
  if (override === 'off' || !definition.doc) return [];
  const problems: Problem[] = [];
  for (const node of stringNodes(definition.doc.root)) {
    for (const use of substitutionUses(node.value)) {
      if (isDefined(definition, use.name, use.escaped)) continue;
      problems.push({
        code: UNDEFINED_SUBSTITUTION,
        severity: override ?? 'warning',
        message: `'\${${use.name}}' is not defined: no entry of ${definition.substitutionsFrom} gives it a value, so the definition keeps the text as written`,
        span: spanInString(definition.doc.text, node, use.index, use.length),
        data: { name: use.name, definition: definition.name },
      });
    }
  }
  return problems;
}

export function isDefined(definition: TemplateDefinition, name: string, escaped = false): boolean {
  return definition.substitutions.some((s) => s.name === name) || (!escaped && definition.implicitSubstitution(name));
}

