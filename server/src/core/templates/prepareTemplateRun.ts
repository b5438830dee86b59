import { analyzeDocument } from '../analyzeDocument';
import { toJsonValue } from '../document/ast';
import { formatOfName } from '../document/documentFormat';
import { LineIndex } from '../document/lineIndex';
import { DEFAULT_VALIDATION_SETTINGS, type StateMachineType } from '../validation/types';
import { definitionSettings, type DefinitionAnalysis } from './analyzeTemplate';
import type { LinkedFile } from './linkedDefinition';
import { resolveDefinition, substitutionValues } from './resolveDefinition';

export interface TemplateRunProblem {
  line: number;
  column: number;
  code: string;
  message: string;
}

/**
 * A template's state machine made ready to run, as AWS would receive it: refused with its errors (at the
 * template's positions, or the linked file's), else the definition with its substitutions filled in (the values
 * given, else the template's literals, else placeholder ARNs naming the resources). `type` is the machine type
 * when the template gives none (the settings', `asl run --type`): the linked file is checked as that.
 */
export function prepareTemplateRun(
  templateText: string,
  { definition, analysis }: DefinitionAnalysis,
  linked: LinkedFile | undefined,
  given: Record<string, string> = {},
  type: StateMachineType = 'STANDARD',
): { definition: unknown } | { problems: TemplateRunProblem[]; file?: string } {
  const values = substitutionValues(definition, given);
  if (definition.link) {
    if (!linked || 'error' in linked) {
      return { problems: [{ line: 1, column: 1, code: 'linked-definition', message: `Cannot read '${definition.link.target}': ${linked && 'error' in linked ? linked.error : 'no such file'}` }] };
    }
    const own = analyzeDocument(linked.text, definitionSettings(definition, { ...DEFAULT_VALIDATION_SETTINGS, stateMachineType: type }), formatOfName(definition.link.target));
    const errors = own.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0 || !own.doc.root) return { problems: located(linked.text, errors, (o) => o), file: definition.link.target };
    return { definition: resolveDefinition(toJsonValue(own.doc.root), values, definition.resources) };
  }
  const root = analysis?.doc.root;
  const errors = analysis?.problems.filter((p) => p.severity === 'error') ?? [];
  if (!root || errors.length > 0) return { problems: located(templateText, errors, (o) => definition.map.toHost(o)) };
  return { definition: resolveDefinition(toJsonValue(root), values, definition.resources) };
}

function located(text: string, problems: { span: { offset: number }; code: string; message: string }[], toText: (offset: number) => number): TemplateRunProblem[] {
  const lines = new LineIndex(text);
  return problems.map((p) => {
    const at = lines.positionAt(toText(p.span.offset));
    return { line: at.line + 1, column: at.character + 1, code: p.code, message: p.message };
  });
}
