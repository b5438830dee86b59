import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

// Keeps the boundaries of ../shared/docs/architecture.md true by scanning import lines.
const root = resolve(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(tsFiles(full));
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs;
}

function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(file, '..', spec)).split(sep).join('/') : spec;
}

function violations(dir: string, forbidden: (target: string) => boolean): string[] {
  const bad: string[] = [];
  for (const file of tsFiles(join(root, dir))) {
    for (const spec of importsOf(file)) {
      const target = resolved(file, spec);
      if (forbidden(target)) bad.push(`${relative(root, file)} imports ${spec}`);
    }
  }
  return bad;
}

const isLspOrVscode = (t: string) => t === 'vscode' || t.startsWith('vscode-languageserver') || t.startsWith('vscode-languageclient');
const isNodeIo = (t: string) => /^(node:)?(fs|fs\/promises|net|http|https|child_process)$/.test(t);

describe('architecture boundaries', () => {
  it('core never imports vscode, LSP, lsp/, cli/, client/, interpreter/ or does I/O', () => {
    const bad = violations('server/src/core', (t) =>
      isLspOrVscode(t) || isNodeIo(t) || /^(server\/src\/(lsp|cli|interpreter)|client)(\/|$)/.test(t));
    assert.deepEqual(bad, []);
  });

  it('interpreter never imports vscode, LSP, lsp/, cli/, client/ or does I/O', () => {
    const bad = violations('server/src/interpreter', (t) =>
      isLspOrVscode(t) || isNodeIo(t) || /^(server\/src\/(lsp|cli)|client)(\/|$)/.test(t));
    assert.deepEqual(bad, []);
  });

  it('nothing under server/ imports vscode or client/', () => {
    const bad = violations('server/src', (t) => t === 'vscode' || /^client(\/|$)/.test(t));
    assert.deepEqual(bad, []);
  });

  // Laying out and drawing the graph is pure core code (`asl graph` does both in Node, architecture.md boundary 4):
  // the graph webview runs it in the browser, and the graph panel lays out the first graph while the view loads;
  // their code alone may import the core's graph code.
  const hostsCoreCode = (file: string, target: string) =>
    /^client\/(webview\/)?src\/graph\//.test(relative(root, file).split(sep).join('/')) && target.startsWith('server/src/core/graph/');

  // protocol.ts is what client and server say to each other; backgroundThreads.ts, how a server process is started
  // (the client starts the language server, the server its workers, with the same Node options).
  const SHARED_WITH_CLIENT = new Set(['server/src/protocol', 'server/src/backgroundThreads']);

  it('client/ imports from the server only protocol.ts, backgroundThreads.ts and type-only core types (the graph webview: core graph code)', () => {
    const bad: string[] = [];
    for (const file of tsFiles(join(root, 'client'))) {
      const text = readFileSync(file, 'utf8');
      for (const line of text.split('\n')) {
        const m = /^\s*import\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/.exec(line);
        if (!m) continue;
        const target = resolved(file, m[2]);
        if (!target.startsWith('server/')) continue;
        const ok = SHARED_WITH_CLIENT.has(target) || (m[1] !== undefined && target.startsWith('server/src/core/')) || hostsCoreCode(file, target);
        if (!ok) bad.push(`${relative(root, file)}: ${line.trim()}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  // What lsp/ and cli/ may call in the interpreter: checks and look-ups of the definition and the mock file, and
  // reading an ended run's cause. Nothing that evaluates an expression, runs a state or loads a module.
  const PURE_LOOKUPS = new Set(['prepareDefinition', 'preparedDefinition', 'findState', 'missingMockState', 'readMockConfig', 'findTestCase', 'testCaseNames', 'MockConfigError']);

  // Rule 6: user expressions and handlers never run in the server's or the CLI's own thread. The server (lsp/) and
  // the CLI (cli/) reach the interpreter only through server/src/execution, which runs it in a worker process;
  // they may validate a definition, look into it and the mock file (PURE_LOOKUPS), and import types. The LSP test executionIsolation.test.ts
  // attacks the running server to keep the same rule true.
  it('lsp/ and cli/ never run the interpreter, jsonata or handler loading themselves (rule 6)', () => {
    const bad: string[] = [];
    // The test runner's host side (server/src/testing/ but the test worker's own two files) obeys the same rule.
    const workerOnly = new Set(['runTestJob.ts', 'testWorker.ts']);
    // The debug adapter too: only its runtime/ (the debugger inside the execution worker) evaluates anything.
    const inWorker = (dir: string, f: string) => (dir === 'server/src/testing' && workerOnly.has(f.split(sep).pop() ?? '')) || (dir === 'server/src/debug' && relative(join(root, dir), f).startsWith(`runtime${sep}`));
    for (const dir of ['server/src/lsp', 'server/src/cli', 'server/src/server.ts', 'server/src/testing', 'server/src/debug', 'server/src/debugAdapter.ts']) {
      const files = dir.endsWith('.ts') ? [join(root, dir)] : tsFiles(join(root, dir)).filter((f) => !inWorker(dir, f));
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const target = resolved(file, m[4] ?? m[5]);
          const runsCode = target === 'jsonata' || /^server\/src\/(interpreter|runtime)\//.test(target);
          if (!runsCode || m[2]) continue;
          const names = (m[3] ?? '').replace(/[{}]/g, '').split(',').map((n) => n.trim()).filter(Boolean);
          const onlyValidation = names.every((n) => /^type\s+\w+$/.test(n) || PURE_LOOKUPS.has(n));
          const onlyTypes = names.length > 0 && names.every((n) => n.startsWith('type '));
          if (!onlyValidation && !onlyTypes) bad.push(`${relative(root, file)} imports ${names.join(', ') || '(module)'} from ${m[4] ?? m[5]}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('the test runner (server/src/testing) never imports vscode, LSP, lsp/, cli/ or client/; only its pool starts processes', () => {
    const bad = violations('server/src/testing', (t) => isLspOrVscode(t) || /^(server\/src\/(lsp|cli)|client)(\/|$)/.test(t));
    assert.deepEqual(bad, []);
    const io = tsFiles(join(root, 'server/src/testing')).filter((f) => importsOf(f).some((s) => /^(node:)?(child_process|net|http|https)$/.test(s))).map((f) => relative(root, f).split(sep).join('/'));
    assert.deepEqual(io, ['server/src/testing/testPool.ts']);
  });

  it('webview code never imports vscode', () => {
    assert.deepEqual(violations('client/webview', (t) => t === 'vscode'), []);
  });
});
