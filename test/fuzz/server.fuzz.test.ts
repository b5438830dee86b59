import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { LspClient } from '../lsp/lspClient';
import { SOURCES } from './fuzzSources';
import { fuzzParams, fuzzReport } from './fuzzScale';
import { applyTextEdit, mutateValue, mutationArb, textEditArb, TOKENS } from './mutateDefinition';

const CLI = resolve(__dirname, '../../dist/cli.js');
const RESPONSE_LIMIT_MS = 1000;

// Issue 12, "Fuzzing in CI": the real server process and the real CLI, fed mutated definitions and edits: the
// server answers every request within a second and stays alive; the CLI exits 0, 1 or 2 with no stack trace.
describe('fuzz: the language server and the CLI on mutated definitions', function () {
  this.timeout(600_000);
  let client: LspClient;
  let requests = 0;
  let slowest = 0;
  let cliRuns = 0;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    fuzzReport(`server: ${requests} timed requests after edits, slowest ${slowest.toFixed(0)} ms; CLI: ${cliRuns} runs`);
    await client.shutdown();
  });

  async function timed<T>(what: string, request: Promise<T>): Promise<T> {
    const started = performance.now();
    const value = await request;
    const ms = performance.now() - started;
    requests++;
    slowest = Math.max(slowest, ms);
    assert.ok(ms < RESPONSE_LIMIT_MS, `${what} took ${ms.toFixed(0)} ms`);
    return value;
  }

  it('answers hover, completion and symbols within a second after every edit, and publishes diagnostics', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(SOURCES.length - 1), fc.array(mutationArb, { maxLength: 4 }), fc.array(textEditArb, { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), async (source, mutations, edits, where) => {
        let text = JSON.stringify(mutateValue(JSON.parse(SOURCES[source]), mutations), null, 2);
        const uri = LspClient.uri(`fuzz-${n++}.asl.json`);
        await client.open(uri, text);
        for (const edit of edits) {
          const at = Math.floor(edit.at * text.length);
          const removed = Math.min(edit.remove, text.length - at);
          await client.changeRange(uri, text, at, removed, TOKENS[edit.insert]);
          text = applyTextEdit(text, edit);
          const position = LspClient.range(text, Math.floor(where * text.length), 0).start;
          await timed('hover', client.request('textDocument/hover', { textDocument: { uri }, position }));
          await timed('completion', client.request('textDocument/completion', { textDocument: { uri }, position }));
        }
        await timed('symbols', client.request('textDocument/documentSymbol', { textDocument: { uri } }));
        await client.waitForDiagnostics(uri, () => true, 10_000);
        await client.close(uri);
        assert.ok(!client.exited, `the server exited: ${client.stderr.join('')}`);
      }),
      fuzzParams(25),
    );
  });

  it('asl validate and asl graph exit 0, 1 or 2 with no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-fuzz-cli-'));
    fc.assert(
      fc.property(fc.nat(SOURCES.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.array(textEditArb, { maxLength: 3 }), (source, mutations, edits) => {
        let text = JSON.stringify(mutateValue(JSON.parse(SOURCES[source]), mutations), null, 2);
        for (const edit of edits) text = applyTextEdit(text, edit);
        const file = join(dir, 'machine.asl.json');
        writeFileSync(file, text);
        for (const args of [['validate', file], ['graph', '--format', 'json', file]]) {
          const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000 });
          cliRuns++;
          assert.ok(run.status !== null && [0, 1, 2].includes(run.status), `${args[0]} exited ${run.status} (${run.signal}): ${run.stderr}`);
          assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+\)?\n/, `${args[0]} printed a stack trace:\n${run.stderr}`);
        }
      }),
      fuzzParams(2),
    );
  });
});
