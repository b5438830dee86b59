/** Creates an element with text content only: document data never becomes markup. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Pretty JSON of a value, or of a string that holds JSON (history events carry JSON text). */
export function pretty(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value, null, 2) ?? String(value);
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

const PREVIEW_LINES = 40;
const PREVIEW_CHARS = 4000;
const FULL_CHARS = 512 * 1024;

/**
 * A <pre> holding `text`, cut to its first lines when long, with a button that shows the rest (itself capped, so a
 * huge value never freezes the view).
 */
export function valueBlock(text: string, className = 'value'): HTMLElement {
  const pre = el('pre', undefined, className);
  const lines = text.split('\n', PREVIEW_LINES + 1);
  const cut = lines.length > PREVIEW_LINES || text.length > PREVIEW_CHARS;
  pre.textContent = cut ? `${lines.slice(0, PREVIEW_LINES).join('\n').slice(0, PREVIEW_CHARS)}\n…` : text;
  if (!cut) return pre;
  const box = el('div');
  const more = el('button', `Show all (${formatSize(text.length)})`, 'link');
  more.addEventListener('click', () => {
    pre.textContent = text.length > FULL_CHARS ? `${text.slice(0, FULL_CHARS)}\n… (cut at ${formatSize(FULL_CHARS)} of ${formatSize(text.length)})` : text;
    pre.classList.add('full');
    more.remove();
  });
  box.append(pre, more);
  return box;
}

export function formatSize(chars: number): string {
  return chars < 1024 ? `${chars} characters` : chars < 1024 * 1024 ? `${(chars / 1024).toFixed(1)} KB` : `${(chars / 1024 / 1024).toFixed(1)} MB`;
}
