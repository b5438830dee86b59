import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { INITIAL_DATA_ID } from '../webview/src/shared/initialDataId';

/** Webview bundles by path: read once per extension host; they only change with a new build. */
const bundles = new Map<string, string | undefined>();

/**
 * The HTML shell of a webview: a strict Content-Security-Policy (nothing but our nonce'd script and style,
 * and our own resources), no inline handlers, and no document text as markup: data comes by postMessage, or as
 * `data`, a JSON data block the view reads at start (see initialData.ts) with every `<`, `>` and `&` escaped, so that
 * no value can end the element or be read as HTML. The first data travelling with the page saves a round trip to the
 * extension host before the first picture.
 *
 * The bundle is inlined under the nonce rather than linked: a linked script is one more fetch through the
 * webview's service worker and the extension host, which costs hundreds of milliseconds before the first
 * picture in VS Code for the web (code-server). A link is the fallback when the bundle cannot be read.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: string, title: string, css: string, data?: unknown): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data: blob:`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const bundle = extensionUri.scheme === 'file' ? readBundle(join(extensionUri.fsPath, 'dist', 'webview', script)) : undefined;
  const scriptTag = bundle === undefined
    ? `<script nonce="${nonce}" src="${webview.asWebviewUri(vscodeUriJoin(extensionUri, 'dist', 'webview', script)).toString()}"></script>`
    : `<script nonce="${nonce}">${bundle}</script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
<style nonce="${nonce}">${css}</style>
</head>
<body>
<div id="app"></div>
${data === undefined ? '' : `<script type="application/json" id="${INITIAL_DATA_ID}" nonce="${nonce}">${jsonForScriptElement(data)}</script>\n`}${scriptTag}
</body>
</html>`;
}

/** JSON whose text cannot end a script element or start a comment in it: `<`, `>`, `&` (and the JavaScript line
 * separators) as JSON escapes, which JSON.parse reads back as the same characters. */
export function jsonForScriptElement(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The bundle's text when it can sit inside a script element as it is: text that could end the element or change
 * how HTML reads it (`</script`, `<script`, `<!--`) sends the view back to the linked script instead.
 * The source-map comment goes: it would resolve against the webview's page, not the bundle's path.
 */
function readBundle(path: string): string | undefined {
  if (!bundles.has(path)) {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
    } catch {
      text = undefined;
    }
    bundles.set(path, text !== undefined && !/<\/?script|<!--/i.test(text) ? text : undefined);
  }
  return bundles.get(path);
}

function vscodeUriJoin(base: vscode.Uri, ...segments: string[]): vscode.Uri {
  return base.with({ path: [base.path.replace(/\/$/, ''), ...segments].join('/') });
}
