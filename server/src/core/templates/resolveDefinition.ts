import { setOwn } from '../document/ownProps';
import { getProperty, OWN_SPAN, ownSpan, Property, type ArrayNode, type AstNode, type ObjectNode, type StringNode } from '../document/ast';
import { placeholderFor, placeholderOfIntrinsic, terraformPlaceholder } from './placeholderArns';
import type { TemplateDefinition } from './templateTypes';

/**
 * The values a local run uses for a template's `${Name}` substitutions: what the user gives (`--sub`, the run
 * dialog), else the literal the template gives, else a readable placeholder (an ARN naming the resource).
 */
export function substitutionValues(definition: TemplateDefinition, given: Record<string, string> = {}): Map<string, string> {
  const values = new Map<string, string>();
  for (const s of definition.substitutions) values.set(s.name, s.value ?? s.placeholder);
  for (const [name, value] of Object.entries(given)) values.set(name, value);
  return values;
}

/**
 * The definition as AWS receives it after deployment, as far as it can be known here: each `${Name}` (and
 * `${!Name}`) with a value replaced, and CloudFormation intrinsic objects (`{"Fn::GetAtt": ...}`) replaced by
 * placeholders. A `${Name}` with no value stays as written.
 */
export function resolveDefinition(value: unknown, values: Map<string, string>, resources?: Parameters<typeof placeholderOfIntrinsic>[1]): unknown {
  // What Fn::Sub fills in by itself: a resource (`${Worker}`, `${Worker.Arn}`) or a pseudo parameter (`${AWS::Region}`).
  const fromTemplate = (name: string): string | undefined => {
    if (name.startsWith('AWS::')) return placeholderFor(resources, name);
    if (!resources && name.startsWith('aws_')) return terraformPlaceholder(name);
    const dot = name.indexOf('.');
    const id = dot < 0 ? name : name.slice(0, dot);
    return resources && getProperty(resources, id) ? placeholderFor(resources, id, dot < 0 ? undefined : name.slice(dot + 1)) : undefined;
  };
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.includes('${') ? v.replace(/\$\{!?([^{}]*)\}/g, (m, name: string) => values.get(name.trim()) ?? fromTemplate(name.trim()) ?? m) : v;
    if (depth > 512 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    const keys = Object.keys(v);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      const placeholder = intrinsicPlaceholder(keys[0], (v as Record<string, unknown>)[keys[0]], resources);
      if (placeholder !== undefined) return placeholder;
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) setOwn(out, key, walk((v as Record<string, unknown>)[key], depth + 1));
    return out;
  };
  return walk(value, 0);
}

function intrinsicPlaceholder(key: string, arg: unknown, resources: Parameters<typeof placeholderOfIntrinsic>[1]): string | undefined {
  const at = { offset: 0, length: 0 };
  const toNode = (v: unknown): AstNode | undefined =>
    typeof v === 'string'
      ? ownSpan<StringNode>({ kind: 'string', value: v, ...at, span: OWN_SPAN })
      : Array.isArray(v)
        ? ownSpan<ArrayNode>({ kind: 'array', items: v.map(toNode).filter((n) => n !== undefined), ...at, span: OWN_SPAN })
        : undefined;
  const value = toNode(arg);
  const property = new Property(key, 0, value, 0, 0, 0);
  return placeholderOfIntrinsic(ownSpan<ObjectNode>({ kind: 'object', ...at, span: OWN_SPAN, properties: [property] }), resources);
}
