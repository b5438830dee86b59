import type { Layout } from './graphLayout';
import type { GraphModel } from './graphModel';
import { ARROW_MARKERS, graphPicture, type PictureElement, type PictureRun } from './graphPicture';
import { pictureBackground, PICTURE_CSS, resolveCss } from './pictureCss';

const MARGIN = 20;

export interface SvgOptions extends PictureRun {
  /** Theme values for the CSS variables (the webview's computed style); without it, the light palette. */
  lookup?: (name: string) => string;
}

/** A standalone SVG document of a laid-out graph: its own style and background, no VS Code needed to read it. */
export function graphSvg(graph: GraphModel, layout: Layout, options: SvgOptions = {}): string {
  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN);
  const body = [
    `<style>${escapeText(resolveCss(PICTURE_CSS, options.lookup))}</style>`,
    `<rect width="100%" height="100%" fill="${escapeAttr(pictureBackground(options.lookup))}"/>`,
    toXml({ tag: 'defs', attrs: {}, children: ARROW_MARKERS }),
    toXml({ tag: 'g', attrs: { transform: `translate(${MARGIN},${MARGIN})` }, children: graphPicture(graph, layout, options) }),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n${body.join('\n')}\n</svg>\n`;
}

/**
 * An element as XML text: attribute values and text escaped. One string grown by `+=` (V8 joins the pieces as a
 * rope, flattened once at the end): a big picture is tens of thousands of elements, and an array of parts cost
 * twice as much. Numbers need no escaping.
 */
export function toXml(element: PictureElement): string {
  const attrs = element.attrs;
  let xml = `<${element.tag}`;
  for (const k in attrs) {
    const value = attrs[k];
    xml += ` ${k}="${typeof value === 'number' ? value : escapeAttr(value)}"`;
  }
  const children = element.children;
  if (element.text === undefined && (children === undefined || children.length === 0)) return `${xml}/>`;
  xml += '>';
  if (element.text !== undefined) xml += escapeText(element.text);
  if (children) for (const child of children) xml += toXml(child);
  return `${xml}</${element.tag}>`;
}

// XML 1.0 has no place for most control characters, even escaped; a state name may hold them.
const SPECIAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F&<>"]/;
const escapeText = (s: string) => (SPECIAL.test(s) ? s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s);
const escapeAttr = (s: string) => (SPECIAL.test(s) ? escapeText(s).replace(/"/g, '&quot;') : s);
