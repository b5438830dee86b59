import { LineCounter, parseDocument as parseYamlText, visit, type Document, type Tags } from 'yaml';
import { MAX_NESTING_DEPTH, type ParsedDocument, type SyntaxProblem } from './parseDocument';
import { CLOUDFORMATION_TAGS, yamlNodeToTree } from './yamlTree';

/** A YAML text read by the `yaml` package: its document (nodes carry offsets into `text`) and its problems. */
export interface YamlSource {
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** Syntax errors and warnings anywhere in the text, in text order. */
  problems: SyntaxProblem[];
}

/**
 * The YAML 1.1 types CloudFormation reads (`yes`/`no` booleans, `0x` and `0o` numbers, sexagesimal numbers), without
 * the tags it does not support (binary, omap, pairs, set, timestamp: such scalars stay strings). Merge keys are
 * handled by the tree builder, which keeps their positions.
 */
const UNSUPPORTED_TAGS = new Set(['binary', 'omap', 'pairs', 'set', 'timestamp', 'merge'].map((t) => `tag:yaml.org,2002:${t}`));

export function cloudFormationTags(tags: Tags): Tags {
  return tags.filter((t) => !(typeof t === 'object' && UNSUPPORTED_TAGS.has(t.tag)));
}

/**
 * Reads YAML text with the `yaml` package. Never throws: a text that defeats it (nesting deep enough to exhaust the
 * stack) gives an empty document with one problem.
 */
export function readYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const tooDeep = flowNestingPast(text, MAX_NESTING_DEPTH);
  if (tooDeep >= 0) return unreadable(text, lineCounter, tooDeep);
  let document: Document.Parsed;
  try {
    document = parseYamlText(text, {
      lineCounter,
      version: '1.1',
      customTags: cloudFormationTags,
      uniqueKeys: false,
      prettyErrors: false,
      keepSourceTokens: false,
      strict: false,
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return unreadable(text, lineCounter, 0);
  }
  const problems: SyntaxProblem[] = [];
  for (const e of document.errors) problems.push({ message: firstLine(e.message), span: spanOf(e.pos, text) });
  for (const w of document.warnings) {
    const tag = /^Unresolved tag: !(\S+)/.exec(w.message)?.[1];
    if (w.code === 'TAG_RESOLVE_FAILED' && tag && CLOUDFORMATION_TAGS.has(tag)) continue;
    problems.push({ message: firstLine(w.message), span: spanOf(w.pos, text), severity: 'warning' });
  }
  problems.sort((a, b) => a.span.offset - b.span.offset);
  return { text, document, lineCounter, problems };
}

/**
 * Reads the part `[start, end)` of a text as YAML, with every offset (nodes, problems) into the whole text, so a
 * tree built from it can stand in a tree of the whole text.
 */
export function readYamlSlice(text: string, start: number, end: number): YamlSource {
  const source = readYaml(text.slice(start, end));
  visit(source.document, {
    Node(_, node) {
      if (node.range) node.range = [node.range[0] + start, node.range[1] + start, node.range[2] + start];
    },
  });
  for (const p of source.problems) p.span.offset += start;
  return { ...source, text };
}

/** Reads a whole YAML text as a state machine definition: the same tree the JSON parser builds. Never throws. */
export function parseYamlDocument(text: string): ParsedDocument {
  const source = readYaml(text);
  const tree = yamlNodeToTree(source, source.document.contents);
  const syntaxProblems = tree.problems;
  if (!tree.root && !syntaxProblems.some((p) => p.severity !== 'warning')) {
    syntaxProblems.push({ message: 'The definition is empty: it must be a YAML mapping', span: { offset: 0, length: 0 } });
  }
  return { text, root: tree.root, syntaxProblems, format: 'yaml', sharedSpans: tree.sharedSpans };
}

function unreadable(text: string, lineCounter: LineCounter, at: number): YamlSource {
  const document = parseYamlText('', { lineCounter: new LineCounter() });
  const message = `The document is nested more than ${MAX_NESTING_DEPTH} levels deep`;
  return { text, document, lineCounter, problems: [{ message, span: { offset: at, length: Math.min(text.length - at, 1) } }] };
}

/**
 * Where flow brackets (`[`, `{`) first nest deeper than `limit`, or -1: the `yaml` package composes flow
 * collections recursively, and a deep enough text would cost it a stack overflow per level, so such a text is not
 * handed to it. Quoted scalars and comments are skipped; a bracket in a plain scalar counts, which only matters for
 * hundreds of unclosed ones.
 */
function flowNestingPast(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    } else if (c === 34 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
    } else if (c === 39 /* ' */ && i > 0 && /[\s:,[{-]/.test(text[i - 1])) {
      const close = text.indexOf("'", i + 1);
      if (close > 0) i = close;
    } else if (c === 35 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    }
  }
  return -1;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function spanOf(pos: [number, number], text: string): { offset: number; length: number } {
  const offset = Math.max(0, Math.min(pos[0], text.length));
  return { offset, length: Math.max(0, Math.min(pos[1], text.length) - offset) };
}
