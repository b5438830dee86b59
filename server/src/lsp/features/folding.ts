import type { FoldingRange } from 'vscode-languageserver';
import { spanEnd, type ArrayNode, type AstNode, type ObjectNode } from '../../core/document/ast';
import type { AnalyzedDocument, FeatureContext } from '../featureContext';
import type { PositionMapper } from '../toDiagnostic';

/** Folding ranges: every object and array over more than one line. */
export function registerFolding(ctx: FeatureContext): void {
  ctx.connection.onFoldingRanges(
    ctx.guard('foldingRanges', [] as FoldingRange[], (params) => foldingRanges(ctx.getDocuments(params.textDocument.uri), ctx.foldingRangeLimit)),
  );
}

/**
 * The folding ranges of a document's definitions, in document order. With a limit (the client's `rangeLimit`:
 * VS Code keeps 5,000 a file, and a 5,000-state machine has 19,000 objects and arrays over several lines) only the
 * outermost levels that fit are given, as VS Code's JSON language features do, rather than all of them for the
 * client to drop. No `kind`: `region` is for #region markers ("Fold All Regions" folds those).
 */
export function foldingRanges(docs: AnalyzedDocument[], rangeLimit?: number): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const levels: number[] = [];
  for (const doc of docs) {
    const root = doc.analysis.doc.root;
    if (root) collect(root, doc.textDocument, ranges, levels);
  }
  return rangeLimit !== undefined && ranges.length > rangeLimit ? outermost(ranges, levels, Math.max(0, rangeLimit)) : ranges;
}

function collect(root: AstNode, text: PositionMapper, ranges: FoldingRange[], levels: number[]): void {
  // Two stacks, not one of pairs: a 5,000-state machine has 60,000 nodes to walk after every edit. Only objects and
  // arrays go on them: nothing else folds or holds what does.
  const nodes: (ObjectNode | ArrayNode)[] = [];
  const nodeLevels: number[] = [];
  const push = (node: AstNode | undefined, level: number) => {
    if (node?.kind !== 'object' && node?.kind !== 'array') return;
    nodes.push(node);
    nodeLevels.push(level);
  };
  push(root, 0);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const level = nodeLevels.pop()!;
    const startLine = text.positionAt(node.offset).line;
    const endLine = text.positionAt(spanEnd(node)).line;
    let inner = level;
    if (endLine > startLine) {
      ranges.push({ startLine, endLine: endLine - 1 });
      levels.push(level);
      inner = level + 1;
    }
    // Pushed last first, so that they come out in document order.
    if (node.kind === 'object') for (let i = node.properties.length - 1; i >= 0; i--) push(node.properties[i].value, inner);
    else for (let i = node.items.length - 1; i >= 0; i--) push(node.items[i], inner);
  }
}

/** The ranges of the outermost levels whose ranges together fit the limit (of the first level, its first ones). */
function outermost(ranges: FoldingRange[], levels: number[], limit: number): FoldingRange[] {
  const counts: number[] = [];
  for (const level of levels) counts[level] = (counts[level] ?? 0) + 1;
  let kept = 0;
  let below = 0;
  while (below < counts.length && kept + (counts[below] ?? 0) <= limit) kept += counts[below++] ?? 0;
  if (below === 0) return ranges.filter((_, i) => levels[i] === 0).slice(0, limit);
  return ranges.filter((_, i) => levels[i] < below);
}
