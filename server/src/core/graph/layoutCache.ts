import type { ElkEngine } from './elkEngine';
import { flatKey, layoutFlat, type FlatGraph, type FlatLayout } from './flatLayout';

/**
 * Flat layouts by structure (flatKey), so that an edit which leaves a States block's boxes and edges as they were
 * does not run ELK for it again. Keeps the most recently used `capacity` layouts.
 */
export class LayoutCache {
  private readonly entries = new Map<string, Promise<FlatLayout>>();
  /** How many flat layouts ELK computed, and how many came from the cache (tests and the bench read these). */
  elkRuns = 0;
  hits = 0;

  constructor(private readonly capacity = 500) {}

  layout(elk: ElkEngine, graph: FlatGraph): Promise<FlatLayout> {
    const key = flatKey(graph);
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.elkRuns++;
    const computed = layoutFlat(elk, graph);
    this.entries.set(key, computed);
    void computed.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }

  get size(): number {
    return this.entries.size;
  }
}
