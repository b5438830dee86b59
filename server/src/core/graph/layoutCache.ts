import { flatKey, layoutFlat, type FlatGraph, type FlatLayout } from './flatLayout';

/**
 * Flat layouts by structure (flatKey), so that an edit which leaves a States block's boxes and edges as they were
 * does not lay it out again. Keeps the most recently used `capacity` layouts.
 */
export class LayoutCache {
  private readonly entries = new Map<string, FlatLayout>();
  /** How many flat layouts were computed, and how many came from the cache (tests and the bench read these). */
  computed = 0;
  hits = 0;

  constructor(private readonly capacity = 500) {}

  layout(graph: FlatGraph): FlatLayout {
    const key = flatKey(graph);
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.computed++;
    const computed = layoutFlat(graph);
    if (this.capacity > 0) this.entries.set(key, computed);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return computed;
  }

  get size(): number {
    return this.entries.size;
  }
}
