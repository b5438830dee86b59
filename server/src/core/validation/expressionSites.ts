import { memoized } from '../model/modelMemo';
import type { AstNode, StringNode } from '../document/ast';
import type { StateMachineModel, StateModel } from '../model/types';
import { schemaSites } from './schemaSites';

/**
 * Where an expression can appear, so each expression rule reads the same list:
 * - `path` / `referencePath`: a JSONPath field (InputPath, ResultPath, ItemsPath, *SecondsPath...);
 * - `pathOrIntrinsic`: ErrorPath/CausePath, and values of `.$` keys in payload templates;
 * - `choicePath`: Choice rule `Variable` and `*Path` operators;
 * - `jsonata`: a string in a JSONata-capable place of a JSONata state (it may or may not be `{% %}`).
 */
export type ExpressionKind = 'path' | 'referencePath' | 'pathOrIntrinsic' | 'choicePath' | 'jsonata';

export interface ExpressionSite {
  kind: ExpressionKind;
  node: StringNode;
  state: StateModel;
  /** The top-level field it sits under: 'Parameters', 'ResultPath', 'Catch', 'Choices'... */
  field: string;
  /** Set when inside a catcher (for `$states.errorOutput`) or a Choice rule. */
  within?: 'catcher' | 'choiceRule';
  /** The field inside the catcher or rule: 'Output', 'Assign', 'Condition'... */
  innerField?: string;
}

/** Payload-template fields of JSONPath states (asl-reference §3.2). */
export const TEMPLATE_FIELDS = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials', 'BatchInput']);
/** Fields never evaluated as JSONata (asl-reference §0.2), plus nested state blocks. */
const CONSTANT_FIELDS = new Set([
  'Type', 'Resource', 'Next', 'Default', 'StartAt', 'ErrorEquals', 'Comment', 'QueryLanguage', 'End',
  'Branches', 'ItemProcessor', 'Iterator', 'States', 'ProcessorConfig',
]);

export function expressionSites(model: StateMachineModel): ExpressionSite[] {
  return memoized(model, expressionSites, () => collectExpressionSites(model));
}

function collectExpressionSites(model: StateMachineModel): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  for (const site of schemaSites(model)) {
    const state = site.state;
    if (!state || site.queryLanguage !== 'JSONPath') continue;
    for (const prop of site.object.properties) {
      const spec = site.schema.fields[prop.key];
      const value = prop.value;
      if (!spec || !value) continue;
      if (value.kind === 'string' && (spec.kind === 'path' || spec.kind === 'referencePath')) {
        const kind = prop.key === 'ErrorPath' || prop.key === 'CausePath' ? 'pathOrIntrinsic' : spec.kind;
        sites.push({ kind, node: value, state, field: prop.key });
      }
      if (TEMPLATE_FIELDS.has(prop.key)) {
        collectTemplatePaths(value, state, prop.key, sites);
      }
    }
  }
  for (const state of model.states) {
    if (state.node.kind !== 'object' || !state.type) continue;
    if (state.queryLanguage === 'JSONPath') {
      if (state.type === 'Choice') for (const rule of state.choiceRules) collectChoicePaths(rule.node, state, sites);
      continue;
    }
    for (const prop of state.node.properties) {
      if (CONSTANT_FIELDS.has(prop.key) || !prop.value) continue;
      if (prop.key === 'Catch' || prop.key === 'Choices') {
        const within = prop.key === 'Catch' ? 'catcher' : 'choiceRule';
        if (prop.value.kind !== 'array') continue;
        for (const item of prop.value.items) {
          if (item.kind !== 'object') continue;
          for (const inner of item.properties) {
            if (inner.value && !CONSTANT_FIELDS.has(inner.key)) {
              collectStrings(inner.value, (node) => sites.push({ kind: 'jsonata', node, state, field: prop.key, within, innerField: inner.key }));
            }
          }
        }
        continue;
      }
      if (prop.key === 'Retry') continue;
      collectStrings(prop.value, (node) => sites.push({ kind: 'jsonata', node, state, field: prop.key }));
    }
  }
  return sites;
}

function collectStrings(node: AstNode, found: (node: StringNode) => void): void {
  if (node.kind === 'string') found(node);
  else if (node.kind === 'array') for (const item of node.items) collectStrings(item, found);
  else if (node.kind === 'object') for (const p of node.properties) if (p.value) collectStrings(p.value, found);
}

function collectTemplatePaths(
  node: AstNode,
  state: StateModel,
  field: string,
  sites: ExpressionSite[],
  within?: ExpressionSite['within'],
  innerField?: string,
): void {
  if (node.kind === 'array') {
    for (const item of node.items) collectTemplatePaths(item, state, field, sites, within, innerField);
    return;
  }
  if (node.kind !== 'object') return;
  for (const p of node.properties) {
    if (!p.value) continue;
    if (p.key.endsWith('.$')) {
      if (p.value.kind === 'string') sites.push({ kind: 'pathOrIntrinsic', node: p.value, state, field, within, innerField });
    } else {
      collectTemplatePaths(p.value, state, field, sites, within, innerField);
    }
  }
}

function collectChoicePaths(rule: AstNode, state: StateModel, sites: ExpressionSite[]): void {
  if (rule.kind !== 'object') return;
  for (const p of rule.properties) {
    if (!p.value) continue;
    if (p.key === 'Variable' || (p.key.endsWith('Path') && p.value.kind === 'string')) {
      if (p.value.kind === 'string') sites.push({ kind: 'choicePath', node: p.value, state, field: 'Choices', within: 'choiceRule', innerField: p.key });
    } else if (p.key === 'And' || p.key === 'Or') {
      if (p.value.kind === 'array') for (const r of p.value.items) collectChoicePaths(r, state, sites);
    } else if (p.key === 'Not') {
      collectChoicePaths(p.value, state, sites);
    } else if (p.key === 'Assign') {
      collectTemplatePaths(p.value, state, 'Choices', sites, 'choiceRule', 'Assign');
    }
  }
}

