type Point = { x: number; y: number };
type Box = { x: number; y: number; width: number; height: number };

const GAP = 14;

/** A long edge cut in two for ELK: the part from its source to a stub, and the part from a stub to its target. */
export interface CutEdge {
  /** The target's index: every cut edge to one target shares its lane. */
  target: number;
  head: Point[];
  tail: Point[];
}

/**
 * Joins each cut edge's two parts through a vertical lane right of everything the lane passes (boxes and other
 * edges' points), one lane per target, lanes that overlap vertically side by side. Returns each edge's points
 * (orthogonal: head, across to the lane, along it, across to the tail) and how wide the picture becomes.
 */
export function joinInLanes(cut: CutEdge[], boxes: Box[], others: Point[][], width: number): { points: Point[][]; width: number } {
  /** `ends`: the rightmost stub; a lane never runs left of its stubs, so its edges leave them going right. */
  const lanes = new Map<number, { top: number; bottom: number; x: number; ends: number }>();
  for (const c of cut) {
    const ys = [c.head.at(-1)!.y, c.tail[0].y];
    const lane = lanes.get(c.target) ?? { top: Infinity, bottom: -Infinity, x: 0, ends: 0 };
    lane.top = Math.min(lane.top, ...ys);
    lane.bottom = Math.max(lane.bottom, ...ys);
    lane.ends = Math.max(lane.ends, c.head.at(-1)!.x, c.tail[0].x);
    lanes.set(c.target, lane);
  }
  const placed: { top: number; bottom: number; x: number }[] = [];
  let right = width;
  for (const lane of lanes.values()) {
    let x = 0;
    for (const b of boxes) if (b.y <= lane.bottom && b.y + b.height >= lane.top) x = Math.max(x, b.x + b.width);
    for (const path of others) for (const p of path) if (p.y >= lane.top && p.y <= lane.bottom) x = Math.max(x, p.x);
    x = Math.max(x + GAP, lane.ends);
    for (const p of placed) if (p.top <= lane.bottom && p.bottom >= lane.top) x = Math.max(x, p.x + GAP);
    lane.x = x;
    placed.push(lane);
    right = Math.max(right, x + GAP);
  }
  const points = cut.map((c) => {
    const x = lanes.get(c.target)!.x;
    const from = c.head.at(-1)!;
    const to = c.tail[0];
    return [...c.head, { x, y: from.y }, { x, y: to.y }, ...c.tail];
  });
  return { points, width: right };
}
