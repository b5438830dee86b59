import type { StringNode } from '../document/ast';
import type { OffsetMapBuilder } from './offsetMap';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Appends the decoded value of a JSON string literal of the file to `out`, each character mapped to its place in
 * the file (an escape sequence to its backslash).
 */
export function appendJsonString(text: string, node: StringNode, out: OffsetMapBuilder): void {
  let raw = node.span.offset + 1;
  const end = node.span.offset + node.span.length - (text.charCodeAt(node.span.offset + node.span.length - 1) === 34 ? 1 : 0);
  let runStart = raw;
  while (raw < end) {
    if (text.charCodeAt(raw) !== 92 /* \ */) {
      raw++;
      continue;
    }
    out.copy(text.slice(runStart, raw), runStart);
    const e = text[raw + 1];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(raw + 2, raw + 6))) {
      out.stand(String.fromCharCode(parseInt(text.slice(raw + 2, raw + 6), 16)), raw);
      raw += 6;
    } else {
      out.stand(e !== undefined && Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : (e ?? ''), raw);
      raw += 2;
    }
    runStart = raw;
  }
  out.copy(text.slice(runStart, Math.min(raw, end)), runStart);
}

/** How text is written inside a JSON string literal. */
export function encodeJsonString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
