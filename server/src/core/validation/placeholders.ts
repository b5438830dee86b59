import type { AstNode } from '../document/ast';

/**
 * A `${Name}` definition substitution (SAM, CDK, Terraform) somewhere in the string: a `${` with a `}` after it
 * (what /\$\{[^}]*\}/ matches; found with indexOf, as it runs on every string value the rules look at).
 */
export function hasPlaceholder(value: string): boolean {
  const open = value.indexOf('${');
  return open >= 0 && value.indexOf('}', open + 2) >= 0;
}

/**
 * A value a deployment tool replaces, when the settings accept them: a string holding `${Name}`, or a
 * CloudFormation intrinsic object (`{"Ref": ...}`, `{"Fn::GetAtt": ...}`) in a definition inlined in a template.
 */
export function isPlaceholderNode(node: AstNode | undefined, allowPlaceholders: boolean): boolean {
  if (!allowPlaceholders || !node) return false;
  if (node.kind === 'string') return hasPlaceholder(node.value);
  return (
    node.kind === 'object' &&
    node.properties.length === 1 &&
    (node.properties[0].key === 'Ref' || node.properties[0].key.startsWith('Fn::'))
  );
}

/** A string that is a JSONata expression: exactly `{%` ... `%}`, with nothing outside the delimiters. */
export function isJsonataString(value: string): boolean {
  return value.startsWith('{%') && value.endsWith('%}') && value.length >= 4;
}
