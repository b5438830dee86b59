import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { AstNode, NumberNode } from './ast';
import { cloudFormationTags } from './yamlParser';
import { CLOUDFORMATION_TAGS } from './yamlTree';

/**
 * Writes a document tree as YAML: keys in the order they are written (duplicates kept, as the JSON had them),
 * strings quoted wherever YAML 1.1 (what CloudFormation reads) would otherwise read another type, numbers as
 * written (`1.0` stays a fraction), CloudFormation intrinsics in their short form (`!Sub`, `!GetAtt`...). Reading the
 * result back gives the same tree values.
 */
export function toYamlText(root: AstNode): string {
  const doc = new Document(null, { version: '1.1', customTags: cloudFormationTags, uniqueKeys: false });
  doc.contents = yamlNodeOf(root) as never;
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, singleQuote: null });
}

function yamlNodeOf(node: AstNode): unknown {
  switch (node.kind) {
    case 'object': {
      const intrinsic = shortFormTag(node);
      if (intrinsic) {
        const inner = yamlNodeOf(intrinsic.value) as Scalar | YAMLMap | YAMLSeq;
        inner.tag = `!${intrinsic.tag}`;
        return inner;
      }
      const map = new YAMLMap();
      for (const p of node.properties) {
        const key = new Scalar(p.key);
        // A plain `<<` would read back as a merge key.
        if (p.key === '<<') key.type = 'QUOTE_DOUBLE';
        map.items.push(new Pair(key, p.value ? yamlNodeOf(p.value) : new Scalar(null)));
      }
      return map;
    }
    case 'array': {
      const seq = new YAMLSeq();
      for (const item of node.items) seq.items.push(yamlNodeOf(item));
      return seq;
    }
    case 'number':
      return numberScalar(node);
    default: {
      const scalar = new Scalar(node.value);
      if (node.kind === 'string' && /[\n\r]/.test(node.value) && !/[ \t]\n|\n[ \t]|^\s|\s$/.test(node.value)) scalar.type = 'BLOCK_LITERAL';
      return scalar;
    }
  }
}

function numberScalar(node: NumberNode): Scalar {
  const scalar = new Scalar(node.value);
  if (!node.isInteger && Number.isInteger(node.value)) scalar.minFractionDigits = 1;
  return scalar;
}

/** `{"Fn::Sub": x}` → `!Sub x`, `{"Ref": x}` → `!Ref x` (a scalar or a list, as CloudFormation's short forms take). */
function shortFormTag(node: AstNode & { kind: 'object' }): { tag: string; value: AstNode } | undefined {
  if (node.properties.length !== 1) return undefined;
  const [p] = node.properties;
  const name = p.key === 'Ref' || p.key === 'Condition' ? p.key : p.key.startsWith('Fn::') ? p.key.slice(4) : undefined;
  if (!name || !CLOUDFORMATION_TAGS.has(name) || !p.value) return undefined;
  // A short form whose value is itself a short form needs the long form outside (CloudFormation's own rule).
  if (p.value.kind === 'object' || (p.value.kind !== 'string' && p.value.kind !== 'array')) return undefined;
  return { tag: name, value: p.value };
}

/**
 * Writes a document tree as JSON with two-space indentation: keys in written order (duplicates kept), numbers as
 * written (`1.0` stays a fraction). A YAML value JSON cannot hold (`.inf`, `.nan`) becomes null.
 */
export function toJsonText(root: AstNode, eol = '\n'): string {
  return `${jsonOf(root, '', eol)}${eol}`;
}

function jsonOf(node: AstNode, indent: string, eol: string): string {
  const inner = `${indent}  `;
  switch (node.kind) {
    case 'object': {
      const entries = node.properties.filter((p) => p.value).map((p) => `${inner}${JSON.stringify(p.key)}: ${jsonOf(p.value!, inner, eol)}`);
      return entries.length === 0 ? '{}' : `{${eol}${entries.join(`,${eol}`)}${eol}${indent}}`;
    }
    case 'array': {
      if (node.items.length === 0) return '[]';
      if (node.items.every((i) => i.kind !== 'object' && i.kind !== 'array') && node.items.length <= 8) return `[${node.items.map((i) => jsonOf(i, inner, eol)).join(', ')}]`;
      return `[${eol}${node.items.map((i) => `${inner}${jsonOf(i, inner, eol)}`).join(`,${eol}`)}${eol}${indent}]`;
    }
    case 'number':
      if (!Number.isFinite(node.value)) return 'null';
      return !node.isInteger && Number.isInteger(node.value) ? node.value.toFixed(1) : JSON.stringify(node.value);
    default:
      return JSON.stringify(node.value);
  }
}
