import { templateEnd, type HeredocBody } from './hclTokens';
import { OffsetMapBuilder, type OffsetMap } from './offsetMap';

/**
 * The JSON of a Terraform heredoc, mapped to the file. `<<-` strips the lines' common indentation, as Terraform
 * does. Terraform's own `${...}` interpolations and `%{...}` directives are kept at their length but made
 * harmless for the JSON parser: inside a JSON string the interpolation stays a `${...}` placeholder (its quotes and
 * backslashes replaced), outside one it becomes a string `"${...}"` (or `0` when too short), a directive blanks.
 */
export function heredocSource(text: string, body: HeredocBody): { text: string; map: OffsetMap; indent: string } {
  const lines: { start: number; end: number }[] = [];
  for (let at = body.contentStart; at < body.contentEnd; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 || nl >= body.contentEnd ? body.contentEnd : nl + 1;
    lines.push({ start: at, end });
    at = end;
  }
  let strip = 0;
  let indent = '';
  if (body.indented) {
    let min = Infinity;
    for (const line of lines) {
      const content = text.slice(line.start, line.end);
      if (content.trim() === '') continue;
      const width = /^[ \t]*/.exec(content)![0].length;
      if (width < min) {
        min = width;
        indent = content.slice(0, width);
      }
    }
    strip = Number.isFinite(min) ? min : 0;
  }
  const out = new OffsetMapBuilder();
  let inString = false;
  for (const line of lines) {
    const width = /^[ \t]*/.exec(text.slice(line.start, line.end))![0].length;
    let pos = line.start + Math.min(strip, width);
    while (pos < line.end) {
      const c = text[pos];
      if ((c === '$' || c === '%') && text[pos + 1] === '{' && text[pos - 1] !== c) {
        const end = Math.min(templateEnd(text, pos + 2), line.end);
        out.copy(neutral(text.slice(pos, end), c === '%' ? 'directive' : inString ? 'inString' : 'value'), pos);
        pos = end;
        continue;
      }
      if (inString && c === '\\') {
        out.copy(text.slice(pos, pos + 2), pos);
        pos += 2;
        continue;
      }
      if (c === '"') inString = !inString;
      out.copy(c, pos);
      pos++;
    }
  }
  return { text: out.text, map: out.finish(body.contentEnd), indent };
}

function neutral(raw: string, where: 'directive' | 'inString' | 'value'): string {
  if (where === 'directive') return raw.replace(/[^\n]/g, ' ');
  const inner = raw.slice(2, -1).replace(/[^\w.]/g, '_');
  if (where === 'inString') return `\${${inner}}`;
  if (raw.length < 5) return '0'.padEnd(raw.length, ' ');
  return `"\${${inner.slice(0, raw.length - 5)}}"`;
}

/** Text for the heredoc: indented like its lines (for `<<-`), with `${` and `%{` escaped as Terraform wants. */
export function encodeHeredoc(text: string, indent: string): string {
  const escaped = text.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  return indent ? escaped.replace(/\n/g, `\n${indent}`) : escaped;
}
