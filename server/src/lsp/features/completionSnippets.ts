import { CompletionItemKind, InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver';
import type { Span } from '../../core/document/ast';
import { jsonSnippetToHcl } from '../../core/completion/hclSnippet';
import { jsonSnippetToYaml } from '../../core/completion/yamlSnippet';
import { addStateEdit } from '../../core/edits/quickFixes';
import type { Scope } from '../../core/model/types';
import type { FieldSpec } from '../../core/spec/fieldSpec';
import type { AnalyzedDocument } from '../featureContext';
import { toRange } from '../toDiagnostic';
import SNIPPETS from '../../../../snippets/asl.json';

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}
const snippets = Object.entries(SNIPPETS as Record<string, Snippet>);
const bodyOf = (name: string) => (SNIPPETS as Record<string, Snippet>)[name].body.join('\n');

/** Whole-state snippets, offered only where a state goes (a key of a States block), the scope's language first. */
export function stateSnippetItems(doc: AnalyzedDocument, span: Span, scope: Scope, comma: string): CompletionItem[] {
  const language = scope.owner?.queryLanguage ?? doc.analysis.model.queryLanguage;
  return snippetItems(doc, span, (name) => !/^(State machine|Retry|Catch)/.test(name), language, comma);
}

/** Whole-machine snippets, offered in an empty document. */
export function machineSnippetItems(doc: AnalyzedDocument, span: Span): CompletionItem[] {
  return snippetItems(doc, span, (name) => name.startsWith('State machine'), 'JSONPath', '');
}

function snippetItems(doc: AnalyzedDocument, span: Span, wanted: (name: string) => boolean, language: string, comma: string): CompletionItem[] {
  const range = toRange(doc.textDocument, span);
  const format = doc.analysis.doc.format ?? 'json';
  return snippets
    .filter(([name]) => wanted(name))
    .flatMap(([name, s]) => {
      // In YAML or a jsonencode() body the same snippet, written in that syntax (its tab stops kept).
      const json = s.body.join('\n');
      const body = format === 'yaml' ? jsonSnippetToYaml(json) : format === 'hcl' ? jsonSnippetToHcl(json) : json + comma;
      if (body === undefined) return [];
      return [{
        label: name,
        kind: CompletionItemKind.Snippet,
        detail: s.description,
        // Typing `"ta` (or `ta`) finds the Task snippets, as their prefixes did.
        filterText: format === 'json' ? `"${s.prefix}` : s.prefix,
        sortText: `${name.includes(language === 'JSONata' ? 'JSONPath' : 'JSONata') ? 1 : 0}${name}`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: body },
      }];
    });
}

/** A snippet for a field's value, with tab stops. */
export function valueSnippet(name: string, spec: FieldSpec | undefined, queryLanguage: string | undefined): string {
  switch (name) {
    case 'Retry':
      return bodyOf('Retry block').replace(/^"Retry": /, '');
    case 'Catch':
      return bodyOf(`Catch block (${queryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath'})`).replace(/^"Catch": /, '');
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

/** An edit adding a Pass stub with a fresh name (or the one wanted) at the end of a States block. */
export function newStateEdit(doc: AnalyzedDocument, scope: Scope, wanted?: string): { name: string; edit: TextEdit } | undefined {
  let name = wanted ?? 'New State';
  if (!wanted) for (let i = 2; doc.analysis.model.symbols.definitions.has(name); i++) name = `New State ${i}`;
  const stub = addStateEdit(doc.analysis.doc, scope, name, { Type: 'Pass', End: true });
  // One insertion (an HCL body may refuse instead: no edit then).
  if (stub?.length !== 1 || stub[0].refused) return undefined;
  return { name, edit: { range: toRange(doc.textDocument, stub[0].span), newText: stub[0].newText } };
}

/**
 * A new Choice rule where one goes in a YAML list (after `- ` in Choices, or in And/Or without Next), in the
 * state's query language: the lines after the first are indented past the dash.
 */
export function choiceRuleItems(doc: AnalyzedDocument, span: Span, queryLanguage: 'JSONPath' | 'JSONata', nested: boolean, dashWidth: number): CompletionItem[] {
  const fields = queryLanguage === 'JSONata'
    ? [['Condition', '"{% ${1:true} %}"']]
    : [['Variable', '$.${1:field}'], ['StringEquals', '${2:value}']];
  const lines = [...fields, ...(nested ? [] : [['Next', queryLanguage === 'JSONata' ? '${2}' : '${3}']])].map(([k, v]) => `${k}: ${v}`);
  const label = nested ? 'Choice rule (nested)' : 'Choice rule';
  return [{
    label,
    kind: CompletionItemKind.Snippet,
    detail: queryLanguage === 'JSONata' ? 'A Condition and its Next state' : 'A comparison of a field and its Next state',
    filterText: fields[0][0],
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(doc.textDocument, span), newText: lines.join(`\n${' '.repeat(dashWidth)}`) },
  }];
}
