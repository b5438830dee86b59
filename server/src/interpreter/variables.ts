import { setOwn } from '../core/document/ownProps';
import { jsonByteLength } from './dataLimit';
import { asOwnCause, StatesError } from './statesError';

/**
 * AWS's limits on variables (asl-reference §0.5, §4, §12; developer guide, "Passing data between states with
 * variables"): a variable's value at most 256 KiB, the values of one Assign at most 256 KiB together, and the
 * variables an execution holds at most 10 MiB, all counted as UTF-8 JSON.
 */
export const VARIABLE_LIMIT = 256 * 1024;
export const ASSIGN_LIMIT = 256 * 1024;
export const EXECUTION_VARIABLES_LIMIT = 10 * 1024 * 1024;

const overLimit = (owner: string, what: string, limit: string) =>
  asOwnCause(new StatesError('States.DataLimitExceeded', `The state/task '${owner}' ${what} exceeding the maximum number of bytes service limit (${limit}).`));

/** A States block's variables; inner blocks read outer ones (asl-reference §0.5). */
export class VariableScope {
  /** Made on the first assignment: most Map iterations and Parallel branches assign nothing. */
  private own?: Map<string, unknown>;
  /** The UTF-8 JSON size of each of this scope's values, and their sum. */
  private sizes?: Map<string, number>;
  private ownBytes = 0;
  /** Bytes held by the execution's live scopes (shared with the inner scopes; a Distributed Map child has its own). */
  private readonly held: { bytes: number };
  private version = 0;
  private cached?: { version: number; parentVersion: number; value: Record<string, unknown> };
  constructor(readonly parent?: VariableScope) {
    this.held = parent?.held ?? { bytes: 0 };
  }

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
  assign(values: Record<string, unknown>, owner: string): void {
    const entries = Object.entries(values);
    const sizes = this.sizes ?? new Map<string, number>();
    const measured: number[] = [];
    let total = 0;
    let delta = 0;
    for (const [k, v] of entries) {
      const size = jsonByteLength(v, VARIABLE_LIMIT);
      measured.push(size);
      if (size > VARIABLE_LIMIT) throw overLimit(owner, `assigned the variable '${k}' a value with a size`, `a variable is at most ${VARIABLE_LIMIT} bytes of UTF-8`);
      total += size;
      delta += size - (sizes.get(k) ?? 0);
    }
    if (total > ASSIGN_LIMIT) throw overLimit(owner, 'assigned variables with a size', `the values of one Assign are at most ${ASSIGN_LIMIT} bytes of UTF-8 together`);
    if (this.held.bytes + delta > EXECUTION_VARIABLES_LIMIT) throw overLimit(owner, "assigned variables that bring the execution's variables to a size", `an execution's variables are at most ${EXECUTION_VARIABLES_LIMIT} bytes of UTF-8`);
    const own = (this.own ??= new Map());
    this.sizes = sizes;
    entries.forEach(([k, v], i) => {
      own.set(k, v);
      sizes.set(k, measured[i]);
    });
    this.ownBytes += delta;
    this.held.bytes += delta;
    this.version++;
  }

  /** The scope's block ended (a Parallel branch, a Map iteration): its variables no longer count toward the execution's. */
  release(): void {
    this.held.bytes -= this.ownBytes;
    this.ownBytes = 0;
  }

  get size(): number {
    return this.own?.size ?? 0;
  }
}
