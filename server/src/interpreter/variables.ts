/** A States block's variables; inner blocks read outer ones (asl-reference §0.5). */
export class VariableScope {
  private readonly own = new Map<string, unknown>();
  constructor(readonly parent?: VariableScope) {}

  /** Every visible variable, inner names first. */
  all(): Record<string, unknown> {
    const out: Record<string, unknown> = this.parent ? this.parent.all() : {};
    for (const [k, v] of this.own) out[k] = v;
    return out;
  }

  /** Assigns in the scope that already holds the name (an outer one, for a catcher of a Map/Parallel), else here. */
  assign(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.own.set(k, v);
  }

  get size(): number {
    return this.own.size;
  }
}
