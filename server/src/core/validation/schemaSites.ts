import { memoized } from '../model/modelMemo';
import { getValue, type ObjectNode } from '../document/ast';
import type { QueryLanguage, StateMachineModel, StateModel } from '../model/types';
import type { ObjectSchema } from '../spec/fieldSpec';
import { jsonataChoiceRuleSchema, stateSchemas, topLevelSchema } from '../spec/stateSpecs';

/** One object of the definition with the schema it must follow. */
export interface SchemaSite {
  object: ObjectNode;
  schema: ObjectSchema;
  queryLanguage: QueryLanguage;
  /** The state the object belongs to (undefined for the top level). */
  state?: StateModel;
  /** True for a Map state (and its sub-objects) in Distributed mode. */
  distributed: boolean;
}

/**
 * Every object the field rules check, computed once per model and shared by those rules: the top level,
 * each state of a known type, and the objects nested in them that have a schema (retriers, catchers,
 * branches, ItemReader...). JSONPath Choice rules are left to the Choice rule checks.
 */
export function schemaSites(model: StateMachineModel): SchemaSite[] {
  return memoized(model, schemaSites, () => collectSchemaSites(model));
}

function collectSchemaSites(model: StateMachineModel): SchemaSite[] {
  const sites: SchemaSite[] = [];
  if (model.root?.kind === 'object') {
    sites.push({ object: model.root, schema: topLevelSchema, queryLanguage: model.queryLanguage, distributed: false });
  }
  for (const state of model.states) {
    if (!state.type || state.node.kind !== 'object') continue;
    const distributed = state.type === 'Map' && isDistributedMap(state.node);
    addSite(sites, state.node, stateSchemas[state.type], state, distributed);
    if (state.type === 'Choice' && state.queryLanguage === 'JSONata') {
      const choices = getValue(state.node, 'Choices');
      if (choices?.kind === 'array') {
        for (const rule of choices.items) {
          if (rule.kind === 'object') addSite(sites, rule, jsonataChoiceRuleSchema, state, false);
        }
      }
    }
  }
  return sites;
}

function addSite(sites: SchemaSite[], object: ObjectNode, schema: ObjectSchema, state: StateModel, distributed: boolean) {
  sites.push({ object, schema, queryLanguage: state.queryLanguage, state, distributed });
  for (const prop of object.properties) {
    const spec = schema.fields[prop.key];
    const value = prop.value;
    if (!spec || !value) continue;
    if (spec.schema && value.kind === 'object') addSite(sites, value, spec.schema, state, distributed);
    if (spec.items && value.kind === 'array') {
      for (const item of value.items) {
        if (item.kind === 'object') addSite(sites, item, spec.items, state, distributed);
      }
    }
  }
}

export function isDistributedMap(node: ObjectNode): boolean {
  const mode = getValue(getValue(getValue(node, 'ItemProcessor'), 'ProcessorConfig'), 'Mode');
  return mode?.kind === 'string' && mode.value === 'DISTRIBUTED';
}
