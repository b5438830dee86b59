import { analyzeDocument } from '../analyzeDocument';
import { formatOfName } from '../document/documentFormat';
import { LineIndex } from '../document/lineIndex';
import { DEFAULT_VALIDATION_SETTINGS, type Problem, type ValidationSettings } from '../validation/types';
import { UNDEFINED_SUBSTITUTION, definitionSettings, isDefined } from './analyzeTemplate';
import { stringNodes, substitutionUses } from './substitutionNames';
import type { TemplateDefinition } from './templateTypes';

export const LINKED_DEFINITION = 'linked-definition';

/** What reading a linked definition file gave: its text, or why it could not be read. */
export type LinkedFile = { text: string } | { error: string };

/**
 * Checks the file a `DefinitionUri`, `file()` or `templatefile()` names, with the substitutions the template
 * gives it: a file that cannot be read, a definition with errors, and each `${Name}` it uses that the template
 * does not define are reported on the link, in the template.
 */
export function checkLinkedDefinition(definition: TemplateDefinition, file: LinkedFile, settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS): Problem[] {
  const link = definition.link;
  if (!link) return [];
  if ('error' in file) {
    return [{ code: LINKED_DEFINITION, severity: 'warning', message: `Cannot read '${link.target}': ${file.error}`, span: link.span, data: { target: link.target } }];
  }
  const analysis = analyzeDocument(file.text, definitionSettings(definition, settings), formatOfName(link.target));
  const problems: Problem[] = [];
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const at = new LineIndex(file.text).positionAt(errors[0].span.offset);
    problems.push({
      code: LINKED_DEFINITION,
      severity: 'error',
      message: `'${link.target}' has ${errors.length} error${errors.length === 1 ? '' : 's'}; the first, at ${at.line + 1}:${at.character + 1}: ${errors[0].message}`,
      span: link.span,
      data: { target: link.target, line: at.line, character: at.character },
    });
  }
  const missing = new Set<string>();
  for (const node of stringNodes(analysis.doc.root)) {
    for (const use of substitutionUses(node.value)) if (!isDefined(definition, use.name)) missing.add(use.name);
  }
  for (const name of missing) {
    problems.push({
      code: UNDEFINED_SUBSTITUTION,
      severity: 'warning',
      message: `'\${${name}}' in '${link.target}' is not defined: no entry of ${definition.substitutionsFrom} gives it a value`,
      span: link.span,
      data: { name, definition: definition.name },
    });
  }
  return problems;
}
