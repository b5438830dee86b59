import type { TextEdit } from 'vscode-languageserver';
import type { Scope } from '../../core/model/types';
import type { FieldSpec } from '../../core/spec/fieldSpec';
import type { AnalyzedDocument } from '../featureContext';
import { toRange } from '../toDiagnostic';

/** A snippet for a field's value, with tab stops. */
export function valueSnippet(name: string, spec: FieldSpec | undefined, queryLanguage: string | undefined): string {
  switch (name) {
    case 'Retry':
      return '[\n\t{\n\t\t"ErrorEquals": ["${1:States.TaskFailed}"],\n\t\t"IntervalSeconds": ${2:1},\n\t\t"MaxAttempts": ${3:3},\n\t\t"BackoffRate": ${4:2},\n\t\t"JitterStrategy": "FULL"\n\t}\n]';
    case 'Catch':
      return queryLanguage === 'JSONata'
        ? '[\n\t{\n\t\t"ErrorEquals": ["States.ALL"],\n\t\t"Output": "{% \\$states.errorOutput %}",\n\t\t"Next": "${1}"\n\t}\n]'
        : '[\n\t{\n\t\t"ErrorEquals": ["States.ALL"],\n\t\t"ResultPath": "\\$.error",\n\t\t"Next": "${1}"\n\t}\n]';
    case 'End':
      return 'true';
    case 'Choices':
      return queryLanguage === 'JSONata'
        ? '[\n\t{\n\t\t"Condition": "{% ${1:true} %}",\n\t\t"Next": "${2}"\n\t}\n]'
        : '[\n\t{\n\t\t"Variable": "\\$.${1:field}",\n\t\t"StringEquals": "${2:value}",\n\t\t"Next": "${3}"\n\t}\n]';
    case 'Branches':
      return '[\n\t{\n\t\t"StartAt": "${1:First}",\n\t\t"States": {\n\t\t\t"${1:First}": { "Type": "Pass", "End": true }\n\t\t}\n\t}\n]';
    case 'ItemProcessor':
    case 'Iterator':
      return '{\n\t"StartAt": "${1:Process}",\n\t"States": {\n\t\t"${1:Process}": { "Type": "Pass", "End": true }\n\t}\n}';
  }
  if (spec?.enum) return `"\${1|${spec.enum.join(',')}|}"`;
  switch (spec?.kind) {
    case 'boolean':
      return '${1|true,false|}';
    case 'integer':
    case 'number':
      return '${1:0}';
    case 'object':
      return '{\n\t$1\n}';
    case 'array':
      return '[$1]';
    case 'path':
    case 'referencePath':
      return '"\\$${1}"';
    default:
      return queryLanguage === 'JSONata' && (name === 'Output' || name === 'Arguments') ? '"{% ${1:\\$states.input} %}"' : '"$1"';
  }
}

/** An edit adding a Pass stub with a fresh name at the end of a States block. */
export function newStateEdit(
  doc: AnalyzedDocument,
  scope: Scope,
  wanted?: string,
  body = '{ "Type": "Pass", "End": true }',
): { name: string; edit: TextEdit } | undefined {
  const states = scope.statesNode;
  if (states?.kind !== 'object') return undefined;
  let name = wanted ?? 'New State';
  if (!wanted) for (let i = 2; doc.analysis.model.symbols.definitions.has(name); i++) name = `New State ${i}`;
  const last = states.properties.at(-1);
  const text = doc.analysis.doc.text;
  const indent = last ? (/[ \t]*$/.exec(text.slice(0, last.keySpan.offset))?.[0] ?? '  ') : '  ';
  const stub = `${JSON.stringify(name)}: ${body}`;
  const at = last ? last.span.offset + last.span.length : states.span.offset + 1;
  return { name, edit: { range: toRange(doc.textDocument, { offset: at, length: 0 }), newText: last ? `,\n${indent}${stub}` : `\n${indent}${stub}\n` } };
}
