/**
 * Maps offsets of a definition's own text (the JSON inside a template string, say) to offsets in the file that
 * holds it, and back. The identity when the definition is a part of the file as written (an inline object).
 */
export class OffsetMap {
  /**
   * `hostOf[i]`: the file offset of the definition's character i; `hostOf[length]`: the file offset just after
   * its last character. Undefined for the identity.
   */
  private constructor(private readonly hostOf: Int32Array | undefined) {}

  static readonly identity = new OffsetMap(undefined);

  /** From the file offset of each character of the definition text, plus the end. Must not decrease. */
  static fromTable(hostOf: Int32Array): OffsetMap {
    return new OffsetMap(hostOf);
  }

  get isIdentity(): boolean {
    return this.hostOf === undefined;
  }

  toHost(offset: number): number {
    const table = this.hostOf;
    if (!table) return offset;
    if (table.length === 0) return 0;
    return table[Math.max(0, Math.min(offset, table.length - 1))];
  }

  /** The definition offset of a file offset: the character at or after it (clamped to the definition). */
  fromHost(hostOffset: number): number {
    const table = this.hostOf;
    if (!table) return hostOffset;
    let low = 0;
    let high = table.length - 1;
    if (high < 0 || hostOffset <= table[0]) return 0;
    if (hostOffset >= table[high]) return high;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (table[mid] < hostOffset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Builds the table of an OffsetMap piece by piece, alongside the definition text. */
export class OffsetMapBuilder {
  private table: number[] = [];
  text = '';

  /** Characters copied as they are from the file at `hostOffset`. */
  copy(chars: string, hostOffset: number): void {
    for (let i = 0; i < chars.length; i++) this.table.push(hostOffset + i);
    this.text += chars;
  }

  /** Characters that stand for the file range starting at `hostOffset` (an escape sequence, say). */
  stand(chars: string, hostOffset: number): void {
    for (let i = 0; i < chars.length; i++) this.table.push(hostOffset);
    this.text += chars;
  }

  finish(hostEnd: number): OffsetMap {
    this.table.push(hostEnd);
    return OffsetMap.fromTable(Int32Array.from(this.table));
  }
}
