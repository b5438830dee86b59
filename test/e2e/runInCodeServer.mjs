// Runs the end-to-end suite inside a real VS Code: code-server from the npm registry (VS Code 1.100.3, the
// newest that runs on Node 20), driven by Debian's headless Chromium with playwright-core. The extension loads
// from this repository as in F5 (extensionDevelopmentPath), the suite as extensionTestsPath; the workbench
// reports the exit code through window.codeAutomationExit. Prints "N passed, N failed". See test/e2e/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync, copyFileSync, renameSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { buildSuite } from './buildSuite.mjs';
import { startUiBridge } from './uiBridge.mjs';
import { installProbe } from './webviewProbe.mjs';
import { chromium } from 'playwright-core';

const VERSION = '4.100.3';
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The '-staged' suffix marks installs made by installCodeServer's staging rename (earlier caches could be half
// written when two runs installed at once).
const cacheDir = process.env.ASL_CODE_SERVER_DIR ?? join(homedir(), '.cache', 'asl-e2e', `code-server-${VERSION}-staged`);
const artifacts = join(repo, 'test-artifacts');
const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

function log(message) {
  console.log(`[e2e] ${message}`);
}

function finish(passed, failed, why) {
  if (why) log(why);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

/** Installs code-server into the cache, pre-seeding @vscode/ripgrep's download cache with Debian's rg. */
function installCodeServer() {
  const bin = join(cacheDir, 'node_modules', '.bin', 'code-server');
  if (existsSync(bin)) return bin;
  // Installed into a staging folder and renamed into place when complete, so a run that starts while another is
  // still installing never sees a half-built code-server (a missing native binding made one CI run fail).
  const staging = `${cacheDir}.staging-${process.pid}`;
  log(`installing code-server@${VERSION} into ${cacheDir} (about a minute)`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'cs-pack-'));
  const pack = (spec) => spawnSync('npm', ['pack', spec, '--silent'], { cwd: work, encoding: 'utf8' }).stdout.trim().split('\n').pop();
  const tgz = pack(`code-server@${VERSION}`);
  spawnSync('tar', ['xzf', tgz, 'package/lib/vscode/npm-shrinkwrap.json'], { cwd: work });
  const shrinkwrap = JSON.parse(readFileSync(join(work, 'package/lib/vscode/npm-shrinkwrap.json'), 'utf8'));
  const rgVersion = shrinkwrap.packages['node_modules/@vscode/ripgrep'].version;
  rmSync(join(work, 'package'), { recursive: true, force: true });
  const rgTgz = pack(`@vscode/ripgrep@${rgVersion}`);
  spawnSync('tar', ['xzf', rgTgz, 'package/lib/postinstall.js'], { cwd: work });
  const rgTag = /const VERSION = '([^']+)'/.exec(readFileSync(join(work, 'package/lib/postinstall.js'), 'utf8'))[1];
  const rgCache = join(tmpdir(), `vscode-ripgrep-cache-${rgVersion}`);
  mkdirSync(join(work, 'rg'), { recursive: true });
  mkdirSync(rgCache, { recursive: true });
  copyFileSync('/usr/bin/rg', join(work, 'rg', 'rg'));
  spawnSync('tar', ['czf', join(rgCache, `ripgrep-${rgTag}-x86_64-unknown-linux-musl.tar.gz`), '-C', join(work, 'rg'), 'rg']);
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', staging, `code-server@${VERSION}`], {
    stdio: 'inherit',
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (result.status !== 0 || !existsSync(join(staging, 'node_modules', '.bin', 'code-server'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error('code-server install failed');
  }
  try {
    renameSync(staging, cacheDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(bin)) throw error; // another run finished its install first: use that one
  }
  return bin;
}

function freePort() {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function main() {
  if (!chromiumPath) return finish(0, 1, 'chromium is missing: apt-get install chromium');
  if (!existsSync('/usr/bin/rg')) return finish(0, 1, 'ripgrep is missing: apt-get install ripgrep');
  const codeServer = installCodeServer();

  await buildSuite(repo);

  const temp = mkdtempSync(join(tmpdir(), 'asl-e2e-'));
  const workspace = join(artifacts, 'e2e-workspace');
  // Each run starts from an empty workspace: files an earlier run left (scratch machines, converted copies) would
  // change what the next one sees (the Problems panel, "the file already exists").
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  mkdirSync(join(temp, 'data', 'User'), { recursive: true });
  writeFileSync(join(temp, 'data', 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'editor.wordBasedSuggestions': 'off',
    // The e2e workspace sits inside the repository: no "git repository found in a parent folder" toast over screenshots.
    'git.openRepositoryInParentFolders': 'never',
  }));
  const results = join(temp, 'results.json');
  mkdirSync(artifacts, { recursive: true });
  const pageRef = { page: undefined };
  const bridge = await startUiBridge(pageRef, artifacts, log);
  const port = await freePort();
  const server = spawn(codeServer, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--extensions-dir', join(temp, 'ext'),
    '--user-data-dir', join(temp, 'data'), '--ignore-last-opened',
  ], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASL_E2E_RESULTS: results, ASL_E2E_UI: bridge.url, XDG_CONFIG_HOME: join(temp, 'config'), XDG_DATA_HOME: join(temp, 'xdg'), EXTENSIONS_GALLERY: '{"serviceUrl":"http://127.0.0.1:9"}' },
  });
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);

  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 300) return finish(0, 1, `code-server did not start:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(repo)], ['extensionTestsPath', remote(join(repo, 'dist/test/e2e/index.js'))]];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  pageRef.page = page;
  if (process.env.ASL_E2E_NETLOG) {
    const t0 = Date.now();
    const short = (u) => u.replace(/^https?:\/\/[^/]+/, '').slice(0, 140);
    page.on('request', (r) => { if (/webview|vscode-resource|vscode-cdn|pre\/|service-worker/.test(r.url())) log(`net +${Date.now() - t0} req ${short(r.url())}`); });
    page.on('requestfinished', (r) => { if (/webview|vscode-resource|vscode-cdn|pre\/|service-worker/.test(r.url())) log(`net +${Date.now() - t0} done ${short(r.url())}`); });
    page.on('frameattached', (f) => log(`net +${Date.now() - t0} frame attached`));
    page.on('framenavigated', (f) => log(`net +${Date.now() - t0} frame navigated ${short(f.url())}`));
  }
  const probeReport = process.env.ASL_E2E_PROBE ? await installProbe(browser, page, artifacts, process.env.ASL_E2E_PROBE === 'trace') : undefined;
  let exitCode;
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
  });
  log(`workbench: ${url}`);
  await page.goto(url);
  const deadline = Date.now() + 20 * 60_000;
  while (exitCode === undefined && Date.now() < deadline) await page.waitForTimeout(250);
  for (const [at, where, what] of (await probeReport?.()) ?? []) log(`probe ${at.toFixed(1)} ${where} ${what}`);
  bridge.close();
  await browser.close();
  stop();

  if (!existsSync(results)) return finish(0, 1, `the suite did not report (exit code ${exitCode ?? 'none'}):\n${serverLog.slice(-4000)}`);
  const report = JSON.parse(readFileSync(results, 'utf8'));
  for (const line of report.log ?? []) log(line);
  for (const failure of report.failures) log(`FAILED ${failure}`);
  finish(report.passed, report.failed);
}

main().catch((error) => finish(0, 1, String(error?.stack ?? error)));
