// Bundles every entry point into dist/. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const nodeEntries = [
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'client/src/extension.ts', out: 'extension' },
  // Runs one execution in a process of its own; the server and the CLI find it beside themselves in dist/.
  { in: 'server/src/execution/executionWorker.ts', out: 'executionWorker' },
  // Runs many tests, one after another, in a process of its own (asl test, the Testing view).
  { in: 'server/src/testing/testWorker.ts', out: 'testWorker' },
  // The debug adapter (Debug Adapter Protocol over stdio); it runs each debugged execution in an execution worker.
  { in: 'server/src/debugAdapter.ts', out: 'debugAdapter' },
];
const webviewEntries = [
  { in: 'client/webview/src/graph/main.ts', out: 'webview/graph' },
  { in: 'client/webview/src/execution/main.ts', out: 'webview/execution' },
  { in: 'client/webview/src/testState/main.ts', out: 'webview/testState' },
].filter((e) => existsSync(e.in));

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'info' };

const builds = nodeEntries.filter((e) => existsSync(e.in)).map((e) => ({
  ...common,
  entryPoints: [{ in: e.in, out: e.out }],
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', ...(e.external ?? [])],
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  banner: e.banner ? { js: e.banner } : undefined,
}));
if (webviewEntries.length > 0) {
  builds.push({
    ...common,
    entryPoints: webviewEntries,
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // Always minified: the webview parses these each time a view opens.
    minify: true,
  });
}

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
