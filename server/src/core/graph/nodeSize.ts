import type { GraphNode } from './graphModel';

/** State names are drawn at 12 px (about 7.2 px a character), edge and group labels at 11 px (about 6.2). */
const CHAR = 7.2;
const LABEL_CHAR = 6.2;

export function textWidth(text: string, perChar: number): number {
  return [...text].length * perChar;
}

/** The box of a (non-compound) node: markers are small pills, states fit their name within 90..260 px. */
export function nodeSize(node: GraphNode): { width: number; height: number } {
  if (node.kind === 'start' || node.kind === 'end') return { width: 56, height: 26 };
  return { width: Math.max(90, Math.min(260, node.label.length * CHAR + 28)), height: 38 };
}

/** The box of an edge label (Choice rule, Default, Catch errors); describeRule keeps them to 48 characters. */
export function edgeLabelSize(label: string): { width: number; height: number } {
  return { width: Math.min(label.length, 48) * LABEL_CHAR + 8, height: 16 };
}
