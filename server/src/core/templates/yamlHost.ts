import type { StringNode } from '../document/ast';
import type { ParsedDocument } from '../document/parseDocument';
import { readYaml } from '../document/yamlParser';
import { offsetsInYamlString } from '../document/yamlStringOffsets';
import { yamlNodeToTree } from '../document/yamlTree';
import type { HostFormat } from './hostFormat';
import type { OffsetMapBuilder } from './offsetMap';

/**
 * A YAML template read by the YAML front end: the whole file as one tree (CloudFormation short-form tags as their
 * long form, `!Sub` → `{"Fn::Sub": ...}`), strings mapped character by character into plain, quoted and block
 * scalars.
 */
export function yamlHost(text: string): HostFormat {
  const source = readYaml(text);
  const tree = yamlNodeToTree(source, source.document.contents);
  const doc: ParsedDocument = { text, root: tree.root, syntaxProblems: tree.problems, format: 'yaml', sharedSpans: tree.sharedSpans };
  return {
    name: 'yaml',
    doc,
    appendString: (node, out) => appendYamlString(text, node, out),
    encodeString: (node, t) => encodeYamlString(text, node, t),
  };
}

function appendYamlString(text: string, node: StringNode, out: OffsetMapBuilder): void {
  if (!node.literal) {
    out.stand(node.value, node.span.offset);
    return;
  }
  const offsets = offsetsInYamlString(text, node.literal, node.value);
  for (let i = 0; i < node.value.length; i++) out.copy(node.value[i], offsets[i]);
}

/** Text as a block scalar writes it (its lines indented like the block's), or escaped in a double-quoted one. */
function encodeYamlString(text: string, node: StringNode, insert: string): string | undefined {
  const literal = node.literal;
  if (!literal) return undefined;
  if (literal.style === 'double') return JSON.stringify(insert).slice(1, -1);
  if (literal.style !== 'block') return insert.includes('\n') || insert.includes("'") ? undefined : insert;
  const lineStart = text.lastIndexOf('\n', literal.contentStart - 1) + 1;
  const firstContent = literal.contentStart;
  const indent = /^[ \t]*/.exec(text.slice(lineStart === firstContent ? firstContent : lineStart, text.length))![0];
  return insert.replace(/\r?\n/g, (eol) => `${eol}${indent}`);
}
