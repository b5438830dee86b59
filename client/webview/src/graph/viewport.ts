type Box = { x: number; y: number; width: number; height: number };
export type Transform = { x: number; y: number; k: number };

const PAD = 20;

/**
 * Pan and zoom of the picture. While `following` (from the start, and again after Fit), every new layout is fitted;
 * once the user pans or zooms, the view stays where they put it and only scrolls to keep given boxes in sight.
 */
export class Viewport {
  following: boolean;
  /**
   * The picture's size on screen. It does not depend on what is drawn, so it is read before a new picture goes in
   * (`measure`) and kept until the view is resized: reading it after would make the browser lay out the whole new
   * picture there and then, and again after each transform (two layouts of a 500-state picture in every draw).
   */
  private measured: { w: number; h: number } | undefined;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly group: SVGGElement,
    public transform: Transform,
    restored: boolean,
    private readonly onChange: (t: Transform) => void,
  ) {
    this.following = !restored;
  }

  private get size(): { w: number; h: number } {
    return (this.measured ??= { w: this.svg.clientWidth || 800, h: this.svg.clientHeight || 600 });
  }

  /** Reads the size now (call before changing the picture), or takes a new one (a resize). */
  measure(size?: { w: number; h: number }): void {
    this.measured = size && size.w > 0 && size.h > 0 ? size : undefined;
    void this.size;
  }

  apply(): void {
    this.group.setAttribute('transform', `translate(${this.transform.x},${this.transform.y}) scale(${this.transform.k})`);
    this.onChange(this.transform);
  }

  fit(width: number, height: number): void {
    const { w, h } = this.size;
    const k = Math.min(2, Math.max(0.05, Math.min((w - 2 * PAD) / Math.max(width, 1), (h - 2 * PAD) / Math.max(height, 1))));
    this.transform = { k, x: (w - width * k) / 2, y: PAD };
    this.following = true;
    this.apply();
  }

  zoomBy(factor: number, cx = this.size.w / 2, cy = this.size.h / 2): void {
    const t = this.transform;
    const k = Math.min(4, Math.max(0.05, t.k * factor));
    this.transform = { k, x: cx - ((cx - t.x) * k) / t.k, y: cy - ((cy - t.y) * k) / t.k };
    this.following = false;
    this.apply();
  }

  panTo(x: number, y: number): void {
    this.transform = { ...this.transform, x, y };
    this.following = false;
    this.apply();
  }

  /** Whether a box (picture coordinates) lies wholly inside the visible area. */
  shows(box: Box): boolean {
    const { w, h } = this.size;
    const { x, y, k } = this.transform;
    return box.x * k + x >= 0 && box.y * k + y >= 0 && (box.x + box.width) * k + x <= w && (box.y + box.height) * k + y <= h;
  }

  /** Scrolls (keeping the zoom) so that the boxes are in sight: their union centred, or the first box if they do not fit. */
  reveal(boxes: Box[]): void {
    if (boxes.length === 0 || boxes.every((b) => this.shows(b))) return;
    const { w, h } = this.size;
    const { k } = this.transform;
    const left = Math.min(...boxes.map((b) => b.x));
    const top = Math.min(...boxes.map((b) => b.y));
    const union = { x: left, y: top, width: Math.max(...boxes.map((b) => b.x + b.width)) - left, height: Math.max(...boxes.map((b) => b.y + b.height)) - top };
    const target = union.width * k > w - 2 * PAD || union.height * k > h - 2 * PAD ? boxes[0] : union;
    this.transform = { k, x: w / 2 - (target.x + target.width / 2) * k, y: h / 2 - (target.y + target.height / 2) * k };
    this.apply();
  }
}
