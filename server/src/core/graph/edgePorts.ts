/** How far a port keeps from a box's corner, and from the next port on the same side. */
const CORNER = 10;
const SPACING = 10;

/** A wish for where on a side of a box an edge should leave or arrive: under/over `want` (Infinity: far right). */
export interface PortWish {
  want: number;
  /** Ties (the same `want`) keep this order: the edge's index in the model. */
  order: number;
}

/**
 * Where on one side of a box (from `left`, `width` wide) each of `wishes` goes: as near to its wish as the box
 * allows (an edge whose other end is right below or above runs straight), in the wishes' order left to right,
 * SPACING apart; spread evenly when they do not fit that way. Returns the x of each wish, in the given order.
 */
export function placePorts(left: number, width: number, wishes: PortWish[]): number[] {
  if (wishes.length === 0) return [];
  const lo = left + Math.min(CORNER, width / 4);
  const hi = left + width - Math.min(CORNER, width / 4);
  const order = wishes.map((_, i) => i).sort((a, b) => wishes[a].want - wishes[b].want || wishes[a].order - wishes[b].order);
  const xs = order.map((i) => Math.min(hi, Math.max(lo, wishes[i].want)));
  for (let k = 1; k < xs.length; k++) xs[k] = Math.max(xs[k], xs[k - 1] + SPACING);
  if (xs[xs.length - 1] > hi) {
    xs[xs.length - 1] = hi;
    for (let k = xs.length - 2; k >= 0; k--) xs[k] = Math.min(xs[k], xs[k + 1] - SPACING);
  }
  if (xs[0] < lo) for (let k = 0; k < xs.length; k++) xs[k] = left + (width * (k + 1)) / (xs.length + 1);
  const result = new Array<number>(wishes.length);
  order.forEach((i, k) => (result[i] = xs[k]));
  return result;
}

/**
 * Gives each horizontal segment of a gap between two layers its own track (height in the gap): segments whose
 * spans overlap never share one. Intervals sorted by left end, each on the first free track (optimal for
 * intervals). Returns each segment's track and the number of tracks.
 */
export function assignTracks(spans: { from: number; to: number }[]): { track: number[]; tracks: number } {
  const order = spans.map((_, i) => i).sort((a, b) => Math.min(spans[a].from, spans[a].to) - Math.min(spans[b].from, spans[b].to));
  const ends: number[] = [];
  const track = new Array<number>(spans.length);
  for (const i of order) {
    const lo = Math.min(spans[i].from, spans[i].to);
    const hi = Math.max(spans[i].from, spans[i].to);
    let t = ends.findIndex((end) => end + SPACING / 2 < lo);
    if (t < 0) t = ends.push(hi) - 1;
    else ends[t] = hi;
    track[i] = t;
  }
  return { track, tracks: ends.length };
}
