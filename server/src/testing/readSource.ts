import { isMap, isScalar, isSeq, parseDocument as parseYaml, type Node as YamlNode } from 'yaml';
import { toJsonValue, type AstNode } from '../core/document/ast';
import { LineIndex } from '../core/document/lineIndex';
import { parseDocument } from '../core/document/parseDocument';
import type { KeyPath } from './testTypes';

/** A parsed JSON or YAML file: its value, its syntax problems, and the line of any key path in it. */
export interface Source {
  format: 'json' | 'yaml';
  value: unknown;
  problems: { line: number; message: string }[];
  /** The 1-based line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: KeyPath): number;
}

export function formatOf(fileName: string): 'json' | 'yaml' {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

/** Reads JSON (the definition parser: no comments, `__proto__` as data) or YAML (the `yaml` package). Never throws. */
export function readSource(text: string, format: 'json' | 'yaml'): Source {
  const lines = new LineIndex(text);
  const lineAt = (offset: number) => lines.positionAt(offset).line + 1;
  return format === 'json' ? readJson(text, lineAt) : readYaml(text, lineAt);
}

function readJson(text: string, lineAt: (offset: number) => number): Source {
  const doc = parseDocument(text);
  const problems = doc.syntaxProblems.map((p) => ({ line: lineAt(p.span.offset), message: p.message }));
  const root = doc.root;
  return {
    format: 'json',
    value: root && problems.length === 0 ? toJsonValue(root) : undefined,
    problems,
    lineOf: (path) => {
      let node: AstNode | undefined = root;
      let offset = root?.span.offset ?? 0;
      for (const key of path) {
        if (node?.kind === 'object' && typeof key === 'string') {
          const property = [...node.properties].reverse().find((p) => p.key === key);
          if (!property) break;
          offset = property.keySpan.offset;
          node = property.value;
        } else if (node?.kind === 'array' && typeof key === 'number' && key < node.items.length) {
          node = node.items[key];
          offset = node.span.offset;
        } else break;
      }
      return lineAt(offset);
    },
  };
}

function readYaml(text: string, lineAt: (offset: number) => number): Source {
  // uniqueKeys (default) makes a duplicate key an error; toJS bounds alias expansion (maxAliasCount 100).
  const doc = parseYaml(text, { prettyErrors: false, strict: true });
  const problems = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({ line: 1, message: (error as Error).message });
    }
  }
  return {
    format: 'yaml',
    value,
    problems,
    lineOf: (path) => {
      let node: unknown = doc.contents;
      let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
          if (!pair) break;
          offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
          node = node.items[key];
          offset = (node as YamlNode | null)?.range?.[0] ?? offset;
        } else break;
      }
      return lineAt(offset);
    },
  };
}
