import { getProperty, getValue, plainSpan, toJsonValue, type AstNode, type ObjectNode, type PropertyNode, type StringNode } from '../document/ast';
import { parseDocument, type ParsedDocument } from '../document/parseDocument';
import type { HostFormat } from './hostFormat';
import { OffsetMap, OffsetMapBuilder } from './offsetMap';
import { machineTypeOfNode } from './machineType';
import { isPseudoParameter, placeholderOfIntrinsic } from './placeholderArns';
import { spanWithin } from './substitutionNames';
import type { TemplateKeyId } from '../spec/templateKeyDocs';
import type { Substitution, TemplateDefinition } from './templateTypes';

export const STATE_MACHINE_TYPES = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

/**
 * The state machines of a SAM or CloudFormation template (a tree of the file, JSON or YAML): each resource of type
 * `AWS::StepFunctions::StateMachine` or `AWS::Serverless::StateMachine` with its `Definition` (an object),
 * `DefinitionString` (a string, `Fn::Sub` or `Fn::Join`) or `DefinitionUri` (a file), and its
 * `DefinitionSubstitutions`.
 */
export function cloudFormationDefinitions(host: HostFormat): TemplateDefinition[] {
  const root = host.doc.root;
  const resources = getValue(root, 'Resources');
  if (resources?.kind !== 'object') return [];
  const parameters = getValue(root, 'Parameters');
  const known = (name: string): boolean => {
    const id = name.split('.')[0];
    return isPseudoParameter(name) || getProperty(resources, id) !== undefined || getProperty(parameters, id) !== undefined;
  };
  const out: TemplateDefinition[] = [];
  for (const resource of resources.properties) {
    const type = getValue(resource.value, 'Type');
    if (type?.kind !== 'string' || !STATE_MACHINE_TYPES.has(type.value)) continue;
    const properties = getValue(resource.value, 'Properties');
    if (properties?.kind !== 'object') continue;
    const found = locate(host, resource, properties, resources, known);
    // SAM names the type `Type`, CloudFormation `StateMachineType`.
    const sam = type.value === 'AWS::Serverless::StateMachine';
    const machineType = machineTypeOfNode(getValue(properties, sam ? 'Type' : 'StateMachineType'));
    if (found) out.push({ ...found, ...(machineType ? { machineType } : {}), keys: templateKeys(type, properties, sam) });
  }
  return out;
}

function locate(host: HostFormat, resource: PropertyNode, properties: ObjectNode, resources: AstNode, known: (name: string) => boolean): TemplateDefinition | undefined {
  const substitutionsProp = getProperty(properties, 'DefinitionSubstitutions');
  const substitutions = readSubstitutions(substitutionsProp?.value, resources);
  const basePath = ['Resources', resource.key, 'Properties'];
  const base = {
    name: resource.key,
    nameSpan: resource.keySpan,
    resources,
    substitutions,
    substitutionsFrom: 'DefinitionSubstitutions',
    implicitSubstitution: () => false,
    substitutionTarget: {
      path: [...basePath, 'DefinitionSubstitutions'],
      ...(substitutionsProp?.value?.kind === 'object' ? { objectSpan: substitutionsProp.value.span } : {}),
      anchorSpan: properties.properties[0]?.keySpan ?? properties.span,
    },
  };
  const definition = getProperty(properties, 'Definition');
  if (definition?.value?.kind === 'object') {
    return { ...base, embedding: 'inline', span: definition.value.span, doc: inlineDoc(host.doc, definition.value), map: OffsetMap.identity, encode: (t) => t };
  }
  const uri = getValue(properties, 'DefinitionUri');
  if (uri?.kind === 'string') {
    return { ...base, embedding: 'file', span: uri.span, map: OffsetMap.identity, encode: () => undefined, link: { target: uri.value, span: plainSpan(uri.span) } };
  }
  const stringProp = getProperty(properties, 'DefinitionString');
  const value = stringProp?.value;
  if (!value) return undefined;
  if (value.kind === 'string') return fromString(host, base, value);
  const sub = getProperty(value, 'Fn::Sub');
  if (sub?.value?.kind === 'string' || (sub?.value?.kind === 'array' && sub.value.items[0]?.kind === 'string')) {
    const template = (sub.value.kind === 'string' ? sub.value : sub.value.items[0]) as StringNode;
    const vars = sub.value.kind === 'array' ? sub.value.items[1] : undefined;
    const subVars = readSubstitutions(vars, resources);
    const inner = fromString(host, base, template);
    // Fn::Sub resolves ${Name} from its variables, the template's resources and parameters and the pseudo parameters;
    // ${!Name} is left to the definition's DefinitionSubstitutions.
    return {
      ...inner,
      substitutions: [...subVars, ...substitutions],
      substitutionsFrom: 'the Fn::Sub variables, the parameters, the resources or DefinitionSubstitutions (as ${!Name})',
      implicitSubstitution: (name) => known(name) || subVars.some((s) => s.name === name),
    };
  }
  const join = getValue(value, 'Fn::Join');
  if (join?.kind === 'array' && join.items[1]?.kind === 'array') {
    // The intrinsics joined in stand as `${Name}` of the resource they name.
    return { ...fromJoin(host, base, join.items[0], join.items[1].items, resources, value.span), implicitSubstitution: known };
  }
  return undefined;
}

/** The resource type and the properties of a state machine resource that hover explains. */
function templateKeys(type: StringNode, properties: ObjectNode, sam: boolean): TemplateKeyList {
  const keys: TemplateKeyList = [{ id: sam ? 'resource:AWS::Serverless::StateMachine' : 'resource:AWS::StepFunctions::StateMachine', span: type.span }];
  const own: Record<string, TemplateKeyId> = sam
    ? { Definition: 'sam:Definition', DefinitionUri: 'sam:DefinitionUri', DefinitionSubstitutions: 'sam:DefinitionSubstitutions', Type: 'sam:Type' }
    : { Definition: 'cfn:Definition', DefinitionString: 'cfn:DefinitionString', DefinitionSubstitutions: 'cfn:DefinitionSubstitutions', StateMachineType: 'cfn:StateMachineType' };
  for (const prop of properties.properties) {
    if (Object.hasOwn(own, prop.key)) keys.push({ id: own[prop.key], span: prop.keySpan });
  }
  const fn = getValue(properties, 'DefinitionString');
  for (const prop of fn?.kind === 'object' ? fn.properties : []) {
    if (prop.key === 'Fn::Sub' || prop.key === 'Fn::Join') keys.push({ id: `fn:${prop.key}`, span: prop.keySpan });
  }
  return keys;
}

type TemplateKeyList = NonNullable<TemplateDefinition['keys']>;

type Base = Pick<TemplateDefinition, 'name' | 'nameSpan' | 'resources' | 'substitutions' | 'substitutionsFrom' | 'implicitSubstitution' | 'substitutionTarget'>;

/** The definition as a part of the file's own tree: the file's text, the object as root. */
export function inlineDoc(hostDoc: ParsedDocument, root: AstNode): ParsedDocument {
  return {
    text: hostDoc.text,
    root,
    syntaxProblems: hostDoc.syntaxProblems.filter((p) => spanWithin(p.span, root.span)),
    ...(hostDoc.format ? { format: hostDoc.format } : {}),
    ...(hostDoc.sharedSpans ? { sharedSpans: hostDoc.sharedSpans } : {}),
  };
}

function fromString(host: HostFormat, base: Base, node: StringNode): TemplateDefinition {
  const builder = new OffsetMapBuilder();
  host.appendString(node, builder);
  const map = builder.finish(node.span.offset + node.span.length - 1);
  return { ...base, embedding: 'string', span: node.span, doc: parseDocument(builder.text), map, encode: (t) => host.encodeString(node, t) };
}

/** `Fn::Join` of strings and intrinsics: the strings joined, each intrinsic as a `${Name}` placeholder. */
function fromJoin(host: HostFormat, base: Base, separator: AstNode | undefined, parts: AstNode[], resources: AstNode, span: TemplateDefinition['span']): TemplateDefinition {
  const builder = new OffsetMapBuilder();
  const sep = separator?.kind === 'string' ? separator.value : '';
  let inString = false;
  parts.forEach((part, i) => {
    if (i > 0 && sep) builder.stand(sep, part.span.offset);
    if (part.kind === 'string') {
      const before = builder.text.length;
      host.appendString(part, builder);
      inString = quoteStateAfter(builder.text, before, inString);
    } else {
      const name = intrinsicName(part, resources);
      builder.stand(inString ? `\${${name}}` : `"\${${name}}"`, part.span.offset);
    }
  });
  const last = parts.at(-1);
  const map = builder.finish(last ? last.span.offset + last.span.length : span.offset);
  return { ...base, embedding: 'string', span, doc: parseDocument(builder.text), map, encode: (t) => (t.includes('"') || t.includes('\n') ? undefined : t) };
}

/** Whether the JSON text is inside a string literal after `text.slice(from)`, given the state at `from`. */
function quoteStateAfter(text: string, from: number, inString: boolean): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
  }
  return inString;
}

function intrinsicName(node: AstNode, resources: AstNode): string {
  if (node.kind === 'object' && node.properties.length === 1) {
    const { key, value } = node.properties[0];
    if (key === 'Ref' && value?.kind === 'string') return value.value;
    if (key === 'Fn::GetAtt' && value?.kind === 'array') return value.items.map((i) => (i.kind === 'string' ? i.value : '')).join('.');
    if (key === 'Fn::GetAtt' && value?.kind === 'string') return value.value;
  }
  void resources;
  return 'Intrinsic';
}

/** The entries of a DefinitionSubstitutions (or Fn::Sub variables) object: literals as given, intrinsics as placeholders. */
export function readSubstitutions(node: AstNode | undefined, resources: AstNode | undefined): Substitution[] {
  if (node?.kind !== 'object') return [];
  return node.properties.map((p) => {
    const v = p.value;
    if (v && (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean')) return { name: p.key, value: String(v.value), placeholder: String(v.value) };
    const placeholder = placeholderOfIntrinsic(v, resources) ?? (v ? JSON.stringify(toJsonValue(v)) : '');
    return { name: p.key, placeholder };
  });
}
