import { setOwn } from '../core/document/ownProps';

/** A States block's variables; inner blocks read outer ones (asl-reference §0.5). */
export class VariableScope {
  /** Made on the first assignment: most Map iterations and Parallel branches assign nothing. */
  private own?: Map<string, unknown>;
  private version = 0;
  private cached?: { version: number; parentVersion: number; value: Record<string, unknown> };
  constructor(readonly parent?: VariableScope) {}

  /** A number that changes whenever this scope or an outer one assigns. */
  get stamp(): number {
    return this.version + (this.parent?.stamp ?? 0) * 1e6;
  }

  /** Every visible variable, inner names first (cached until the next assignment; treat as read-only). */
  all(): Record<string, unknown> {
    // A scope that holds nothing sees exactly its parent's variables: the same (read-only) object, not a copy.
    if (this.own === undefined && this.parent) return this.parent.all();
    const parentVersion = this.parent?.stamp ?? 0;
    if (this.cached && this.cached.version === this.version && this.cached.parentVersion === parentVersion) return this.cached.value;
    const out: Record<string, unknown> = this.parent ? { ...this.parent.all() } : {};
    if (this.own) for (const [k, v] of this.own) setOwn(out, k, v);
    this.cached = { version: this.version, parentVersion, value: out };
    return out;
  }

  /** Assigns in the scope that already holds the name (an outer one, for a catcher of a Map/Parallel), else here. */
  assign(values: Record<string, unknown>): void {
    const own = (this.own ??= new Map());
    for (const [k, v] of Object.entries(values)) own.set(k, v);
    this.version++;
  }

  get size(): number {
    return this.own?.size ?? 0;
  }
}
