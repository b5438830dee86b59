/** A predicate may be written bare or inside `{% %}` as in a JSONata state. */
export function stripBraces(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('{%') && trimmed.endsWith('%}') ? trimmed.slice(2, -2) : text;
}
