import { getProperty, getValue } from '../document/ast';
import { inlineDoc } from './cloudFormationLocator';
import type { HostFormat } from './hostFormat';
import { machineTypeOfNode } from './machineType';
import { OffsetMap } from './offsetMap';
import type { TemplateDefinition } from './templateTypes';

/**
 * The state machines of a Serverless Framework file (serverless-step-functions): each entry of
 * `stepFunctions.stateMachines` with a `definition` object. `${...}` there are the framework's variables
 * (`${self:...}`, `${env:...}`, `${opt:...}`), resolved before deploying, so none needs a definition.
 */
export function serverlessDefinitions(host: HostFormat): TemplateDefinition[] {
  const machines = getValue(getValue(host.doc.root, 'stepFunctions'), 'stateMachines');
  if (machines?.kind !== 'object') return [];
  const out: TemplateDefinition[] = [];
  for (const machine of machines.properties) {
    const definitionProp = getProperty(machine.value, 'definition');
    const definition = definitionProp?.value;
    if (definition?.kind !== 'object') continue;
    const typeProp = getProperty(machine.value, 'type');
    out.push({
      name: machine.key,
      nameSpan: machine.keySpan,
      embedding: 'inline',
      span: definition.span,
      doc: inlineDoc(host.doc, definition),
      map: OffsetMap.identity,
      encode: (t) => t,
      substitutions: [],
      substitutionsFrom: 'the framework variables',
      implicitSubstitution: () => true,
      ...withType(machineTypeOfNode(typeProp?.value)),
      keys: [{ id: 'serverless:definition', span: definitionProp!.keySpan }, ...(typeProp ? [{ id: 'serverless:type' as const, span: typeProp.keySpan }] : [])],
    });
  }
  return out;
}

function withType(machineType: TemplateDefinition['machineType']): Pick<TemplateDefinition, 'machineType'> {
  return machineType ? { machineType } : {};
}
