import type { Hover } from 'vscode-languageserver';
import { cursorContext } from '../../core/completion/cursorContext';
import type { Span, StringNode } from '../../core/document/ast';
import { spanInString } from '../../core/document/stringOffsets';
import { substitutionUses } from '../../core/templates/substitutionNames';
import { substitutionHover } from '../../core/templates/templateKeyHover';
import { INTRINSIC_SIGNATURES } from '../../core/expressions/intrinsicSignatures';
import { AWS_JSONATA_FUNCTIONS } from '../../core/expressions/jsonata';
import { referencesTo, symbolAt } from '../../core/navigation/symbolAt';
import { CONTEXT_FIELDS } from '../../core/spec/contextObject';
import { STATES_ERRORS } from '../../core/spec/errorNames';
import {
  CONTEXT_DOCS_URL, ERRORS_DOCS_URL, FIELD_DOCS_URL, INTRINSICS_DOCS_URL, JSONATA_DOCS_URL, STATE_TYPE_DOCS, VARIABLES_DOCS_URL,
} from '../../core/spec/stateTypeDocs';
import type { StateModel, StateType } from '../../core/model/types';
import { assignments } from '../../core/validation/variables';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import { toRange } from '../toDiagnostic';

/** Markdown hover for fields, state types, state names, error names, intrinsics, context fields, variables. */
export function registerHover(ctx: FeatureContext): void {
  ctx.connection.onHover(
    ctx.guard('hover', null as Hover | null, (params) => {
      const templateKey = ctx.templateHover?.(params.textDocument.uri, params.position);
      if (templateKey) return { contents: { kind: 'markdown', value: templateKey.markdown }, range: templateKey.range };
      const doc = ctx.getDocument(params.textDocument.uri, params.position);
      if (!doc) return null;
      const found = hoverAt(doc, doc.textDocument.offsetAt(params.position));
      return found ? { contents: { kind: 'markdown', value: found.markdown }, range: toRange(doc.textDocument, found.span) } : null;
    }),
  );
}

export function hoverAt(doc: AnalyzedDocument, offset: number): { markdown: string; span: Span } | undefined {
  const model = doc.analysis.model;
  const symbol = symbolAt(model, offset);
  if (symbol?.state) return { markdown: stateHover(symbol.state, referencesTo(model, symbol.state).map((r) => r.from?.name ?? 'StartAt')), span: symbol.span };
  if (symbol?.kind === 'reference') return { markdown: `**${symbol.reference.name}**: no state of this name in this States block.`, span: symbol.span };

  const context = cursorContext(model, offset);
  if (context.kind === 'key' && context.property) {
    const spec = context.site?.schema.fields[context.property.key];
    if (!spec) return undefined;
    const lang = spec.queryLanguage ? `\n\n*${spec.queryLanguage} only.*` : '';
    const distributed = spec.distributedOnly ? '\n\n*Distributed Map only.*' : '';
    return {
      markdown: `**${context.property.key}** (${context.site!.schema.name})\n\n${spec.doc}${lang}${distributed}\n\n[AWS documentation](${FIELD_DOCS_URL})`,
      span: context.property.keySpan,
    };
  }
  const node = context.kind === 'value' || context.kind === 'arrayItem' ? context.node : undefined;
  if (node?.kind !== 'string') return undefined;
  const key = context.kind === 'value' ? context.property.key : context.kind === 'arrayItem' ? context.property?.key : undefined;
  if (key === 'Type' && node.value in STATE_TYPE_DOCS) {
    const d = STATE_TYPE_DOCS[node.value as StateType];
    return { markdown: `**${node.value} state**\n\n${d.doc}\n\n[AWS documentation](${d.url})`, span: node.span };
  }
  if (key === 'ErrorEquals' && node.value in STATES_ERRORS) {
    return { markdown: `**${node.value}**\n\n${STATES_ERRORS[node.value]}\n\n[Error handling](${ERRORS_DOCS_URL})`, span: node.span };
  }
  return (doc.definition && substitutionAt(doc, node, offset)) || wordHover(doc, node.value, node.span, offset);
}

/** A `${Name}` of a template's definition under the cursor: where its value comes from. */
function substitutionAt(doc: AnalyzedDocument, node: StringNode, offset: number): { markdown: string; span: Span } | undefined {
  for (const use of substitutionUses(node.value)) {
    const span = spanInString(doc.analysis.doc.text, node, use.index, use.length);
    if (offset >= span.offset && offset <= span.offset + span.length) return { markdown: substitutionHover(doc.definition!, use.name, use.escaped), span };
  }
  return undefined;
}

/** Hover on a word inside a string: an intrinsic, a context field, a variable or a JSONata function. */
function wordHover(doc: AnalyzedDocument, value: string, span: Span, offset: number): { markdown: string; span: Span } | undefined {
  const text = doc.analysis.doc.text;
  const raw = text.slice(span.offset, span.offset + span.length);
  const index = offset - span.offset;
  const wordRe = /\$\$(\.[A-Za-z]+)+|\$states(\.[A-Za-z]+)+|States\.[A-Za-z0-9]+|\$[A-Za-z_][A-Za-z0-9_]*/g;
  for (const m of raw.matchAll(wordRe)) {
    if (index < m.index! || index > m.index! + m[0].length) continue;
    const word = m[0];
    const wordSpan = { offset: span.offset + m.index!, length: word.length };
    const intrinsic = INTRINSIC_SIGNATURES[word];
    if (intrinsic) {
      const params = intrinsic.params.map((p) => p.name).join(', ') + (intrinsic.variadic ? ', ...' : '');
      return {
        markdown: `\`\`\`\n${intrinsic.name}(${params}) → ${intrinsic.returns}\n\`\`\`\n${intrinsic.doc}\n\nExample: \`${intrinsic.example}\`\n\n[Intrinsic functions](${INTRINSICS_DOCS_URL})`,
        span: wordSpan,
      };
    }
    const contextPath = word.startsWith('$$.') ? word.slice(3) : word.startsWith('$states.context.') ? word.slice(16) : undefined;
    if (contextPath !== undefined) {
      const field = Object.keys(CONTEXT_FIELDS).find((f) => f === contextPath) ?? Object.keys(CONTEXT_FIELDS).find((f) => f.startsWith(contextPath));
      if (field) return { markdown: `**Context object: ${field}**\n\n${CONTEXT_FIELDS[field]}\n\n[Context object](${CONTEXT_DOCS_URL})`, span: wordSpan };
    }
    const name = word.slice(1);
    const fn = AWS_JSONATA_FUNCTIONS[name];
    if (fn && value.startsWith('{%')) return { markdown: `\`${fn.signature}\`\n\n${fn.doc} (added by Step Functions)\n\n[JSONata in Step Functions](${JSONATA_DOCS_URL})`, span: wordSpan };
    const assigned = assignments(doc.analysis.model).filter((a) => a.name === name);
    if (assigned.length) {
      const where = [...new Set(assigned.map((a) => `'${a.state.name}'`))].join(', ');
      return { markdown: `**Variable $${name}**\n\nAssigned in ${where}.\n\n[Variables](${VARIABLES_DOCS_URL})`, span: wordSpan };
    }
  }
  return undefined;
}

function stateHover(state: StateModel, leadingFrom: string[]): string {
  const type = state.type ? `${state.type} state` : 'state of unknown type';
  const from = leadingFrom.length === 0 ? 'No transition leads here.' : `Reached from: ${[...new Set(leadingFrom)].map((n) => `'${n}'`).join(', ')}.`;
  const doc = state.type ? `\n\n${STATE_TYPE_DOCS[state.type].doc}` : '';
  return `**${state.name}**: ${type} (${state.queryLanguage})\n\n${from}${doc}`;
}
