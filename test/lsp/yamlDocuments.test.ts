import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { ConvertDocumentRequest, StartExecutionRequest, TestStateRequest } from '../../server/src/protocol';
import { LspClient, serverForSuiteOf } from './lspClient';
import { positionAt } from './features/cursor';

// Issue 13 point 1: `asl-yaml` documents get the diagnostics `asl` ones get, at the YAML's own positions.
const MACHINE = `# Orders
StartAt: Check
States:
  Check:
    Type: Choice
    Choices:
      - Variable: $.total
        NumericGreaterThan: 100
        Next: Big
    Default: Small # falls through
  Big:
    Type: Pass
    Parameters:
      note.$: >-
        States.Format('big {}',
        $.total[)
    End: true
  Small:
    Type: Pass
    Next: Nowhere
`;

describe('asl-yaml documents through the server', function () {
  this.timeout(30_000);
  let client: LspClient;
  serverForSuiteOf((started) => (client = started));

  const rangeText = (text: string, d: Diagnostic) => {
    const lines = text.split('\n');
    return lines[d.range.start.line].slice(d.range.start.character, d.range.start.line === d.range.end.line ? d.range.end.character : undefined);
  };

  it('reports problems at their YAML positions, inside folded scalars too', async () => {
    const uri = LspClient.uri('orders.asl.yaml');
    await client.open(uri, MACHINE);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length >= 2);
    const unknown = diagnostics.find((d) => d.code === 'unknown-state');
    assert.ok(unknown, JSON.stringify(diagnostics));
    assert.equal(rangeText(MACHINE, unknown), 'Nowhere');
    assert.deepEqual(unknown.range.start, positionAt(MACHINE, MACHINE.indexOf('Nowhere')));
    const intrinsic = diagnostics.find((d) => d.code === 'invalid-intrinsic' || d.code === 'invalid-path');
    assert.ok(intrinsic, JSON.stringify(diagnostics));
    // The folded scalar's value starts on the line after `>-`: the problem starts where the call is written.
    assert.deepEqual(intrinsic.range.start, positionAt(MACHINE, MACHINE.indexOf("States.Format('big")));
    assert.deepEqual(intrinsic.range.end, positionAt(MACHINE, MACHINE.indexOf('$.total[)') + '$.total[)'.length));
  });

  it('reports a YAML syntax error as yaml-syntax and still checks the rest', async () => {
    const uri = LspClient.uri('broken.asl.yaml');
    const text = MACHINE.replace('    End: true\n', '    End: true\n    Result: [1, 2\n');
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'yaml-syntax'));
    assert.ok(diagnostics.some((d) => d.code === 'unknown-state'), JSON.stringify(diagnostics));
  });

  it('converts a YAML document to JSON and back without changing the machine', async () => {
    const uri = LspClient.uri('convert.asl.yaml');
    await client.open(uri, MACHINE);
    await client.waitForDiagnostics(uri);
    const json = await client.request<ConvertDocumentRequest.Result>(ConvertDocumentRequest.method, { uri, to: 'json' });
    assert.ok('text' in json);
    assert.equal(json.lostComments, true);
    const parsed = JSON.parse(json.text);
    assert.deepEqual(Object.keys(parsed), ['StartAt', 'States']);
    assert.deepEqual(Object.keys(parsed.States), ['Check', 'Big', 'Small']);
    assert.equal(parsed.States.Big.Parameters['note.$'], "States.Format('big {}', $.total[)");
    const jsonUri = LspClient.uri('convert.asl.json');
    await client.open(jsonUri, json.text);
    await client.waitForDiagnostics(jsonUri);
    const yaml = await client.request<ConvertDocumentRequest.Result>(ConvertDocumentRequest.method, { uri: jsonUri, to: 'yaml' });
    assert.ok('text' in yaml);
    assert.match(yaml.text, /^StartAt: Check\nStates:\n {2}Check:\n/);
  });

  it('runs a YAML machine (Start Execution) and one of its states (Test State)', async () => {
    const uri = LspClient.uri('run.asl.yaml');
    const text = MACHINE.replace('Next: Nowhere', 'End: true').replace('$.total[)', '$.total)');
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const run = await client.request<StartExecutionRequest.Result>(StartExecutionRequest.method, { uri, executionId: 'yaml-1', input: '{"total": 150}' });
    assert.equal(run.status, 'SUCCEEDED', JSON.stringify(run));
    assert.deepEqual(run.output, { note: 'big 150' });
    const state = await client.request<TestStateRequest.Result>(TestStateRequest.method, { uri, stateName: 'Check', input: '{"total": 5}' });
    assert.equal(state.status, 'SUCCEEDED');
    assert.equal((state as { nextState?: string }).nextState, 'Small');
  });

  it('survives a YAML bomb (aliases of aliases): a clear problem, promptly', async () => {
    const uri = LspClient.uri('bomb.asl.yaml');
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 20; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    await client.open(uri, lines.join('\n'));
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => /aliases of aliases/.test(JSON.stringify(x.message))), 10_000);
    assert.ok(diagnostics.length > 0);
  });

  it('refuses to convert a document that does not parse', async () => {
    const uri = LspClient.uri('unparsable.asl.yaml');
    await client.open(uri, 'StartAt: [\n');
    await client.waitForDiagnostics(uri);
    const result = await client.request<ConvertDocumentRequest.Result>(ConvertDocumentRequest.method, { uri, to: 'json' });
    assert.ok('error' in result && /syntax errors/.test(result.error));
  });
});
