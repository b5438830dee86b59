type Size = { width: number; height: number };

/** Room above a compound's groups for its title, and around them. */
const COMPOUND = { top: 34, side: 12, bottom: 12 };
/** Room above a group's states for its label ("Branch 2"), and around them. */
const GROUP = { top: 26, side: 10, bottom: 10 };
const GAP = 16;

export interface ArrangedGroup extends Size {
  x: number;
  y: number;
  /** Where the block's own layout starts inside the compound, relative to the frame. */
  padX: number;
  padY: number;
}

/**
 * Frames the laid-out blocks of a Parallel (its branches) or a Map (its processor) and sets them side by side,
 * left to right in their order, as tall as the tallest; each frame is at least as wide as its label, and the
 * compound as wide as its title.
 */
export function arrangeGroups(blocks: Size[], labelWidths: number[], titleWidth: number): Size & { groups: ArrangedGroup[] } {
  const frames = blocks.map((b, i) => ({ width: Math.max(b.width + 2 * GROUP.side, labelWidths[i] ?? 0), height: b.height + GROUP.top + GROUP.bottom }));
  const height = Math.max(0, ...frames.map((f) => f.height));
  const row = frames.reduce((sum, f) => sum + f.width, 0) + GAP * Math.max(0, frames.length - 1);
  const width = Math.max(row + 2 * COMPOUND.side, titleWidth);
  let x = (width - row) / 2;
  const groups = frames.map((f, i) => {
    const group = { x, y: COMPOUND.top, width: f.width, height, padX: (f.width - blocks[i].width) / 2, padY: GROUP.top };
    x += f.width + GAP;
    return group;
  });
  return { width, height: COMPOUND.top + height + COMPOUND.bottom, groups };
}
