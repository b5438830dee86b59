import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { MAX_NESTING_DEPTH } from './parseDocument';

/** Past this, sizes are all "too many": they are only compared with a budget far below it. */
const SATURATED = Number.MAX_SAFE_INTEGER;

/**
 * How many values each node of a YAML document stands for once its aliases are read through (the node itself,
 * its keys and values, and what every alias in it repeats), computed in one pass in document order: an alias
 * refers to an anchor written before it, whose size is known by then. A YAML bomb (aliases of aliases) costs this
 * pass one step per node of the text, not one per value it would expand to.
 */
export function aliasSizes(document: Document.Parsed): Map<YamlNode, number> {
  const sizes = new Map<YamlNode, number>();
  const anchors = new Map<string, YamlNode>();
  const add = (a: number, b: number) => Math.min(SATURATED, a + b);

  const size = (node: unknown, depth: number): number => {
    if (node === null || node === undefined || typeof node !== 'object') return 1;
    const yamlNode = node as YamlNode;
    if (isAlias(yamlNode)) {
      const target = anchors.get(yamlNode.source);
      // A target still being measured contains this alias: the tree builder refuses that alias.
      return add(1, target ? sizes.get(target) ?? 1 : 0);
    }
    if (yamlNode.anchor) anchors.set(yamlNode.anchor, yamlNode);
    let total = 1;
    if (depth < MAX_NESTING_DEPTH) {
      if (isMap(yamlNode)) {
        for (const pair of yamlNode.items as Pair[]) total = add(total, add(size(pair.key, depth + 1), size(pair.value, depth + 1)));
      } else if (isSeq(yamlNode)) {
        for (const item of yamlNode.items) total = add(total, size(item, depth + 1));
      }
    }
    if (!isScalar(yamlNode) || yamlNode.anchor) sizes.set(yamlNode, total);
    return total;
  };
  size(document.contents, 0);
  return sizes;
}
