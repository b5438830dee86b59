import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { jsonForScriptElement, webviewHtml } from '../../../client/src/webviewHtml';

/** Just enough of vscode.Uri and vscode.Webview for the shell: file URIs and the resource mapping. */
function fileUri(path: string): vscode.Uri {
  const uri = {
    scheme: 'file',
    path,
    fsPath: path,
    with: (change: { path: string }) => fileUri(change.path),
    toString: () => `file://${path}`,
  };
  return uri as unknown as vscode.Uri;
}
const webview = { cspSource: 'https://webview.test', asWebviewUri: (uri: vscode.Uri) => ({ toString: () => `https://webview.test${uri.path}` }) } as unknown as vscode.Webview;

function extensionWith(bundles: Record<string, string>): vscode.Uri {
  const root = mkdtempSync(join(tmpdir(), 'asl-webview-'));
  mkdirSync(join(root, 'dist', 'webview'), { recursive: true });
  for (const [name, text] of Object.entries(bundles)) writeFileSync(join(root, 'dist', 'webview', name), text);
  return fileUri(root);
}

function csp(html: string): string {
  return /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
}

describe('webviewHtml: the shell of every webview', () => {
  it('has a strict policy: nothing by default, scripts and styles only under a fresh nonce, no unsafe-inline or eval', () => {
    const extension = extensionWith({ 'view.js': 'document.title="x";\n//# sourceMappingURL=view.js.map\n' });
    const first = webviewHtml(webview, extension, 'view.js', 'View', 'body{}');
    const second = webviewHtml(webview, extension, 'view.js', 'View', 'body{}');
    const policy = csp(first);
    assert.match(policy, /^default-src 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(policy)?.[1];
    assert.ok(nonce && nonce.length >= 16);
    assert.notEqual(nonce, /script-src 'nonce-([^']+)'/.exec(csp(second))?.[1], 'a new nonce for each shell');
    for (const tag of first.match(/<(script|style)\b[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), `${tag} carries the nonce`);
    assert.doesNotMatch(first, /\son[a-z]+=/i, 'no inline handlers');
  });

  it('inlines the bundle (no fetch before the first picture) without its source-map comment', () => {
    const html = webviewHtml(webview, extensionWith({ 'view.js': 'document.title="x";\n//# sourceMappingURL=view.js.map\n' }), 'view.js', 'View', '');
    assert.match(html, /<script nonce="[^"]+">document\.title="x";\n<\/script>/);
    assert.doesNotMatch(html, /sourceMappingURL|src=/);
  });

  it('links the bundle instead when its text could end or change the script element, or cannot be read', () => {
    for (const text of ['var s="</script><img src=x>";', 'var s="<!--<script>";', 'var s="</SCRIPT >";']) {
      const html = webviewHtml(webview, extensionWith({ 'view.js': text }), 'view.js', 'View', '');
      assert.ok(!html.includes(text), text);
      assert.match(html, /<script nonce="[^"]+" src="https:\/\/webview\.test\/.*\/dist\/webview\/view\.js"><\/script>/);
    }
    const missing = webviewHtml(webview, extensionWith({}), 'view.js', 'View', '');
    assert.match(missing, /src="https:\/\/webview\.test\/.*\/dist\/webview\/view\.js"/);
  });

  it('carries data as a JSON block under the nonce, before the bundle, whose text no value can end or turn into markup', () => {
    const hostile = { name: '</script><script>alert(1)</script>', comment: '<!-- <script>', amp: 'a & b > c', separators: 'x\u2028y\u2029z', quote: '"\'' };
    const html = webviewHtml(webview, extensionWith({ 'view.js': 'document.title="x";' }), 'view.js', 'View', '', { uri: 'file:///a.asl.json', hostile });
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp(html))![1].replace(/[+/=]/g, (c) => `\\${c}`);
    const block = new RegExp(`<script type="application/json" id="initial-data" nonce="${nonce}">([^<]*)</script>\n<script nonce="${nonce}">document`).exec(html);
    assert.ok(block, 'the data block, then the bundle');
    assert.deepEqual(JSON.parse(block[1]), { uri: 'file:///a.asl.json', hostile }, 'JSON.parse reads the same values back');
    assert.doesNotMatch(block[1], /[<>&\u2028\u2029]/);
    assert.equal((html.match(/<script\b/g) ?? []).length, 2, 'no element made from the data');
    assert.equal(jsonForScriptElement('</script>'), '"\\u003c/script\\u003e"');
    assert.doesNotMatch(webviewHtml(webview, extensionWith({ 'view.js': '' }), 'view.js', 'View', ''), /initial-data/, 'no block without data');
  });
});
