import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const ARTIFACTS = resolve(__dirname, '../../test-artifacts');
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const DIST = resolve(__dirname, '../../dist/webview');

/** VS Code's dark theme colours, so the webview renders as it does in the editor. */
export const THEME = `:root {
  --vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-foreground: #cccccc; --vscode-editor-background: #1e1e1e;
  --vscode-editor-foreground: #d4d4d4; --vscode-editorWidget-background: #252526; --vscode-editorWidget-border: #454545;
  --vscode-descriptionForeground: #9d9d9d; --vscode-badge-background: #4d4d4d; --vscode-badge-foreground: #ffffff;
  --vscode-focusBorder: #007fd4; --vscode-errorForeground: #f48771; --vscode-editorWarning-foreground: #cca700;
  --vscode-charts-red: #f14c4c; --vscode-charts-green: #89d185; --vscode-charts-yellow: #cca700; --vscode-charts-orange: #d18616;
  --vscode-charts-purple: #b180d7; --vscode-editorLineNumber-foreground: #858585; --vscode-button-background: #0e639c; --vscode-button-foreground: #fff;
  --vscode-button-secondaryBackground: #3a3d41; --vscode-button-secondaryForeground: #fff; --vscode-testing-iconPassed: #73c991;
  --vscode-testing-iconFailed: #f14c4c; --vscode-textCodeBlock-background: #0a0a0a; --vscode-input-background: #3c3c3c; --vscode-input-foreground: #ccc;
  --vscode-charts-blue: #3794ff; --vscode-debugIcon-breakpointCurrentStackframeForeground: #ffcc00; --vscode-editor-stackFrameHighlightBackground: #ffff0033;
}`;

/** VS Code's light theme colours (Light Modern), for the light screenshots. */
export const LIGHT_THEME = `:root {
  --vscode-font-family: sans-serif; --vscode-font-size: 13px; --vscode-foreground: #3b3b3b; --vscode-editor-background: #ffffff;
  --vscode-editor-foreground: #3b3b3b; --vscode-editorWidget-background: #f8f8f8; --vscode-editorWidget-border: #c8c8c8;
  --vscode-descriptionForeground: #717171; --vscode-badge-background: #cccccc; --vscode-badge-foreground: #3b3b3b;
  --vscode-focusBorder: #005fb8; --vscode-errorForeground: #f85149; --vscode-editorWarning-foreground: #bf8803;
  --vscode-charts-red: #e51400; --vscode-charts-green: #388a34; --vscode-charts-yellow: #bf8803; --vscode-charts-orange: #d18616;
  --vscode-charts-purple: #652d90; --vscode-editorLineNumber-foreground: #6e7681; --vscode-button-background: #005fb8; --vscode-button-foreground: #fff;
  --vscode-button-secondaryBackground: #e5e5e5; --vscode-button-secondaryForeground: #3b3b3b; --vscode-testing-iconPassed: #388a34;
  --vscode-testing-iconFailed: #e51400; --vscode-textCodeBlock-background: #f3f3f3; --vscode-input-background: #ffffff; --vscode-input-foreground: #3b3b3b;
  --vscode-list-hoverBackground: #f2f2f2; --vscode-textLink-foreground: #005fb8;
  --vscode-charts-blue: #1a85ff; --vscode-debugIcon-breakpointCurrentStackframeForeground: #be8700; --vscode-editor-stackFrameHighlightBackground: #ffff6673;
}`;

/**
 * Serves dist/webview plus a page that stands in for VS Code: acquireVsCodeApi records what the view posts. The
 * page at `/` has the `theme` colours; the one at `/light` always the light theme.
 */
export async function serveWebview(script: string, css: string, theme: 'dark' | 'light' = 'dark'): Promise<{ url: string; server: Server }> {
  const page = (light: boolean) => `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${light ? LIGHT_THEME : THEME}\n${css}</style>
<script>window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => {} });</script>
</head><body><div id="app"></div><script src="/${script}"></script></body></html>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === '/light') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(path === '/light' || theme === 'light'));
      return;
    }
    const file = resolve(DIST, `.${path}`);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export interface WebviewHarness {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a webview bundle and launches headless Chromium for it. Without Chromium the suite is skipped, except
 * in CI (ASL_REQUIRE_BROWSER), where a missing browser is a failure.
 */
export async function openWebviewHarness(suite: Mocha.Context, script: string, css: string, theme: 'dark' | 'light' = 'dark'): Promise<WebviewHarness | undefined> {
  if (!CHROMIUM) {
    if (process.env.ASL_REQUIRE_BROWSER) throw new Error('chromium is required (apt-get install chromium)');
    console.warn('chromium not found (apt-get install chromium); skipping the browser tests');
    suite.skip();
    return undefined;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const { url, server } = await serveWebview(script, css, theme);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  return {
    browser,
    url,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
