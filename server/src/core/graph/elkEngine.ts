import type { ElkNode } from 'elkjs/lib/elk-api';

/** What lays out an ELK graph: `new ELK()` from elkjs in the webview's worker or in Node, or a test double. */
export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}
