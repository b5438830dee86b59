import type { Span } from '../document/ast';
import { TEMPLATE_KEY_DOCS, type TemplateKeyId } from '../spec/templateKeyDocs';
import type { StateMachineType } from '../validation/types';
import type { DefinitionAnalysis, TemplateAnalysis } from './analyzeTemplate';
import type { TemplateDefinition } from './templateTypes';

export interface TemplateKeyHover {
  markdown: string;
  span: Span;
}

/**
 * Hover on a template's own words that hold or shape a state machine (`Definition`, `DefinitionUri`,
 * `DefinitionSubstitutions`, the machine type, `Fn::Sub`, `jsonencode`, the resource type...): what the deploying
 * tool makes of it, and what it gives this machine (its states, its substitutions and their values, its type).
 */
export function templateKeyHover(template: TemplateAnalysis, offset: number, typeOf: (definition: TemplateDefinition) => StateMachineType): TemplateKeyHover | undefined {
  for (const entry of template.definitions) {
    const key = entry.definition.keys?.find((k) => offset >= k.span.offset && offset <= k.span.offset + k.span.length);
    if (!key) continue;
    const doc = TEMPLATE_KEY_DOCS[key.id];
    const facts = factsFor(key.id, entry, typeOf(entry.definition));
    const markdown = [`**${doc.title}** · state machine \`${entry.definition.name}\``, doc.doc, ...facts, `[Documentation](${doc.url})`].join('\n\n');
    return { markdown, span: key.span };
  }
  return undefined;
}

function factsFor(id: TemplateKeyId, entry: DefinitionAnalysis, type: StateMachineType): string[] {
  const definition = entry.definition;
  switch (id) {
    case 'sam:Type':
    case 'cfn:StateMachineType':
    case 'serverless:type':
    case 'terraform:type':
      return [definition.machineType
        ? `This machine is checked and run as **${definition.machineType}**.`
        : `The value is not known before deployment: this machine is checked and run as **${type}** (the \`asl.validation.stateMachineType\` setting).`];
    case 'sam:DefinitionSubstitutions':
    case 'cfn:DefinitionSubstitutions':
    case 'fn:Fn::Sub':
    case 'fn:Fn::Join':
    case 'terraform:templatefile':
      return [...substitutionFacts(definition), ...machineFacts(entry, type)];
    case 'sam:DefinitionUri':
    case 'terraform:file':
      return [...(definition.link ? [`Checked from \`${definition.link.target}\`${definition.substitutions.length ? ' with the substitutions below' : ''}.`] : []), ...substitutionFacts(definition)];
    default:
      return machineFacts(entry, type);
  }
}

/** The machine as read here: where it starts, how many states, how many problems. */
function machineFacts(entry: DefinitionAnalysis, type: StateMachineType): string[] {
  const model = entry.analysis?.model;
  if (!model) return entry.definition.link ? [`The definition is the file \`${entry.definition.link.target}\`.`] : [];
  const start = model.rootScope?.startAt?.name;
  const errors = entry.problems.filter((p) => p.severity === 'error').length;
  const warnings = entry.problems.filter((p) => p.severity === 'warning').length;
  const states = `${model.states.length} state${model.states.length === 1 ? '' : 's'}`;
  const problems = errors + warnings === 0 ? 'no problems' : [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  return [`This machine: ${type}, ${states}${start ? `, starts at \`${start}\`` : ''}; ${problems}.`];
}

function substitutionFacts(definition: TemplateDefinition): string[] {
  if (definition.substitutions.length === 0) return [];
  const rows = definition.substitutions.map((s) => `| \`\${${s.name}}\` | ${s.value !== undefined ? `\`${cell(s.value)}\`` : `deploy time; runs use \`${cell(s.placeholder)}\``} |`);
  return [['| Name | Value |', '| --- | --- |', ...rows].join('\n')];
}

/** Text safe in a Markdown table cell inside backticks. */
function cell(text: string): string {
  return text.replace(/[|`\n\r]/g, (c) => (c === '|' ? '\\|' : ' ')).slice(0, 120);
}

/** Hover on a `${Name}` inside a template's definition: where its value comes from and what it is. */
export function substitutionHover(definition: TemplateDefinition, name: string, escaped: boolean): string {
  const given = definition.substitutions.find((s) => s.name === name);
  const title = `**\`\${${escaped ? '!' : ''}${name}}\`** · substitution in \`${definition.name}\``;
  if (given) {
    const value = given.value !== undefined ? `Value: \`${cell(given.value)}\`.` : `Known at deploy time; a run here uses \`${cell(given.placeholder)}\`.`;
    return `${title}\n\n${value}\n\nFrom ${definition.substitutionsFrom}.`;
  }
  if (!escaped && definition.implicitSubstitution(name)) return `${title}\n\nFilled in by ${definition.substitutionsFrom} before AWS reads the definition; a run here asks for its value.`;
  return `${title}\n\nNot defined: no entry of ${definition.substitutionsFrom} gives it a value, so the definition keeps the text as written.`;
}
