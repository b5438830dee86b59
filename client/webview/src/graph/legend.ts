import type { PictureElement } from '../../../../server/src/core/graph/graphPicture';
import { toSvgElement } from './render';

type Entry = [swatch: PictureElement, text: string];

const box = (cls: string): PictureElement => ({ tag: 'g', attrs: { class: cls }, children: [{ tag: 'rect', attrs: { x: 3, y: 2, width: 20, height: 12, rx: 3, class: 'box' } }] });
const line = (cls: string): PictureElement => ({ tag: 'g', attrs: { class: cls }, children: [{ tag: 'path', attrs: { d: 'M2,8 L24,8' } }] });

/** What the picture's colours and marks mean; drawn with the picture's own classes, so it follows the theme. */
const GRAPH: Entry[] = [
  [line('edge catch'), 'Catch'],
  [line('edge default'), 'Default'],
  [{ tag: 'text', attrs: { x: 24, y: 12, class: 'retry-mark' }, text: '↻2' }, 'Retry (retriers)'],
  [{ tag: 'g', attrs: { class: 'node selected' }, children: [{ tag: 'rect', attrs: { x: 3, y: 2, width: 20, height: 12, rx: 3, class: 'select-ring' } }] }, 'Selected'],
  [{ tag: 'circle', attrs: { cx: 13, cy: 8, r: 6, class: 'badge error' } }, 'Problems'],
];
const RUN: Entry[] = [
  [box('node run-succeeded'), 'Succeeded'],
  [box('node run-caught'), 'Failed, then caught'],
  [box('node run-failed'), 'Failed'],
  [line('edge taken'), 'Edge taken'],
  [{ tag: 'text', attrs: { x: 1, y: 12, class: 'run-note' }, text: '2×' }, 'Retried, Map iterations (in the state)'],
];

const DEBUG: Entry[] = [
  [{ tag: 'g', attrs: { class: 'node paused' }, children: [{ tag: 'rect', attrs: { x: 9, y: 2, width: 16, height: 12, rx: 3, class: 'box' } }, { tag: 'path', attrs: { d: 'M0,3 L8,8 L0,13 Z', class: 'paused-arrow' } }] }, 'Paused here'],
  [box('node run-running'), 'Entered, not finished'],
];

const TESTS: Entry[] = [[box('node untested'), 'No test reaches it']];

function section(title: string, entries: Entry[]): HTMLElement {
  const part = document.createElement('div');
  part.className = 'legend-section';
  const heading = document.createElement('div');
  heading.className = 'legend-title';
  heading.textContent = title;
  part.append(heading);
  for (const [swatch, text] of entries) {
    const row = document.createElement('div');
    row.className = 'legend-row';
    const svg = toSvgElement({ tag: 'g', attrs: {}, children: [swatch] });
    const frame = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    frame.setAttribute('width', '26');
    frame.setAttribute('height', '16');
    frame.append(svg);
    const label = document.createElement('span');
    label.textContent = text;
    row.append(frame, label);
    part.append(row);
  }
  return part;
}

/** The legend strip under the picture: the marks always, the run colours once a run is shown. */
export class Legend {
  readonly element = document.createElement('div');
  private readonly run = section('Last run', RUN);
  private readonly tests = section('Test coverage', TESTS);
  private readonly debug = section('Debugging', DEBUG);
  private readonly staleNote = document.createElement('div');

  constructor(visible: boolean) {
    this.element.className = 'legend';
    this.element.id = 'legend';
    this.staleNote.className = 'legend-stale';
    this.staleNote.textContent = 'Edited since this run: its colours are stale (run again).';
    this.run.append(this.staleNote);
    this.tests.hidden = true;
    this.debug.hidden = true;
    this.element.append(section('Graph', GRAPH), this.debug, this.run, this.tests);
    this.element.hidden = !visible;
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    this.element.hidden = !this.element.hidden;
  }

  /** Shown once a test run with coverage has marked the picture. */
  showCoverage(): void {
    this.tests.hidden = false;
  }

  /** Shown while a debug session of the machine is on the picture. */
  showDebug(shown: boolean): void {
    this.debug.hidden = !shown;
  }

  update(hasRun: boolean, stale: boolean): void {
    this.run.hidden = !hasRun;
    this.staleNote.hidden = !stale;
  }
}
