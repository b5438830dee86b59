import type { AstNode, PropertyNode, Span } from './ast';
import type { ChangedRange } from './changedRange';

/**
 * Lets the parser of a new version take whole members (properties, array items) from the tree of the previous
 * version where the text did not change, instead of parsing them again. A member is taken when the parser stands
 * at a member position whose old offset starts that member and the member lies entirely outside the change, so its
 * text, and therefore its parse, is the same. Taken members are moved in place by `finish()` (their spans
 * shifted), after the parse, so that the old offsets stay searchable during it: the previous tree must not be used
 * afterwards.
 */
export class SubtreeReuse {
  private readonly delta: number;
  private readonly moves: { member: PropertyNode | AstNode; shift: number }[] = [];

  /** `oldErrors`: the syntax errors of the previous version, in order; a member holding one is parsed again. */
  constructor(
    private readonly change: ChangedRange,
    private readonly oldErrors: readonly { span: Span }[] = [],
  ) {
    this.delta = change.newEnd - change.oldEnd;
  }

  /** The offset in the old text of a new offset outside the change, or -1 inside it. */
  oldOffset(newOffset: number): number {
    if (newOffset < this.change.start) return newOffset;
    if (newOffset >= this.change.newEnd) return newOffset - this.delta;
    return -1;
  }

  /**
   * The old member starting at the position the parser stands on, if it can be taken whole; `finish()` moves
   * it to its new place.
   */
  take<T extends PropertyNode | AstNode>(members: readonly T[], newOffset: number): T | undefined {
    const member = this.startingAt(members, newOffset);
    if (!member) return undefined;
    const span = member.span;
    // Strictly before: the character right after a number or literal must be unchanged too, or the token could grow.
    if (!(span.offset + span.length < this.change.start || span.offset >= this.change.oldEnd)) return undefined;
    // A property cut short (no value) is followed by its error, not holding it.
    if (this.hasErrorWithin(span) || ('key' in member && !member.value)) return undefined;
    const shift = newOffset - span.offset;
    if (shift !== 0) this.moves.push({ member, shift });
    return member;
  }

  /** Whether an old syntax error starts within the span or at its end (where an unclosed value stopped). */
  private hasErrorWithin(span: Span): boolean {
    const errors = this.oldErrors;
    let lo = 0;
    let hi = errors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (errors[mid].span.offset < span.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < errors.length && errors[lo].span.offset <= span.offset + span.length;
  }

  /** Shifts every member taken to its place in the new text. */
  finish(): void {
    for (const { member, shift } of this.moves) shiftMember(member, shift);
    this.moves.length = 0;
  }

  /** The old member starting at this position (taken or not), to reuse what is inside it. */
  startingAt<T extends { span: Span }>(members: readonly T[], newOffset: number): T | undefined {
    const old = this.oldOffset(newOffset);
    if (old < 0) return undefined;
    let lo = 0;
    let hi = members.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = members[mid].span.offset;
      if (at === old) return members[mid];
      if (at < old) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

function shiftMember(member: PropertyNode | AstNode, shift: number): void {
  if ('key' in member) shiftProperty(member, shift);
  else shiftNode(member, shift);
}

/** Moves a property (key, value and everything inside) by `shift` characters. */
export function shiftProperty(prop: PropertyNode, shift: number): void {
  prop.span.offset += shift;
  if (prop.colonOffset >= 0) prop.colonOffset += shift;
  if (prop.value) shiftNode(prop.value, shift);
}

/** Moves a node and everything inside it by `shift` characters. */
export function shiftNode(node: AstNode, shift: number): void {
  node.span.offset += shift;
  if (node.kind === 'string' && node.literal) {
    node.literal.contentStart += shift;
    node.literal.contentEnd += shift;
  } else if (node.kind === 'object') for (const p of node.properties) shiftProperty(p, shift);
  else if (node.kind === 'array') for (const item of node.items) shiftNode(item, shift);
}
